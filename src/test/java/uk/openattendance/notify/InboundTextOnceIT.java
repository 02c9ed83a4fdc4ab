package uk.openattendance.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLIntegrityConstraintViolationException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import uk.openattendance.fixtures.TestWorld;
import uk.openattendance.fixtures.TwilioWebhook;
import uk.openattendance.fixtures.TwilioFake;
import uk.openattendance.notify.app.InboundTexts;
import uk.openattendance.notify.persistence.SuppressionRepository;
import uk.openattendance.platform.time.MutableClock;
import uk.openattendance.register.app.RegisterService;
import uk.openattendance.register.app.SubmitRegister;
import uk.openattendance.roll.app.ContactService;
import uk.openattendance.roll.app.PupilView;
import uk.openattendance.school.app.RegisterGroupService;
import uk.openattendance.school.domain.PolicyPresets;
import uk.openattendance.school.domain.Session;
import uk.openattendance.security.Actor;

/**
 * An inbound text is processed once whatever Twilio or a crash does: redelivered while in flight, redelivered after it was
 * processed, or left half-done by an instance that died before its commit. Real HTTP with Twilio's signature, real MariaDB;
 * the crash is a database trigger that fails the text's final write, after the report and marks were written.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class InboundTextOnceIT implements TestPropertyProvider {
    static final ZoneId LONDON = ZoneId.of("Europe/London");
    static final LocalDate MONDAY = LocalDate.of(2026, 11, 23);
    static final Actor SYSTEM = Actor.bootstrap("tests");
    static final String SMS = "/api/v1/webhooks/twilio/sms";
    static final String PUBLIC = "http://127.0.0.1:8080";

    TwilioFake twilio;
    com.icegreen.greenmail.util.GreenMail smtp;
    int duplicates;
    int losses;

    @Inject EmbeddedServer server;
    @Inject TestWorld world;
    @Inject MutableClock clock;
    @Inject RegisterService registers;
    @Inject ContactService contacts;
    @Inject SuppressionRepository suppressions;
    @Inject RegisterGroupService groups;
    @Inject InboundTexts inbound;
    @Inject uk.openattendance.schedule.app.Scheduler scheduler;
    @Inject uk.openattendance.notify.app.Dispatcher dispatcher;
    @io.micronaut.context.annotation.Property(name = "datasources.default.url") String jdbcUrl;

    @Override
    public Map<String, String> getProperties() {
        try {
            twilio = new TwilioFake();
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
        smtp = new com.icegreen.greenmail.util.GreenMail(new com.icegreen.greenmail.util.ServerSetup(0, "127.0.0.1", "smtp"));
        smtp.start();
        return uk.openattendance.fixtures.RealProviders.properties(twilio, smtp);
    }

    @AfterAll
    void stop() {
        System.out.println("[figure] inbound texts processed once: duplicate reports " + duplicates + ", lost reports " + losses);
        twilio.close();
        smtp.stop();
    }

    record Family(TestWorld.School school, PupilView amelia, PupilView ben, String mum) {}

    /** Amelia and Ben (one mother) marked N at Monday's morning register; it is 09:31. */
    Family family() {
        at("08:30");
        TestWorld.School school = world.school(world.trust(), PolicyPresets.PRIMARY_GLOUCESTERSHIRE);
        PupilView amelia = world.pupil(school, "Amelia", "Oncewood");
        PupilView ben = world.pupil(school, "Ben", "Oncewood");
        String mum = String.format("07700 900%03d", TestWorld.next() % 1000);
        String e164 = "+44" + mum.replace(" ", "").substring(1);
        // the drama range has only 1,000 numbers: an opt-out left by an earlier test must not silence this family
        suppressions.deleteByAddressAndSchoolId(e164, 0);
        for (PupilView p : List.of(amelia, ben)) {
            contacts.addContact(SYSTEM, school.id(), p.id(), FirstDayChainIT.contact("Sam Oncewood", "Mother", 1, mum, null));
        }
        at(groups.registerGroups(SYSTEM, school.id()).get(0).timing(Session.AM).opensAt().plusMinutes(1).toString());
        registers.submit(SYSTEM, school.id(), MONDAY, Session.AM, new SubmitRegister(List.of(amelia, ben).stream()
                .map(p -> new SubmitRegister.Entry(p.id(), "N", null, null, null)).toList(), null));
        // the school's first-day text goes out, so the reply is threaded to this school whatever else the number is on
        for (LocalTime t = LocalTime.of(9, 0); !t.isAfter(LocalTime.of(9, 20)); t = t.plusMinutes(5)) {
            clock.set(LocalDateTime.of(MONDAY, t), LONDON);
            scheduler.tick(List.of(school.id()));
            dispatcher.dispatchDue(List.of(school.id()));
        }
        at("09:31");
        return new Family(school, amelia, ben, e164);
    }

    @Test
    void aTextRedeliveredByTwilioAfterItWasProcessedChangesNothing() throws Exception {
        Family f = family();
        String sid = "SMonce" + System.nanoTime();
        String reviewSid = "SMrev" + System.nanoTime();
        int outboxBefore = outboxTo(f.mum());
        // Twilio retries a webhook it timed out on while the first delivery is still being processed, then again later
        List<HttpResponse<String>> answers = deliverAtOnce(4, sms(sid, f.mum(), "Amelia and Ben are both poorly today"));
        List<HttpResponse<String>> reviewAnswers = deliverAtOnce(4, sms(reviewSid, f.mum(), "We're in Spain on holiday, back next week"));
        answers.add(webhook(sms(sid, f.mum(), "Amelia and Ben are both poorly today")));
        reviewAnswers.add(webhook(sms(reviewSid, f.mum(), "We're in Spain on holiday, back next week")));

        assertOneReportEach(inboundId(sid), f.amelia().id(), f.ben().id());
        assertThat(answers).allSatisfy(r -> assertThat(r.statusCode()).isEqualTo(200));
        assertThat(answers.get(0).body()).contains("<Message>").contains("better soon");
        assertThat(answers).as("every delivery is answered with the one reply the text was given").extracting(HttpResponse::body)
                .containsOnly(answers.get(0).body());
        assertThat(reviewAnswers).extracting(HttpResponse::body).containsOnly(reviewAnswers.get(0).body());
        assertThat(reviewAnswers.get(0).body()).contains("member of the office");
        assertThat(reportsPerPupil(inboundId(reviewSid))).isEmpty();
        assertThat(rows("SELECT COUNT(*) FROM inbound_sms WHERE provider_id = ? AND status = 'REVIEW'", reviewSid)).as("one review item").isEqualTo(1);
        assertThat(rows("SELECT COUNT(*) FROM inbound_sms WHERE provider_id = ? AND status = 'ACTIONED'", sid)).isEqualTo(1);
        assertThat(outboxTo(f.mum())).as("the reply goes back as TwiML; nothing else is queued to the family").isEqualTo(outboxBefore);
        var mark = registers.currentMarks(SYSTEM, f.school().id(), MONDAY, Session.AM, List.of(f.amelia().id())).get(f.amelia().id());
        assertThat(mark.code()).isEqualTo("I");
    }

    @Test
    void aTextWhoseProcessingCrashedIsProcessedOnceWhenRedelivered() throws Exception {
        Family f = family();
        String sid = "SMcrash" + System.nanoTime();
        Map<String, String> text = sms(sid, f.mum(), "Amelia and Ben are both poorly today");
        HttpResponse<String> crashed;
        crashBeforeCommit(true);
        try {
            crashed = webhook(text);
        } finally {
            crashBeforeCommit(false);
        }
        assertThat(crashed.statusCode()).as("Twilio is told to try again").isGreaterThanOrEqualTo(500);
        long leftReceived = rows("SELECT COUNT(*) FROM inbound_sms WHERE provider_id = ? AND status = 'RECEIVED'", sid);
        Map<Long, Integer> leftByCrash = reportsPerPupil(inboundId(sid));

        var redelivered = webhook(text);
        var again = webhook(text);
        assertOneReportEach(inboundId(sid), f.amelia().id(), f.ben().id());
        assertThat(leftReceived).as("the crashed text is still waiting to be processed").isEqualTo(1);
        assertThat(leftByCrash).as("nothing of the crashed attempt is kept").isEmpty();
        assertThat(redelivered.statusCode()).isEqualTo(200);
        assertThat(redelivered.body()).contains("better soon");
        assertThat(again.body()).isEqualTo(redelivered.body());
    }

    @Test
    void aTextWhoseProcessingCrashedWithNoRedeliveryIsProcessedOnceByTheDispatcherTick() throws Exception {
        Family f = family();
        String sid = "SMcrash" + System.nanoTime();
        Map<String, String> text = sms(sid, f.mum(), "Amelia and Ben are both poorly today");
        crashBeforeCommit(true);
        try {
            assertThat(webhook(text).statusCode()).isGreaterThanOrEqualTo(500);
        } finally {
            crashBeforeCommit(false);
        }
        inbound.sweepCrashed();
        assertThat(reportsPerPupil(inboundId(sid))).as("a text that may still be in a live request is left alone").isEmpty();

        clock.advance(Duration.ofMinutes(3));
        inbound.sweepCrashed();
        inbound.sweepCrashed();
        assertThat(rows("SELECT COUNT(*) FROM inbound_sms WHERE provider_id = ? AND status = 'ACTIONED'", sid)).isEqualTo(1);
        var late = webhook(text);
        assertThat(late.statusCode()).isEqualTo(200);
        assertThat(late.body()).as("a redelivery after the sweep gets the reply the sweep decided").contains("better soon");
        assertOneReportEach(inboundId(sid), f.amelia().id(), f.ben().id());
    }

    @Test
    void theDatabaseRefusesASecondReportForTheSameTextAndChild() throws Exception {
        Family f = family();
        String sid = "SMkey" + System.nanoTime();
        assertThat(webhook(sms(sid, f.mum(), "Amelia and Ben are both poorly today")).statusCode()).isEqualTo(200);
        long id = inboundId(sid);
        assertThatThrownBy(() -> insertReport(f, f.amelia().id(), id)).isInstanceOf(SQLIntegrityConstraintViolationException.class)
                .hasMessageContaining("uq_absence_report_inbound_sms");
        // reports from every other channel carry no text and are not limited
        insertReport(f, f.amelia().id(), null);
        insertReport(f, f.amelia().id(), null);
        assertOneReportEach(id, f.amelia().id(), f.ben().id());
    }

    // ---- helpers ----------------------------------------------------------------------------------------------------

    void at(String time) {
        clock.set(LocalDateTime.of(MONDAY, LocalTime.parse(time)), LONDON);
    }

    /** Exactly one report per child from this text; duplicates and losses are tallied for the figure line first. */
    void assertOneReportEach(long inboundSmsId, long... pupilIds) throws Exception {
        Map<Long, Integer> got = reportsPerPupil(inboundSmsId);
        Map<Long, Integer> expected = new HashMap<>();
        for (long p : pupilIds) {
            expected.put(p, 1);
            int n = got.getOrDefault(p, 0);
            losses += n == 0 ? 1 : 0;
            duplicates += Math.max(0, n - 1);
        }
        got.forEach((p, n) -> duplicates += expected.containsKey(p) ? 0 : n);
        assertThat(got).as("one report per child from the text").isEqualTo(expected);
    }

    static Map<String, String> sms(String sid, String from, String body) {
        return Map.of("MessageSid", sid, "From", from, "To", "+447700900000", "Body", body, "AccountSid", "AC00000000000000000000000000000000");
    }

    HttpResponse<String> webhook(Map<String, String> params) throws Exception {
        return TwilioWebhook.post(server.getURL().toString(), SMS, params, true);
    }

    List<HttpResponse<String>> deliverAtOnce(int times, Map<String, String> params) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(times);
        try {
            List<CompletableFuture<HttpResponse<String>>> calls = new ArrayList<>();
            for (int i = 0; i < times; i++) {
                calls.add(CompletableFuture.supplyAsync(() -> {
                    try {
                        return webhook(params);
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                }, pool));
            }
            List<HttpResponse<String>> out = new ArrayList<>();
            for (var c : calls) {
                out.add(c.get());
            }
            return out;
        } finally {
            pool.shutdown();
        }
    }

    /** As an instance dying before its commit would: the text's final write fails after the reports and marks were written. */
    void crashBeforeCommit(boolean on) throws Exception {
        try (Connection c = connect(); Statement s = c.createStatement()) {
            s.execute("DROP TRIGGER IF EXISTS it_inbound_crash");
            if (on) {
                s.execute("CREATE TRIGGER it_inbound_crash BEFORE UPDATE ON inbound_sms FOR EACH ROW BEGIN IF NEW.provider_id LIKE 'SMcrash%' "
                        + "AND NEW.status <> 'RECEIVED' THEN SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'simulated crash before commit'; END IF; END");
            }
        }
    }

    Connection connect() throws java.sql.SQLException {
        return java.sql.DriverManager.getConnection(jdbcUrl, "root", "");
    }

    long inboundId(String sid) throws Exception {
        return rows("SELECT MAX(id) FROM inbound_sms WHERE provider_id = ?", sid);
    }

    long rows(String sql, Object arg) throws Exception {
        try (Connection c = connect(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setObject(1, arg);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    int outboxTo(String number) throws Exception {
        return (int) rows("SELECT COUNT(*) FROM outbox_message WHERE recipient = ?", number);
    }

    /** Reports filed from one inbound text, by child; adds to the duplicate and loss tallies printed at the end. */
    Map<Long, Integer> reportsPerPupil(long inboundSmsId) throws Exception {
        Map<Long, Integer> out = new HashMap<>();
        try (Connection c = connect();
                PreparedStatement ps = c.prepareStatement("SELECT pupil_id, COUNT(*) FROM absence_report WHERE inbound_sms_id = ? GROUP BY pupil_id")) {
            ps.setLong(1, inboundSmsId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.put(rs.getLong(1), rs.getInt(2));
                }
            }
        }
        return out;
    }

    void insertReport(Family f, long pupilId, Long inboundSmsId) throws Exception {
        try (Connection c = connect(); PreparedStatement ps = c.prepareStatement("INSERT INTO absence_report (school_id, report_group, pupil_id, "
                + "first_date, first_session, last_date, last_session, category, reason, channel, status, recorded_by, recorded_at, inbound_sms_id) "
                + "VALUES (?, UUID(), ?, ?, 'AM', ?, 'PM', 'ILLNESS', 'test row', 'SMS_REPLY', 'ACTIVE', 'test', ?, ?)")) {
            ps.setLong(1, f.school().id());
            ps.setLong(2, pupilId);
            ps.setObject(3, MONDAY);
            ps.setObject(4, MONDAY);
            ps.setTimestamp(5, Timestamp.from(clock.instant()));
            ps.setObject(6, inboundSmsId);
            ps.executeUpdate();
        }
    }
}
