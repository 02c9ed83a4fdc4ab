package uk.openattendance.roll;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import uk.openattendance.fixtures.Api;
import uk.openattendance.fixtures.RealProviders;
import uk.openattendance.fixtures.TestWorld;
import uk.openattendance.fixtures.TwilioFake;
import uk.openattendance.notify.app.Dispatcher;
import uk.openattendance.platform.time.MutableClock;
import uk.openattendance.roll.app.PupilView;
import uk.openattendance.security.Role;

/**
 * A family with a mobile from abroad is on the roll and gets its texts: the office writes it with its country code, it
 * is kept in E.164 and Twilio is asked to text exactly that number. A landline is refused with the field named.
 *
 * <p>Ireland and Poland keep no range of mobiles for fiction that we know of: +353 85 012 3456 and +48 512 345 678 are
 * libphonenumber's own example numbers, invented for its documentation.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class InternationalMobilesIT implements TestPropertyProvider {
    static final ZoneId LONDON = ZoneId.of("Europe/London");
    static final LocalDate MONDAY = LocalDate.of(2026, 11, 23);

    TwilioFake twilio;
    com.icegreen.greenmail.util.GreenMail smtp;

    @Inject EmbeddedServer server;
    @Inject TestWorld world;
    @Inject MutableClock clock;
    @Inject Dispatcher dispatcher;

    @Override
    public Map<String, String> getProperties() {
        twilio = RealProviders.twilio();
        smtp = RealProviders.smtp();
        return RealProviders.properties(twilio, smtp);
    }

    @AfterAll
    void stop() {
        twilio.close();
        smtp.stop();
    }

    @Test
    void anIrishMobileAddedByTheOfficeIsKeptInE164AndTextedThroughTwilio() {
        clock.set(LocalDateTime.of(MONDAY, LocalTime.of(10, 5)), LONDON);
        Api api = new Api(server.getURL().toString());
        TestWorld.School school = world.school();
        PupilView child = world.pupil(school, "Aoife", "Farrowdale");
        String office = world.staffLogin(api, Role.OFFICE, school.id(), null);
        String contacts = "/api/v1/schools/" + school.id() + "/pupils/" + child.id() + "/contacts";

        var added = api.post(contacts, office, "{\"name\":\"Siobhan Farrowdale\",\"relationship\":\"Mother\",\"parentalResponsibility\":true,"
                + "\"livesWithPupil\":true,\"priority\":1,\"mobile\":\"+353 85 012 3456\"}");
        assertThat(added.status()).as(added.body()).isEqualTo(201);
        assertThat(added.json().get("mobile").asText()).isEqualTo("+353850123456");

        // the parent signs in with the number as she would write it; the code goes out as a real text to Twilio
        var started = api.post("/api/v1/public/schools/" + school.id() + "/parent/sign-in", null, "{\"mobile\":\"00353 85 012 3456\"}");
        assertThat(started.status()).as(started.body()).isEqualTo(202);
        dispatcher.dispatchDue(List.of(school.id()));

        List<TwilioFake.Sent> texts = twilio.to("+353850123456");
        assertThat(texts).hasSize(1);
        assertThat(texts.get(0).body()).containsPattern("\\d{6}");
    }

    @Test
    void aPolishMobileImportedFromTheContactsCsvIsKeptInE164() {
        Api api = new Api(server.getURL().toString());
        TestWorld.School school = world.school();
        PupilView child = world.pupil(school, "Zofia", "Brennowska");
        String office = world.staffLogin(api, Role.OFFICE, school.id(), null);
        String base = "/api/v1/schools/" + school.id();
        String upn = api.get(base + "/pupils/" + child.id(), office).json().get("upn").asText();

        var imported = api.send("POST", base + "/imports/contacts", office, "upn,name,relationship,parental_responsibility,lives_with_pupil,priority,mobile,email\n"
                + upn + ",Marta Brennowska,Mother,true,true,1,+48 512 345 678,\n", Map.of("Content-Type", "text/csv"));
        assertThat(imported.status()).as(imported.body()).isEqualTo(200);

        JsonNode contact = api.get(base + "/pupils/" + child.id() + "/contacts", office).json().get("items").get(0);
        assertThat(contact.get("mobile").asText()).isEqualTo("+48512345678");
    }

    @Test
    void aLandlineIsRefusedForTextsWithTheMobileFieldNamed() {
        Api api = new Api(server.getURL().toString());
        TestWorld.School school = world.school();
        PupilView child = world.pupil(school, "Tom", "Landerby");
        String office = world.staffLogin(api, Role.OFFICE, school.id(), null);

        // 020 7946 0xxx is Ofcom's drama range for London landlines
        var refused = api.post("/api/v1/schools/" + school.id() + "/pupils/" + child.id() + "/contacts", office,
                "{\"name\":\"Sam Landerby\",\"relationship\":\"Father\",\"parentalResponsibility\":true,\"livesWithPupil\":true,\"priority\":1,"
                        + "\"mobile\":\"020 7946 0123\"}");
        assertThat(refused.status()).as(refused.body()).isEqualTo(400);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.json().at("/errors/0/field").asText()).isEqualTo("mobile");
        assertThat(refused.json().at("/errors/0/expected").asText()).contains("landline").contains("cannot take texts");
    }
}
