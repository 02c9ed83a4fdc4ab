package uk.openattendance.notify.provider;

import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import uk.openattendance.security.PasswordLinkSender;

/**
 * With the store sink nothing leaves the machine, so a staff member's password link is printed on the service's
 * console for the operator to hand over (the embedded demo, or a deployment not yet connected to SMTP).
 */
@Singleton
@Requires(property = "notify.sink", value = "store", defaultValue = "store")
public class ConsolePasswordLinks implements PasswordLinkSender {
    @Override
    public void send(String email, String displayName, String link, long validMinutes) {
        System.out.println("[password link] for " + email + " (" + displayName + "), usable once within " + validMinutes + " minutes: " + link);
    }
}
