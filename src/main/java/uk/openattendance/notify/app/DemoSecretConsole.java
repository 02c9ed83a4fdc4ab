package uk.openattendance.notify.app;

import io.micronaut.context.annotation.Requires;
import io.micronaut.runtime.event.annotation.EventListener;
import jakarta.inject.Singleton;

/**
 * The embedded demo only (notify.store.print-secrets, set in application-demo.yml and nowhere else): prints on the
 * console the one-time codes the store sink would have texted, so a person trying the demo can sign in as one of its
 * fictional parents. Requires the store sink too, so a deployment that really sends can never print a code.
 */
@Singleton
@Requires(property = "notify.store.print-secrets", value = "true")
@Requires(property = "notify.sink", value = "store", defaultValue = "store")
public class DemoSecretConsole {
    @EventListener
    void print(StoredMessages.SecretHandedOver secret) {
        System.out.println("[demo only] " + secret.purpose() + " for " + secret.to() + " (school " + secret.schoolId() + "): " + secret.body());
    }
}
