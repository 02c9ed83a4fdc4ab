package uk.openattendance.platform.settings;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SettingsRulesTest {
    private static final String SECRET = "a-signing-key-long-enough-for-hs256-0123456789";

    private static List<String> problems(Map<String, String> settings) {
        return SettingsRules.problems(p -> Optional.ofNullable(settings.get(p)));
    }

    private static Map<String, String> sending() {
        Map<String, String> s = new HashMap<>(Map.of(SettingsRules.JWT_SECRET, SECRET, SettingsRules.NOTIFY_SINK, "send",
                "notify.twilio.account-sid", "AC00000000000000000000000000000000", "notify.twilio.auth-token", "token", "notify.twilio.from", "+447700900000",
                "notify.smtp.host", "smtp.example.org", "notify.smtp.from", "attendance@example.org"));
        s.put(SettingsRules.PUBLIC_BASE_URL, "https://attendance.example.org");
        return s;
    }

    @Test
    void aCompleteSetOfSettingsForSendingStarts() {
        assertThat(problems(sending())).isEmpty();
        assertThat(problems(Map.of(SettingsRules.JWT_SECRET, SECRET, SettingsRules.NOTIFY_SINK, "store"))).isEmpty();
    }

    @Test
    void aMissingOrShortJwtSecretIsNamed() {
        assertThat(problems(Map.of())).singleElement().asString().startsWith("JWT_SECRET is not set");
        assertThat(problems(Map.of(SettingsRules.JWT_SECRET, "   "))).singleElement().asString().startsWith("JWT_SECRET is not set");
        assertThat(problems(Map.of(SettingsRules.JWT_SECRET, "short-key"))).singleElement().asString().startsWith("JWT_SECRET is 9 bytes");
    }

    @Test
    void sendingWithoutTwilioOrSmtpNamesEveryMissingSetting() {
        Map<String, String> s = sending();
        s.remove("notify.twilio.auth-token");
        s.remove("notify.smtp.host");
        assertThat(problems(s)).singleElement().asString().contains("NOTIFY_SINK=send needs TWILIO_AUTH_TOKEN, SMTP_HOST (not set)");
    }

    @Test
    void sendingWithoutAPublicBaseUrlIsRefusedBecauseTwilioSignsAgainstIt() {
        Map<String, String> s = sending();
        s.remove(SettingsRules.PUBLIC_BASE_URL);
        assertThat(problems(s)).singleElement().asString().startsWith("PUBLIC_BASE_URL is not set");
        s.put(SettingsRules.PUBLIC_BASE_URL, "");
        assertThat(problems(s)).singleElement().asString().startsWith("PUBLIC_BASE_URL is not set");
    }

    @Test
    void aPublicBaseUrlThatIsNotAnAddressIsRefused() {
        for (String bad : List.of("attendance.example.org", "ftp://attendance.example.org", "https://attendance.example.org/api?x=1", "https://")) {
            Map<String, String> s = sending();
            s.put(SettingsRules.PUBLIC_BASE_URL, bad);
            assertThat(problems(s)).as(bad).singleElement().asString().startsWith("PUBLIC_BASE_URL is '" + bad + "'");
        }
        Map<String, String> s = sending();
        s.put(SettingsRules.PUBLIC_BASE_URL, "https://attendance.example.org/");
        assertThat(problems(s)).isEmpty();
    }

    @Test
    void anUnknownSinkIsNamed() {
        assertThat(problems(Map.of(SettingsRules.JWT_SECRET, SECRET, SettingsRules.NOTIFY_SINK, "twilio"))).singleElement().asString()
                .startsWith("NOTIFY_SINK is 'twilio'");
    }

    @Test
    void everyProblemIsReportedAtOnce() {
        assertThat(problems(Map.of(SettingsRules.NOTIFY_SINK, "send"))).hasSize(3);
    }
}
