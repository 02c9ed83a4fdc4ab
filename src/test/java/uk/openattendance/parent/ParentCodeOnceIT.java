package uk.openattendance.parent;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
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

/**
 * A parent's one-time code: each wrong guess is counted and the tries left say so, the right code signs in once only,
 * and a contact may ask for at most five codes an hour.
 */
@MicronautTest(transactional = false)
class ParentCodeOnceIT {
    static final ZoneId LONDON = ZoneId.of("Europe/London");
    static final LocalDate MONDAY = LocalDate.of(2026, 11, 23);

    @Inject EmbeddedServer server;
    @Inject TestWorld world;
    @Inject MutableClock clock;
    @Inject ContactService contacts;
    @Inject Dispatcher dispatcher;
    @Inject ParentPhone phone;

    record Family(TestWorld.School school, String mobile, String e164, Api api) {
        String base() {
            return "/api/v1/public/schools/" + school.id() + "/parent";
        }
    }

    Family family() {
        clock.set(LocalDateTime.of(MONDAY, LocalTime.of(10, 5)), LONDON);
        TestWorld.School school = world.school();
        PupilView child = world.pupil(school, "Nia", "Oncecode");
        String mobile = String.format("07700 900%03d", TestWorld.next() % 1000);
        contacts.addContact(Actor.system("tests"), school.id(), child.id(), new ContactCommand("Rhys Oncecode", "Father", true, true, 1, mobile, null,
                Channel.SMS, false, null));
        return new Family(school, mobile, ParentPhone.e164(mobile), new Api(server.getURL().toString()));
    }

    String[] asked(Family f) {
        var started = f.api().post(f.base() + "/sign-in", null, "{\"mobile\":\"" + f.mobile() + "\"}");
        assertThat(started.status()).as(started.body()).isEqualTo(202);
        dispatcher.dispatchDue(List.of(f.school().id()));
        return new String[] {started.json().get("challenge").asText(), phone.lastCodeTo(f.e164())};
    }

    Api.Response verify(Family f, String challenge, String code) {
        return f.api().post(f.base() + "/verify", null, "{\"challenge\":\"" + challenge + "\",\"code\":\"" + code + "\"}");
    }

    @Test
    void wrongGuessesAreCountedAndTheRightCodeSignsInOnceOnly() {
        Family f = family();
        String[] c = asked(f);
        String wrong = c[1].equals("000000") ? "111111" : "000000";
        var first = verify(f, c[0], wrong);
        assertThat(first.status()).isEqualTo(401);
        assertThat(first.body()).contains("4 tries left");
        assertThat(verify(f, c[0], wrong).body()).contains("3 tries left");

        var signedIn = verify(f, c[0], c[1]);
        assertThat(signedIn.status()).as(signedIn.body()).isEqualTo(200);
        var again = verify(f, c[0], c[1]);
        assertThat(again.status()).isEqualTo(401);
        assertThat(again.body()).contains("was used");
    }

    @Test
    void fiveWrongGuessesUseTheCodeUp() {
        Family f = family();
        String[] c = asked(f);
        String wrong = c[1].equals("000000") ? "111111" : "000000";
        for (int i = 0; i < 5; i++) {
            assertThat(verify(f, c[0], wrong).status()).isEqualTo(401);
        }
        var right = verify(f, c[0], c[1]);
        assertThat(right.status()).isEqualTo(401);
        assertThat(right.body()).contains("too many wrong tries");
    }

    @Test
    void aSixthCodeInAnHourIsRefusedAndOneAnHourLaterIsSent() {
        Family f = family();
        for (int i = 0; i < 5; i++) {
            asked(f);
            clock.advance(java.time.Duration.ofMinutes(1));
        }
        var sixth = f.api().post(f.base() + "/sign-in", null, "{\"mobile\":\"" + f.mobile() + "\"}");
        assertThat(sixth.status()).as(sixth.body()).isEqualTo(429);
        clock.advance(java.time.Duration.ofMinutes(56));
        assertThat(f.api().post(f.base() + "/sign-in", null, "{\"mobile\":\"" + f.mobile() + "\"}").status()).isEqualTo(202);
    }
}
