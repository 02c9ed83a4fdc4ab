package uk.openattendance.notify;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import uk.openattendance.fixtures.Api;
import uk.openattendance.fixtures.TestWorld;
import uk.openattendance.fixtures.TwilioWebhook;
import uk.openattendance.fixtures.TwilioFake;
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
import uk.openattendance.security.Role;

/**
 * A school (or trust) with its own SMS number: texts go from it, and a text to it from a number nobody knows waits in
 * that school's (or trust's) queue instead of only a platform administrator's. Real HTTP with Twilio's signature.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OwnSendersIT implements TestPropertyProvider {
    static final ZoneId LONDON = ZoneId.of("Europe/London");
    static final LocalDate MONDAY = LocalDate.of(2026, 11, 23);
    static final Actor SYSTEM = Actor.bootstrap("tests");
    static final String SMS = "/api/v1/webhooks/twilio/sms";
    static final String PUBLIC = "http://127.0.0.1:8080";

    TwilioFake twilio;
    com.icegreen.greenmail.util.GreenMail smtp;

    @Inject EmbeddedServer server;
    @Inject TestWorld world;
    @Inject MutableClock clock;
    @Inject RegisterService registers;
    @Inject ContactService contacts;
    @Inject SuppressionRepository suppressions;
    @Inject RegisterGroupService groups;
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
        twilio.close();
        smtp.stop();
    }

    @Test
    void aTextFromAnUnknownNumberToASchoolsNumberIsInThatSchoolsReviewQueue() throws Exception {
        Api api = api();
        TestWorld.School school = world.school(world.trust(), PolicyPresets.PRIMARY_GLOUCESTERSHIRE);
        String number = freed("+447700900951");
        String head = world.staffLogin(api, Role.HEADTEACHER, school.id(), null);
        assertThat(api.put("/api/v1/schools/" + school.id() + "/sms-sender", head, "{\"smsSender\":\"" + number + "\"}").status()).isEqualTo(200);
        String sid = "SMown" + System.nanoTime();

        assertThat(webhook(sms(sid, "+447700900952", number, "Hi, this is Jo's new number, she is off today")).statusCode()).isEqualTo(200);

        String office = world.staffLogin(api, Role.OFFICE, school.id(), null);
        JsonNode queue = api.get("/api/v1/schools/" + school.id() + "/inbound-messages?status=REVIEW", office).json().get("items");
        assertThat(bodies(queue)).contains("Hi, this is Jo's new number, she is off today");
    }

    @Test
    void aTextToTheTrustsSharedNumberFromAnUnknownSenderIsSeenByTrustStaffOnly() throws Exception {
        Api api = api();
        long trust = world.trust();
        TestWorld.School school = world.school(trust, PolicyPresets.PRIMARY_GLOUCESTERSHIRE);
        String number = freed("+447700900953");
        String trustAdmin = world.staffLogin(api, Role.TRUST_ADMIN, null, trust);
        assertThat(api.put("/api/v1/trusts/" + trust + "/sms-sender", trustAdmin, "{\"smsSender\":\"" + number + "\"}").status()).isEqualTo(200);
        String body = "Who do I tell that Kit is unwell? " + System.nanoTime();

        assertThat(webhook(sms("SMtrust" + System.nanoTime(), "+447700900954", number, body)).statusCode()).isEqualTo(200);

        JsonNode queue = api.get("/api/v1/trusts/" + trust + "/inbound-messages?status=REVIEW", trustAdmin).json().get("items");
        assertThat(bodies(queue)).contains(body);
        long id = queue.get(0).get("id").asLong();
        String headOfOneSchool = world.staffLogin(api, Role.HEADTEACHER, school.id(), null);
        assertThat(api.get("/api/v1/trusts/" + trust + "/inbound-messages", headOfOneSchool).status()).isEqualTo(404);
        assertThat(bodies(api.get("/api/v1/schools/" + school.id() + "/inbound-messages", headOfOneSchool).json().get("items"))).doesNotContain(body);
        String otherTrustAdmin = world.staffLogin(api, Role.TRUST_ADMIN, null, world.trust());
        assertThat(api.get("/api/v1/trusts/" + trust + "/inbound-messages", otherTrustAdmin).status()).isEqualTo(404);
        assertThat(api.post("/api/v1/trusts/" + trust + "/inbound-messages/" + id + "/resolve", headOfOneSchool, "{\"resolution\":\"Seen\"}").status())
                .isEqualTo(404);
        assertThat(api.post("/api/v1/trusts/" + trust + "/inbound-messages/" + id + "/resolve", trustAdmin,
                "{\"resolution\":\"Passed to the school office\"}").json().get("status").asText()).isEqualTo("RESOLVED");
    }

    @Test
    void aSchoolsTextsGoFromItsOwnNumber() throws Exception {
        Api api = api();
        at("08:30");
        TestWorld.School school = world.school(world.trust(), PolicyPresets.PRIMARY_GLOUCESTERSHIRE);
        String number = freed("+447700900955");
        String head = world.staffLogin(api, Role.HEADTEACHER, school.id(), null);
        assertThat(api.put("/api/v1/schools/" + school.id() + "/sms-sender", head, "{\"smsSender\":\"" + number + "\"}").status()).isEqualTo(200);
        PupilView pupil = world.pupil(school, "Rowan", "Ownwood");
        String mum = String.format("07700 900%03d", TestWorld.next() % 900);
        String e164 = "+44" + mum.replace(" ", "").substring(1);
        suppressions.deleteByAddressAndSchoolId(e164, 0);
        contacts.addContact(SYSTEM, school.id(), pupil.id(), FirstDayChainIT.contact("Ash Ownwood", "Mother", 1, mum, null));
        at(groups.registerGroups(SYSTEM, school.id()).get(0).timing(Session.AM).opensAt().plusMinutes(1).toString());
        registers.submit(SYSTEM, school.id(), MONDAY, Session.AM,
                new SubmitRegister(List.of(new SubmitRegister.Entry(pupil.id(), "N", null, null, null)), null));
        twilio.reset();

        for (LocalTime t = LocalTime.of(9, 0); !t.isAfter(LocalTime.of(9, 20)); t = t.plusMinutes(5)) {
            clock.set(LocalDateTime.of(MONDAY, t), LONDON);
            scheduler.tick(List.of(school.id()));
            dispatcher.dispatchDue(List.of(school.id()));
        }

        assertThat(twilio.to(e164)).isNotEmpty().allSatisfy(s -> assertThat(s.from()).isEqualTo(number));
    }

    void at(String time) {
        clock.set(LocalDateTime.of(MONDAY, LocalTime.parse(time)), LONDON);
    }

    Api api() {
        return new Api(server.getURL().toString());
    }

    /** The fictional range is small and the test database outlives a run: whoever had this number before lets it go. */
    String freed(String number) throws Exception {
        try (Connection c = java.sql.DriverManager.getConnection(jdbcUrl, "root", "")) {
            for (String table : List.of("school", "trust")) {
                try (PreparedStatement ps = c.prepareStatement("UPDATE " + table + " SET sms_sender = NULL WHERE sms_sender = ?")) {
                    ps.setString(1, number);
                    ps.executeUpdate();
                }
            }
        }
        return number;
    }

    static List<String> bodies(JsonNode list) {
        List<String> out = new ArrayList<>();
        list.forEach(n -> out.add(n.get("body").asText()));
        return out;
    }

    static Map<String, String> sms(String sid, String from, String to, String body) {
        return Map.of("MessageSid", sid, "From", from, "To", to, "Body", body, "AccountSid", "AC00000000000000000000000000000000");
    }

    HttpResponse<String> webhook(Map<String, String> params) throws Exception {
        return TwilioWebhook.post(server.getURL().toString(), SMS, params, true);
    }
}
