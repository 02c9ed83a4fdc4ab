package uk.openattendance.platform.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micronaut.context.ApplicationContext;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Settings that would only fail later (a 500 at the first sign-in, a text that never leaves) stop the service at start, naming the setting. */
class StartupSettingsIT {

    private static Map<String, Object> sending() {
        Map<String, Object> s = new HashMap<>(Map.of("notify.sink", "send", "notify.twilio.account-sid", "AC00000000000000000000000000000000",
                "notify.twilio.auth-token", "test-twilio-auth-token-0123456789", "notify.twilio.from", "+447700900000", "notify.smtp.host", "127.0.0.1",
                "notify.smtp.from", "attendance@example.org", "attendance.public-base-url", "https://attendance.example.org"));
        return s;
    }

    private static String startFailure(Map<String, Object> settings) {
        StringBuilder all = new StringBuilder();
        assertThatThrownBy(() -> ApplicationContext.run(settings, "test").close()).satisfies(e -> {
            for (Throwable t = e; t != null; t = t.getCause()) {
                all.append(t.getMessage()).append('\n');
            }
        });
        return all.toString();
    }

    @Test
    void aMissingJwtSecretStopsTheServiceAndNamesIt() {
        assertThat(startFailure(Map.of("micronaut.security.token.jwt.signatures.secret.generator.secret", ""))).contains("JWT_SECRET is not set");
    }

    @Test
    void sendingWithoutTwilioSettingsStopsTheServiceAndNamesThem() {
        Map<String, Object> s = sending();
        s.put("notify.twilio.account-sid", "");
        s.put("notify.twilio.from", "");
        assertThat(startFailure(s)).contains("NOTIFY_SINK=send needs TWILIO_ACCOUNT_SID, TWILIO_FROM (not set)");
    }

    @Test
    void sendingWithoutSmtpSettingsStopsTheServiceAndNamesThem() {
        Map<String, Object> s = sending();
        s.put("notify.smtp.host", "");
        assertThat(startFailure(s)).contains("NOTIFY_SINK=send needs SMTP_HOST (not set)");
    }

    @Test
    void twilioWithoutAPublicBaseUrlStopsTheServiceAndNamesIt() {
        Map<String, Object> s = sending();
        s.put("attendance.public-base-url", "");
        assertThat(startFailure(s)).contains("PUBLIC_BASE_URL is not set");
    }

    @Test
    void aCompleteSetOfSendingSettingsStarts() {
        try (ApplicationContext ctx = ApplicationContext.run(sending(), "test")) {
            assertThat(ctx.isRunning()).isTrue();
        }
    }
}
