package uk.openattendance.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import uk.openattendance.fixtures.Api;
import uk.openattendance.fixtures.TestWorld;
import uk.openattendance.platform.time.MutableClock;
import uk.openattendance.roll.app.Characteristics;
import uk.openattendance.roll.app.PupilView;
import uk.openattendance.security.Role;

/**
 * Inputs that used to reach the caller as 500: races on a unique value or a version, a second late sign-in, a JSON
 * scalar where an object belongs, and a form Twilio never sends. Each is a 4xx problem+json now.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class NoServerErrorIT {
    private static final ZoneId LONDON = ZoneId.of("Europe/London");
    private static final LocalDate MONDAY = LocalDate.of(2026, 11, 23);
    private static final int RACERS = 6;

    @Inject EmbeddedServer server;
    @Inject TestWorld world;
    @Inject MutableClock clock;

    Api api;
    TestWorld.School school;
    String head;
    ExecutorService racers;

    @BeforeAll
    void aSchoolWithAHeadteacher() {
        api = new Api(server.getURL().toString());
        school = world.school();
        head = world.staffLogin(api, Role.HEADTEACHER, school.id(), null);
        racers = Executors.newFixedThreadPool(RACERS);
    }

    @AfterAll
    void stopRacers() {
        racers.shutdownNow();
    }

    /** Sends the same request from several threads released at one moment, and returns every answer. */
    private List<Api.Response> race(Supplier<Api.Response> request) throws Exception {
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Api.Response>> answers = new ArrayList<>();
        for (int i = 0; i < RACERS; i++) {
            answers.add(racers.submit(() -> {
                start.await();
                return request.get();
            }));
        }
        start.countDown();
        List<Api.Response> out = new ArrayList<>();
        for (Future<Api.Response> f : answers) {
            out.add(f.get());
        }
        return out;
    }

    private static void assertOneWonAndTheRestWereTold409(List<Api.Response> answers, int success) {
        assertThat(answers).allSatisfy(r -> {
            assertThat(r.status()).as(r.body()).isIn(success, 409);
            assertThat(r.contentType()).startsWith(r.status() == 409 ? "application/problem+json" : "application/json");
        });
        assertThat(answers).filteredOn(r -> r.status() == success).hasSize(1);
    }

    private String pupilJson(String upn, Long version) {
        return "{\"upn\":\"" + upn + "\",\"legalForename\":\"Ines\",\"legalSurname\":\"Marlow\",\"dateOfBirth\":\"2017-02-03\",\"yearGroup\":\"4\","
                + "\"registerGroupId\":" + school.registerGroupIds().get(0) + ",\"startDate\":\"2026-09-02\"" + (version == null ? "" : ",\"version\":" + version) + "}";
    }

    @Test
    void concurrentCreatesWithTheSameUpnAnswer409() throws Exception {
        String upn = TestWorld.upn();
        String pupils = "/api/v1/schools/" + school.id() + "/pupils";
        for (int round = 0; round < 3; round++) {
            String u = round == 0 ? upn : TestWorld.upn();
            assertOneWonAndTheRestWereTold409(race(() -> api.post(pupils, head, pupilJson(u, null))), 201);
        }
    }

    @Test
    void concurrentCreatesOfStaffWithTheSameEmailAnswer409() throws Exception {
        // each create hashes a password, so two rounds are enough to race
        for (int round = 0; round < 2; round++) {
            String body = "{\"email\":\"twin" + TestWorld.next() + "@example.org\",\"displayName\":\"Twin Teacher\",\"password\":\"" + TestWorld.PASSWORD
                    + "\",\"role\":\"TEACHER\",\"schoolId\":" + school.id() + "}";
            assertOneWonAndTheRestWereTold409(race(() -> api.post("/api/v1/staff", head, body)), 201);
        }
    }

    @Test
    void concurrentUpdatesWithTheSameVersionAnswer409() throws Exception {
        PupilView p = world.pupil(school, "Vera", "Ostrom");
        String path = "/api/v1/schools/" + school.id() + "/pupils/" + p.id();
        long version = api.get(path, head).json().get("version").asLong();
        assertOneWonAndTheRestWereTold409(race(() -> api.put(path, head, pupilJson(p.upn(), version))), 200);

        String group = "/api/v1/schools/" + school.id() + "/register-groups/" + school.registerGroupIds().get(0);
        var current = api.get(group, head).json();
        String times = "\"am\":{\"opensAt\":\"08:40\",\"lateAfter\":\"08:50\",\"closesAt\":\"09:10\",\"unauthorisedAfter\":\"09:10\"},"
                + "\"pm\":{\"opensAt\":\"13:10\",\"lateAfter\":\"13:15\",\"closesAt\":\"13:40\",\"unauthorisedAfter\":\"13:40\"}";
        String body = "{\"name\":\"Whole school\"," + times + ",\"version\":" + current.get("version").asLong() + "}";
        assertOneWonAndTheRestWereTold409(race(() -> api.put(group, head, body)), 200);
    }

    @Test
    void signingInAPupilTwiceAfterTheRegisterClosedIsNot500() {
        PupilView p = world.pupil(school, "Tobias", "Wren", LocalDate.of(2025, 9, 1), 0, Characteristics.none());
        clock.set(LocalDateTime.of(MONDAY, LocalTime.of(9, 40)), LONDON);
        String arrivals = "/api/v1/schools/" + school.id() + "/arrivals";
        var first = api.post(arrivals, head, "{\"pupilId\":" + p.id() + ",\"arrivedAt\":\"09:35\"}");
        assertThat(first.status()).as(first.body()).isEqualTo(200);
        assertThat(first.json().get("code").asText()).isEqualTo("U");
        var again = api.post(arrivals, head, "{\"pupilId\":" + p.id() + ",\"arrivedAt\":\"09:35\"}");
        assertThat(again.status()).as(again.body()).isEqualTo(200);
        assertThat(again.json().get("code").asText()).isEqualTo("U");
        clock.advance(java.time.Duration.ofMinutes(5));
        var later = api.post(arrivals, head, "{\"pupilId\":" + p.id() + "}");
        assertThat(later.status()).as(later.body()).isEqualTo(200);
        assertThat(later.json().get("arrivedAt").asText()).as("the first sign-in stands").startsWith("09:35");
        var history = api.get("/api/v1/schools/" + school.id() + "/pupils/" + p.id() + "/mark-history", head).json().get("items");
        assertThat(history).as("a second sign-in changes nothing").hasSize(1);
    }

    @Test
    void aJsonScalarBodyIsRefusedWith400NamingTheBody() {
        String s = "/api/v1/schools/" + school.id();
        PupilView p = world.pupil(school, "Anya", "Brook");
        List<String[]> writes = List.of(
                new String[] {"POST", s + "/pupils"},
                new String[] {"PUT", s + "/pupils/" + p.id()},
                new String[] {"POST", s + "/arrivals"},
                new String[] {"POST", s + "/registers/" + MONDAY + "/AM"},
                new String[] {"POST", s + "/register-groups"},
                new String[] {"POST", s + "/pupils/" + p.id() + "/contacts"},
                new String[] {"POST", s + "/absence-reports"},
                new String[] {"POST", s + "/leave-requests"},
                new String[] {"PUT", s + "/details"},
                new String[] {"POST", s + "/letters/approvals"},
                new String[] {"POST", "/api/v1/staff"},
                new String[] {"POST", "/api/v1/trusts"},
                new String[] {"PATCH", s + "/policy"});
        for (String[] w : writes) {
            for (String scalar : List.of("42", "true", "\"text\"", "null", "[]", "[1,2]", "-1.5e300")) {
                Map<String, String> type = Map.of("Content-Type", "PATCH".equals(w[0]) ? "application/merge-patch+json" : "application/json");
                var r = api.send(w[0], w[1], head, scalar, type);
                assertThat(r.status()).as(w[0] + " " + w[1] + " " + scalar + ": " + r.body()).isEqualTo(400);
                assertThat(r.contentType()).startsWith("application/problem+json");
                assertThat(r.json().get("errors")).as(w[0] + " " + w[1] + " " + scalar + ": " + r.body())
                        .anySatisfy(e -> assertThat(e.get("field").asText()).isEqualTo("body"));
            }
        }
    }

    @Test
    void aMalformedTwilioFormIsRefusedBeforeTheSignatureCheckWithout500() {
        for (String path : List.of("/api/v1/webhooks/twilio/sms", "/api/v1/webhooks/twilio/status")) {
            for (String form : List.of("%", "MessageSid=%zz", "From=%E0%A4%A&Body=x", "=&=&&", "a=b=c%", "{\"MessageSid\":\"SM1\"}", "%FF%FE=%00")) {
                var r = api.send("POST", path, null, form, Map.of("Content-Type", "application/x-www-form-urlencoded", "X-Twilio-Signature", "bm90LWEtc2lnbmF0dXJl"));
                assertThat(r.status()).as(path + " " + form + ": " + r.body()).isIn(400, 403);
                assertThat(r.contentType()).as(path + " " + form).startsWith("application/problem+json");
            }
            var undecodable = api.send("POST", path, null, "MessageSid=%zz&From=%", Map.of("Content-Type", "application/x-www-form-urlencoded"));
            assertThat(undecodable.status()).as(undecodable.body()).isEqualTo(400);
            assertThat(undecodable.json().get("errors")).anySatisfy(e -> assertThat(e.get("field").asText()).isEqualTo("body"));
        }
    }
}
