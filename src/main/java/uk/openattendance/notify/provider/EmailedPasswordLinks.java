package uk.openattendance.notify.provider;

import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import java.security.SecureRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import uk.openattendance.notify.app.SendFailure;
import uk.openattendance.notify.domain.OutgoingMessage;
import uk.openattendance.roll.domain.Channel;
import uk.openattendance.security.PasswordLinkSender;

/**
 * Emails a staff member their password link at once, outside the outbox: it belongs to no school, and a person waiting
 * at the sign-in page should not wait for the dispatcher. If SMTP refuses, they ask again (the answer to the request
 * never says whether the account exists, so a failure is logged, not shown).
 */
@Singleton
@Requires(property = "notify.sink", value = "send")
public class EmailedPasswordLinks implements PasswordLinkSender {
    private static final Logger LOG = LoggerFactory.getLogger(EmailedPasswordLinks.class);
    private static final SecureRandom RANDOM = new SecureRandom();
    private final SmtpMail mail;

    public EmailedPasswordLinks(SmtpMail mail) {
        this.mail = mail;
    }

    @Override
    public void send(String email, String displayName, String link, long validMinutes) {
        String body = "Hello " + displayName + ",\n\nTo set your Open Attendance password, open this link (it works once, for " + validMinutes
                + " minutes):\n\n" + link + "\n\nIf you did not ask for this, ignore this email: your password stays as it is.\n";
        try {
            mail.send(new OutgoingMessage(0, Channel.EMAIL, email, "Set your Open Attendance password", body, "PASSWORD_LINK", null,
                    body.replace(link, "(link)")), Math.abs(RANDOM.nextLong()));
        } catch (SendFailure e) {
            LOG.warn("The password link for staff email could not be sent: {}", e.getMessage());
        }
    }
}
