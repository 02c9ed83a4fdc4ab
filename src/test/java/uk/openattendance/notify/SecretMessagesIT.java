package uk.openattendance.notify;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import uk.openattendance.fixtures.Api;
import uk.openattendance.fixtures.ParentPhone;
import uk.openattendance.fixtures.TestWorld;
import uk.openattendance.notify.app.Dispatcher;
import uk.openattendance.platform.time.MutableClock;
import uk.openattendance.roll.app.ContactCommand;
import uk.openattendance.roll.app.ContactService;
import uk.openattendance.roll.app.PupilView;
import uk.openattendance.roll.domain.Channel;
import uk.openattendance.security.Actor;
import uk.openattendance.security.Permission;
import uk.openattendance.security.Role;

/**
 * A parent's one-time code signs them in, so nobody but the parent may ever read it: not staff, not an integration key,
 * not a reader of the database. Only the school's administrators see that a code was sent, and then redacted.
 */
@MicronautTest(transactional = false)
class SecretMessagesIT {
    static final ZoneId LONDON = ZoneId.of("Europe/London");
    static final LocalDate MONDAY = LocalDate.of(2026, 11, 23);
    static final Actor SYSTEM = Actor.system("tests");

    @Inject EmbeddedServer server;
    @Inject TestWorld world;
    @Inject MutableClock clock;
    @Inject ContactService contacts;
    @Inject Dispatcher dispatcher;
    @Inject ParentPhone phone;
    @io.micronaut.context.annotation.Property(name = "datasources.default.url") String jdbcUrl;

    record Family(TestWorld.School school, String mobile, String e164, Api api) {
        String base() {
            return "/api/v1/public/schools/" + school.id() + "/parent";
        }
    }

    Family family() {
        clock.set(LocalDateTime.of(MONDAY, LocalTime.of(10, 5)), LONDON);
        TestWorld.School school = world.school();
        PupilView child = world.pupil(school, "Nia", "Codekeeper");
        String mobile = String.format("07700 900%03d", TestWorld.next() % 1000);
        contacts.addContact(SYSTEM, school.id(), child.id(), new ContactCommand("Rhys Codekeeper", "Father", true, true, 1, mobile, null, Channel.SMS,
                false, null));
        return new Family(school, mobile, ParentPhone.e164(mobile), new Api(server.getURL().toString()));
    }

    /** Asks for a code as the parent would, lets the dispatcher send it, and returns the challenge and the code from the phone. */
    String[] signInRequested(Family f) {
        var started = f.api().post(f.base() + "/sign-in", null, "{\"mobile\":\"" + f.mobile() + "\"}");
        assertThat(started.status()).as(started.body()).isEqualTo(202);
        dispatcher.dispatchDue(List.of(f.school().id()));
        return new String[] {started.json().get("challenge").asText(), phone.lastCodeTo(f.e164())};
    }

    @Test
    void teachersOfficeStaffAndAReadOnlyApiKeyNeverSeeAParentsSignInCode() {
        Family f = family();
        String code = signInRequested(f)[1];
        String teacher = world.staffLogin(f.api(), Role.TEACHER, f.school().id(), null);
        String office = world.staffLogin(f.api(), Role.OFFICE, f.school().id(), null);
        String readOnlyKey = world.apiKey(f.school().id(), Set.of(Permission.SCHOOL_READ, Permission.ROLL_READ, Permission.ATTENDANCE_READ));
        String school = "/api/v1/schools/" + f.school().id();

        for (String caller : List.of(teacher, office, readOnlyKey)) {
            for (String path : List.of(school + "/messages", school + "/messages?purpose=ONE_TIME_CODE", school + "/stored-messages")) {
                var r = f.api().get(path, caller);
                assertThat(r.status()).as(path).isEqualTo(200);
                assertThat(r.body()).as(path).doesNotContain(code).doesNotContain("ONE_TIME_CODE").doesNotContain(f.e164());
            }
        }
    }

    @Test
    void aHeadteacherSeesThatACodeWasSentButOnlyRedacted() {
        Family f = family();
        String code = signInRequested(f)[1];
        String head = world.staffLogin(f.api(), Role.HEADTEACHER, f.school().id(), null);
        String school = "/api/v1/schools/" + f.school().id();

        var outbox = f.api().get(school + "/messages?purpose=ONE_TIME_CODE", head);
        assertThat(outbox.status()).isEqualTo(200);
        assertThat(outbox.json().get("items").size()).isEqualTo(1);
        assertThat(outbox.json().at("/items/0/status").asText()).isEqualTo("SENT");
        assertThat(outbox.json().at("/items/0/body").asText()).contains("code is ******").doesNotContain(code);
        assertThat(outbox.json().at("/items/0/encoding").asText()).as("the redaction keeps the text GSM-7").isEqualTo("GSM-7");

        var stored = f.api().get(school + "/stored-messages", head);
        assertThat(stored.json().at("/items/0/purpose").asText()).isEqualTo("ONE_TIME_CODE");
        assertThat(stored.json().at("/items/0/body").asText()).contains("code is ******");
        assertThat(stored.body()).doesNotContain(code);
    }

    @Test
    void noTableHoldsTheCodeInClearAndTheParentStillSignsInWithTheCodeTheirPhoneReceived() throws Exception {
        Family f = family();
        var started = f.api().post(f.base() + "/sign-in", null, "{\"mobile\":\"" + f.mobile() + "\"}");
        assertThat(started.status()).isEqualTo(202);
        // while queued (before the dispatcher runs) the outbox and challenge rows are kept to be checked once the code is known
        String queued = rowsText("SELECT CONCAT_WS('|', dedup_key, subject, body, sealed_body) FROM outbox_message WHERE school_id = ?", f.school().id())
                + rowsText("SELECT CONCAT_WS('|', token, code_hash) FROM parent_challenge WHERE school_id = ?", f.school().id());
        dispatcher.dispatchDue(List.of(f.school().id()));
        String code = phone.lastCodeTo(f.e164());
        assertThat(queued).as("while queued").doesNotContainPattern("(^|[^0-9A-Za-z])" + code + "([^0-9A-Za-z]|$)").contains("******");
        List<String> columns = textColumns();
        assertThat(columns).as("the scan covers the outbox, the stored messages and the challenges").contains("outbox_message.body",
                "outbox_message.sealed_body", "stored_message.body", "parent_challenge.code_hash");
        assertThat(holding(code, columns)).as("columns holding the code " + code).isEmpty();

        var signedIn = f.api().post(f.base() + "/verify", null, "{\"challenge\":\"" + started.json().get("challenge").asText() + "\",\"code\":\"" + code
                + "\"}");
        assertThat(signedIn.status()).as(signedIn.body()).isEqualTo(200);
        assertThat(signedIn.json().get("name").asText()).isEqualTo("Rhys Codekeeper");
    }

    String rowsText(String sql, long schoolId) throws Exception {
        StringBuilder out = new StringBuilder();
        try (Connection c = java.sql.DriverManager.getConnection(jdbcUrl, "root", ""); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setLong(1, schoolId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.append(rs.getString(1)).append('\n');
                }
            }
        }
        return out.toString();
    }

    @Test
    void aCodeThatWaitedPastItsLifetimeIsNeverSentAndLeavesNothingToOpen() throws Exception {
        Family f = family();
        var started = f.api().post(f.base() + "/sign-in", null, "{\"mobile\":\"" + f.mobile() + "\"}");
        assertThat(started.status()).isEqualTo(202);
        clock.advance(java.time.Duration.ofMinutes(11));
        dispatcher.dispatchDue(List.of(f.school().id()));
        assertThat(phone.receivedBy(f.e164())).isZero();
        String head = world.staffLogin(f.api(), Role.HEADTEACHER, f.school().id(), null);
        var outbox = f.api().get("/api/v1/schools/" + f.school().id() + "/messages?purpose=ONE_TIME_CODE", head);
        assertThat(outbox.json().at("/items/0/status").asText()).isEqualTo("CANCELLED");
        try (Connection c = java.sql.DriverManager.getConnection(jdbcUrl, "root", ""); PreparedStatement ps = c.prepareStatement(
                "SELECT COUNT(*) FROM outbox_message WHERE school_id = ? AND sealed_body IS NOT NULL")) {
            ps.setLong(1, f.school().id());
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                assertThat(rs.getInt(1)).isZero();
            }
        }
    }

    @Test
    void aParentAskingForACodeInTheEveningGetsItAtOnceDespiteQuietHours() {
        Family f = family();
        clock.set(LocalDateTime.of(MONDAY, LocalTime.of(21, 40)), LONDON);
        String[] asked = signInRequested(f);
        var signedIn = f.api().post(f.base() + "/verify", null, "{\"challenge\":\"" + asked[0] + "\",\"code\":\"" + asked[1] + "\"}");
        assertThat(signedIn.status()).as(signedIn.body()).isEqualTo(200);
    }

    @Test
    void theGraphqlMessagesQueryHidesSignInCodesFromOfficeStaffAndRedactsThemForTheHeadteacher() {
        Family f = family();
        String code = signInRequested(f)[1];
        String office = world.staffLogin(f.api(), Role.OFFICE, f.school().id(), null);
        String head = world.staffLogin(f.api(), Role.HEADTEACHER, f.school().id(), null);
        String query = "{ messages(schoolId: " + f.school().id() + ") { nodes { purpose to body } } }";

        var asOffice = f.api().graphql(office, query);
        assertThat(asOffice.json().at("/errors").isMissingNode()).as(asOffice.body()).isTrue();
        assertThat(asOffice.body()).doesNotContain(code).doesNotContain("ONE_TIME_CODE");

        var asHead = f.api().graphql(head, query);
        assertThat(asHead.json().at("/data/messages/nodes/0/purpose").asText()).as(asHead.body()).isEqualTo("ONE_TIME_CODE");
        assertThat(asHead.json().at("/data/messages/nodes/0/body").asText()).contains("******");
        assertThat(asHead.body()).doesNotContain(code);
    }

    @Test
    void aWebhookSigningSecretIsShownOnceAndStoredOnlySealed() throws Exception {
        Family f = family();
        String head = world.staffLogin(f.api(), Role.HEADTEACHER, f.school().id(), null);
        var made = f.api().post("/api/v1/schools/" + f.school().id() + "/webhooks", head, "{\"url\":\"http://127.0.0.1:9/hooks/attendance\","
                + "\"events\":[\"leave.decided\"]}");
        assertThat(made.status()).as(made.body()).isEqualTo(201);
        String secret = made.json().get("secret").asText();
        assertThat(secret).startsWith("whsec_");
        var listed = f.api().get("/api/v1/schools/" + f.school().id() + "/webhooks", head);
        assertThat(listed.body()).doesNotContain(secret).contains(secret.substring(secret.length() - 4));
        List<String> columns = textColumns();
        assertThat(holding(secret.substring("whsec_".length()), columns)).isEmpty();
    }

    /** Every text column of every table in this database, as table.column. */
    List<String> textColumns() throws Exception {
        List<String> out = new ArrayList<>();
        try (Connection c = java.sql.DriverManager.getConnection(jdbcUrl, "root", ""); PreparedStatement ps = c.prepareStatement("SELECT table_name, column_name FROM information_schema.columns "
                + "WHERE table_schema = DATABASE() AND data_type IN ('char', 'varchar', 'tinytext', 'text', 'mediumtext', 'longtext', 'json') "
                + "ORDER BY table_name, ordinal_position"); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.add(rs.getString(1).toLowerCase() + "." + rs.getString(2).toLowerCase());
            }
        }
        return out;
    }

    /**
     * The columns in which some row holds the secret as a word of its own (not inside a longer run of letters or digits,
     * where a hex hash or a phone number could contain six digits by chance).
     */
    List<String> holding(String secret, List<String> columns) throws Exception {
        List<String> found = new ArrayList<>();
        try (Connection c = java.sql.DriverManager.getConnection(jdbcUrl, "root", "")) {
            for (String tc : columns) {
                String[] t = tc.split("\\.");
                try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM `" + t[0] + "` WHERE `" + t[1] + "` LIKE ? AND `" + t[1]
                        + "` REGEXP ?")) {
                    ps.setString(1, "%" + secret + "%");
                    ps.setString(2, "(^|[^0-9A-Za-z])" + secret + "([^0-9A-Za-z]|$)");
                    try (ResultSet rs = ps.executeQuery()) {
                        rs.next();
                        if (rs.getInt(1) > 0) {
                            found.add(tc);
                        }
                    }
                }
            }
        }
        return found;
    }
}
