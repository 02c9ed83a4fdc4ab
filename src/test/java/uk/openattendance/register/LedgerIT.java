package uk.openattendance.register;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.icegreen.greenmail.util.GreenMail;
import io.micronaut.context.ApplicationContext;
import io.micronaut.context.annotation.Property;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import uk.openattendance.fixtures.Api;
import uk.openattendance.fixtures.RealProviders;
import uk.openattendance.fixtures.TestWorld;
import uk.openattendance.fixtures.TwilioFake;
import uk.openattendance.notify.app.Dispatcher;
import uk.openattendance.platform.time.MutableClock;
import uk.openattendance.register.domain.HistoryChain;
import uk.openattendance.roll.app.Characteristics;
import uk.openattendance.roll.app.PupilView;
import uk.openattendance.schedule.app.Scheduler;
import uk.openattendance.school.domain.PolicyPresets;
import uk.openattendance.security.Purpose;
import uk.openattendance.security.SchoolScope;
import uk.openattendance.security.Role;

/**
 * The register history as someone with write access to the database would attack it, with plain SQL on the test
 * database, and what the verification endpoints say afterwards; the daily seal, its signature and its email.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LedgerIT implements TestPropertyProvider {
    private static final ZoneId LONDON = ZoneId.of("Europe/London");
    private static final LocalDate MONDAY = LocalDate.of(2026, 11, 23);
    private static final List<LocalDate> DAYS = List.of(LocalDate.of(2026, 11, 16), LocalDate.of(2026, 11, 17), LocalDate.of(2026, 11, 18));

    TwilioFake twilio;
    GreenMail smtp;

    @Inject EmbeddedServer server;
    @Inject TestWorld world;
    @Inject MutableClock clock;
    @Inject Scheduler scheduler;
    @Inject Dispatcher dispatcher;
    @Inject uk.openattendance.register.app.LedgerSeals seals;
    @Property(name = "datasources.default.url") String jdbcUrl;

    Api api;

    @Override
    public Map<String, String> getProperties() {
        twilio = RealProviders.twilio();
        smtp = RealProviders.smtp();
        return RealProviders.properties(twilio, smtp);
    }

    @BeforeAll
    void start() {
        api = new Api(server.getURL().toString());
    }

    @AfterAll
    void stop() {
        twilio.close();
        smtp.stop();
    }

    private void at(LocalDate date, String time) {
        clock.set(LocalDateTime.of(date, LocalTime.parse(time)), LONDON);
    }

    record Staff(TestWorld.School school, String teacher, String office, String head) {}

    private Staff school() {
        TestWorld.School school = world.school(world.trust(), PolicyPresets.PRIMARY_GLOUCESTERSHIRE);
        return new Staff(school, world.staffLogin(api, Role.TEACHER, school.id(), null), world.staffLogin(api, Role.OFFICE, school.id(), null),
                world.staffLogin(api, Role.HEADTEACHER, school.id(), null));
    }

    /** Four entries: N on three mornings, then the third amended to I. */
    private PupilView chainOfFour(Staff s) {
        PupilView p = world.pupil(s.school(), "Ledger", "Pupil" + TestWorld.next(), LocalDate.of(2025, 9, 1), 0, Characteristics.none());
        at(MONDAY, "10:00");
        for (LocalDate d : DAYS) {
            var r = api.post("/api/v1/schools/" + s.school().id() + "/registers/" + d + "/AM", s.teacher(), "{\"marks\":[{\"pupilId\":" + p.id() + ",\"code\":\"N\"}]}");
            assertThat(r.status()).as(r.body()).isEqualTo(200);
        }
        var amended = api.put("/api/v1/schools/" + s.school().id() + "/pupils/" + p.id() + "/marks/" + DAYS.get(2) + "/AM", s.office(),
                "{\"code\":\"I\",\"reason\":\"Mother phoned: fever\",\"version\":1}");
        assertThat(amended.status()).as(amended.body()).isEqualTo(200);
        return p;
    }

    private JsonNode verifyPupil(Staff s, PupilView p) {
        var r = api.get("/api/v1/schools/" + s.school().id() + "/pupils/" + p.id() + "/mark-history/verification", s.office());
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.json();
    }

    private Connection db() throws Exception {
        return DriverManager.getConnection(jdbcUrl, "root", "");
    }

    private void sql(String... statements) throws Exception {
        try (Connection c = db(); Statement st = c.createStatement()) {
            for (String s : statements) {
                st.executeUpdate(s);
            }
        }
    }

    private List<HistoryChain.Entry> entries(long pupilId) throws Exception {
        try (Connection c = db(); PreparedStatement ps = c.prepareStatement("SELECT pupil_id, seq, mark_date, session, old_code, new_code, old_minutes_late, "
                + "new_minutes_late, reason, changed_by, UNIX_TIMESTAMP(changed_at), prev_hash, key_id, hash FROM mark_history WHERE pupil_id = ? ORDER BY seq")) {
            ps.setLong(1, pupilId);
            List<HistoryChain.Entry> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new HistoryChain.Entry(rs.getLong(1), rs.getLong(2), rs.getDate(3).toLocalDate().toString(), rs.getString(4), rs.getString(5),
                            rs.getString(6), rs.getInt(7), rs.getInt(8), rs.getString(9), rs.getString(10), rs.getLong(11), rs.getString(12), rs.getString(13),
                            rs.getString(14)));
                }
            }
            return out;
        }
    }

    private String sealOf(Staff s, LocalDate date) {
        seals.sealAndSend(SchoolScope.forJob(Purpose.LEDGER_SEAL, s.school().id()), date);
        var r = api.get("/api/v1/schools/" + s.school().id() + "/ledger-seals/" + date, s.head());
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.body();
    }

    private static boolean mentions(JsonNode check, String list, long pupilId) {
        for (JsonNode n : check.get(list)) {
            if (n.get("pupilId").asLong() == pupilId) {
                return true;
            }
        }
        return false;
    }

    @Test
    void everyOneOfNineWaysOfTamperingWithTheHistoryIsReported() throws Exception {
        Staff s = school();
        Map<String, PupilView> cases = new LinkedHashMap<>();
        for (String name : List.of("1 current mark changed", "2 history entry's code changed", "3 entry rewritten and later links recomputed",
                "4 last entry deleted (head and mark rolled back)", "5 middle entry deleted", "6 whole chain deleted with its head and marks",
                "7 forged entry inserted", "8 entries reordered", "9 key id changed to another key")) {
            cases.put(name, chainOfFour(s));
        }
        for (PupilView p : cases.values()) {
            assertThat(verifyPupil(s, p).get("intact").asBoolean()).isTrue();
        }
        String seal = sealOf(s, MONDAY);
        var before = api.post("/api/v1/schools/" + s.school().id() + "/mark-history/verification", s.office(), seal);
        assertThat(before.status()).as(before.body()).isEqualTo(200);
        assertThat(before.json().get("intact").asBoolean()).as(before.body()).isTrue();

        List<Long> ids = cases.values().stream().map(PupilView::id).toList();
        long p1 = ids.get(0), p2 = ids.get(1), p3 = ids.get(2), p4 = ids.get(3), p5 = ids.get(4), p6 = ids.get(5), p7 = ids.get(6), p8 = ids.get(7),
                p9 = ids.get(8);
        String d1 = DAYS.get(0).toString(), d2 = DAYS.get(1).toString(), d3 = DAYS.get(2).toString();
        // 1: the current mark only
        sql("UPDATE mark SET code = '/' WHERE pupil_id = " + p1 + " AND mark_date = '" + d1 + "'");
        // 2: a history entry's code, and the mark with it
        sql("UPDATE mark_history SET new_code = 'M' WHERE pupil_id = " + p2 + " AND seq = 4", "UPDATE mark SET code = 'M' WHERE pupil_id = " + p2
                + " AND mark_date = '" + d3 + "'");
        // 3: entry 2 rewritten, every later link recomputed as unkeyed SHA-256 (all the database itself can do), head and mark to match
        {
            List<HistoryChain.Entry> chain = entries(p3);
            String prev = chain.get(0).hash();
            for (HistoryChain.Entry e : chain.subList(1, chain.size())) {
                HistoryChain.Entry r = new HistoryChain.Entry(e.pupilId(), e.seq(), e.date(), e.session(), e.oldCode(), e.seq() == 2 ? "M" : e.newCode(),
                        e.oldMinutesLate(), e.newMinutesLate(), e.reason(), e.changedBy(), e.changedAtEpochSecond(), prev, null, null);
                String h = HistoryChain.legacyHash(r);
                sql("UPDATE mark_history SET new_code = '" + r.newCode() + "', prev_hash = '" + prev + "', key_id = NULL, hash = '" + h + "' WHERE pupil_id = "
                        + p3 + " AND seq = " + e.seq());
                prev = h;
            }
            sql("UPDATE pupil_chain_head SET hash = '" + prev + "' WHERE pupil_id = " + p3, "UPDATE mark SET code = 'M' WHERE pupil_id = " + p3
                    + " AND mark_date = '" + d2 + "'");
        }
        // 4: the amendment undone without trace: last entry deleted, head moved back, mark restored
        {
            HistoryChain.Entry third = entries(p4).get(2);
            sql("DELETE FROM mark_history WHERE pupil_id = " + p4 + " AND seq = 4", "UPDATE pupil_chain_head SET seq = 3, hash = '" + third.hash()
                    + "' WHERE pupil_id = " + p4, "UPDATE mark SET code = 'N', version = 1 WHERE pupil_id = " + p4 + " AND mark_date = '" + d3 + "'");
        }
        // 5: a middle entry
        sql("DELETE FROM mark_history WHERE pupil_id = " + p5 + " AND seq = 2");
        // 6: the pupil's whole record: chain, head and marks
        sql("DELETE FROM mark_history WHERE pupil_id = " + p6, "DELETE FROM pupil_chain_head WHERE pupil_id = " + p6, "DELETE FROM mark WHERE pupil_id = " + p6);
        // 7: a forged fifth entry changing the mark, with a made-up link, head and mark to match
        {
            HistoryChain.Entry last = entries(p7).get(3);
            String forged = "ab".repeat(32);
            sql("INSERT INTO mark_history (school_id, pupil_id, seq, mark_date, session, old_code, new_code, old_minutes_late, new_minutes_late, reason, "
                    + "changed_by, changed_at, prev_hash, key_id, hash) VALUES (" + s.school().id() + ", " + p7 + ", 5, '" + d3 + "', 'AM', 'I', 'B', 0, 0, "
                    + "'Off-site activity', 'Office (Office staff)', NOW(), '" + last.hash() + "', 'test-2026', '" + forged + "')",
                    "UPDATE pupil_chain_head SET seq = 5, hash = '" + forged + "' WHERE pupil_id = " + p7,
                    "UPDATE mark SET code = 'B' WHERE pupil_id = " + p7 + " AND mark_date = '" + d3 + "'");
        }
        // 8: entries 2 and 3 swapped
        sql("UPDATE mark_history SET seq = 99 WHERE pupil_id = " + p8 + " AND seq = 2", "UPDATE mark_history SET seq = 2 WHERE pupil_id = " + p8
                + " AND seq = 3", "UPDATE mark_history SET seq = 3 WHERE pupil_id = " + p8 + " AND seq = 99");
        // 9: an entry's key id pointed at the other configured key
        sql("UPDATE mark_history SET key_id = 'test-2025' WHERE pupil_id = " + p9 + " AND seq = 3");

        var after = api.post("/api/v1/schools/" + s.school().id() + "/mark-history/verification", s.office(), seal);
        assertThat(after.status()).as(after.body()).isEqualTo(200);
        JsonNode withSeal = after.json();
        JsonNode schoolCheck = api.get("/api/v1/schools/" + s.school().id() + "/mark-history/verification", s.office()).json();
        int detected = 0;
        List<String> missed = new ArrayList<>();
        for (Map.Entry<String, PupilView> c : cases.entrySet()) {
            long id = c.getValue().id();
            BooleanSupplier seen = () -> {
                JsonNode one = verifyPupil(s, c.getValue());
                return !one.get("intact").asBoolean() || mentions(withSeal, "sealFindings", id) || mentions(withSeal, "markMismatches", id);
            };
            if (seen.getAsBoolean()) {
                detected++;
            } else {
                missed.add(c.getKey());
            }
        }
        System.out.println("[figure] ledger tamper cases detected: " + detected + " of 9");
        assertThat(missed).as("tamper cases not reported").isEmpty();
        assertThat(withSeal.get("intact").asBoolean()).isFalse();
        assertThat(schoolCheck.get("intact").asBoolean()).isFalse();
        assertThat(schoolCheck.get("brokenChains").asInt()).as(schoolCheck.toString()).isGreaterThanOrEqualTo(5);
        assertThat(mentions(withSeal, "markMismatches", p1)).as("the changed mark is named").isTrue();
        assertThat(withSeal.get("sealFindings").toString()).contains("\"pupilId\":" + p6, "\"pupilId\":" + p4);
    }

    @Test
    void entriesWrittenUnderTheOldKeyAndTheNewKeyBothVerifyAfterRotation() throws Exception {
        Staff s = school();
        PupilView p = world.pupil(s.school(), "Rotation", "Pupil" + TestWorld.next(), LocalDate.of(2025, 9, 1), 0, Characteristics.none());
        // an instance still on last year's key writes the first entries
        try (EmbeddedServer old = ApplicationContext.run(EmbeddedServer.class, Map.of("attendance.ledger.current-key-id", "test-2025",
                "datasources.default.url", jdbcUrl), "test")) {
            old.getApplicationContext().getBean(MutableClock.class).set(LocalDateTime.of(MONDAY, LocalTime.of(10, 0)), LONDON);
            Api oldApi = new Api(old.getURL().toString());
            for (LocalDate d : DAYS.subList(0, 2)) {
                var r = oldApi.post("/api/v1/schools/" + s.school().id() + "/registers/" + d + "/AM", s.teacher(), "{\"marks\":[{\"pupilId\":" + p.id()
                        + ",\"code\":\"N\"}]}");
                assertThat(r.status()).as(r.body()).isEqualTo(200);
            }
        }
        at(MONDAY, "10:00");
        var amended = api.put("/api/v1/schools/" + s.school().id() + "/pupils/" + p.id() + "/marks/" + DAYS.get(1) + "/AM", s.office(),
                "{\"code\":\"I\",\"reason\":\"Mother phoned: fever\",\"version\":1}");
        assertThat(amended.status()).as(amended.body()).isEqualTo(200);
        assertThat(entries(p.id())).extracting(HistoryChain.Entry::keyId).containsExactly("test-2025", "test-2025", "test-2026");
        JsonNode shown = api.get("/api/v1/schools/" + s.school().id() + "/pupils/" + p.id() + "/mark-history", s.office()).json().get("items");
        assertThat(shown.get(2).get("keyId").asText()).isEqualTo("test-2026");
        JsonNode check = verifyPupil(s, p);
        assertThat(check.get("intact").asBoolean()).as(check.toString()).isTrue();
        assertThat(check.get("entriesChecked").asInt()).isEqualTo(3);
    }

    @Test
    void aSealWithOneByteChangedIsRefusedAndAnotherSchoolsSealToo() throws Exception {
        Staff s = school();
        PupilView p = chainOfFour(s);
        String seal = sealOf(s, MONDAY);
        String path = "/api/v1/schools/" + s.school().id() + "/mark-history/verification";
        assertThat(api.post(path, s.office(), seal).json().get("intact").asBoolean()).isTrue();
        String head = entries(p.id()).get(3).hash();
        assertThat(seal).contains(head);
        char c = head.charAt(10);
        String oneByte = seal.replace(head, head.substring(0, 10) + (c == '0' ? '1' : '0') + head.substring(11));
        var refused = api.post(path, s.office(), oneByte);
        assertThat(refused.status()).as(refused.body()).isEqualTo(422);
        assertThat(refused.json().get("code").asText()).isEqualTo("SEAL_NOT_VALID");
        assertThat(refused.json().at("/errors/0/field").asText()).isEqualTo("signature");
        String fewer = seal.replaceFirst("\"entries\"\\s*:\\s*4", "\"entries\":3");
        assertThat(fewer).isNotEqualTo(seal);
        assertThat(api.post(path, s.office(), fewer).status()).isEqualTo(422);

        Staff other = school();
        assertThat(api.post("/api/v1/schools/" + other.school().id() + "/mark-history/verification", other.office(), seal).status()).isEqualTo(422);
        assertThat(api.get("/api/v1/schools/" + s.school().id() + "/ledger-seals", s.office()).status()).as("seals are for administrators").isEqualTo(403);
        JsonNode key = api.get("/api/v1/ledger-seal-key", null).json();
        assertThat(key.get("algorithm").asText()).isEqualTo("Ed25519");
        assertThat(api.get("/api/v1/schools/" + s.school().id() + "/ledger-seals", s.head()).json().get("items").get(0).get("signingKeyId").asText())
                .isEqualTo(key.get("keyId").asText());
    }

    @Test
    void theDailySealJobRunsOncePerSchoolAndDayAndEmailsTheDesignatedLead() throws Exception {
        smtp.purgeEmailFromAllMailboxes();
        Staff s = school();
        String lead = "dsl" + TestWorld.next() + "@example.org";
        var patched = api.patch("/api/v1/schools/" + s.school().id() + "/policy", s.head(), "{\"messaging\":{\"designatedLeadEmail\":\"" + lead + "\"}}");
        assertThat(patched.status()).as(patched.body()).isEqualTo(200);
        chainOfFour(s);
        Staff quiet = school();
        chainOfFour(quiet);

        at(MONDAY, "18:05");
        scheduler.tick(List.of(s.school().id(), quiet.school().id()));
        scheduler.tick(List.of(s.school().id(), quiet.school().id()));
        at(MONDAY, "18:30");
        scheduler.tick(List.of(s.school().id(), quiet.school().id()));
        for (Staff each : List.of(s, quiet)) {
            JsonNode jobs = api.get("/api/v1/schools/" + each.school().id() + "/jobs?from=" + MONDAY, each.head()).json().get("items");
            List<JsonNode> sealJobs = new ArrayList<>();
            jobs.forEach(j -> {
                if (j.get("kind").asText().equals("LEDGER_SEAL")) {
                    sealJobs.add(j);
                }
            });
            assertThat(sealJobs).as(jobs.toString()).singleElement().satisfies(j -> assertThat(j.get("status").asText()).isEqualTo("DONE"));
            assertThat(api.get("/api/v1/schools/" + each.school().id() + "/ledger-seals", each.head()).json().get("items")).hasSize(1);
            assertThat(api.get("/api/v1/schools/" + each.school().id() + "/ledger-seals", each.head()).json().get("totalItems").asLong())
                    .as("the page counts the school's seals").isEqualTo(1);
        }
        dispatcher.dispatchDue(List.of(s.school().id(), quiet.school().id()));
        MimeMessage[] mail = smtp.getReceivedMessages();
        assertThat(mail).as("only the school with a designated lead is emailed, once").hasSize(1);
        assertThat(mail[0].getAllRecipients()[0].toString()).isEqualTo(lead);
        assertThat(mail[0].getSubject()).contains("Register history seal", MONDAY.toString());
        String attached = null;
        Multipart parts = (Multipart) mail[0].getContent();
        for (int i = 0; i < parts.getCount(); i++) {
            BodyPart part = parts.getBodyPart(i);
            if (part.getFileName() != null && part.getFileName().endsWith(".json")) {
                attached = new String(part.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            }
        }
        assertThat(attached).as("the seal is attached").isNotNull();
        var check = api.post("/api/v1/schools/" + s.school().id() + "/mark-history/verification", s.office(), attached);
        assertThat(check.status()).as(check.body()).isEqualTo(200);
        assertThat(check.json().get("intact").asBoolean()).isTrue();
        assertThat(check.json().get("sealDate").asText()).isEqualTo(MONDAY.toString());
    }
}
