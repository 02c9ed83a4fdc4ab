package uk.openattendance.platform.cache;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import uk.openattendance.fixtures.Api;
import uk.openattendance.fixtures.TestWorld;
import uk.openattendance.notify.app.Outbox;
import uk.openattendance.notify.domain.MessagePurpose;
import uk.openattendance.platform.time.MutableClock;
import uk.openattendance.register.app.SchoolDay;
import uk.openattendance.schedule.app.Scheduler;
import uk.openattendance.school.domain.PolicyPresets;
import uk.openattendance.school.domain.Session;
import uk.openattendance.security.Purpose;
import uk.openattendance.security.Role;
import uk.openattendance.security.SchoolScope;

/**
 * Two instances of the service on one database, as behind a load balancer (issue 14). For everything an instance
 * keeps in memory, and for what it deliberately no longer keeps, a change made through one instance is read through
 * the other straight away, then the other way round: nothing waits for a cache to expire and nothing remembers that
 * something was not there.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TwoReplicasAgreeIT {
    static final ZoneId LONDON = ZoneId.of("Europe/London");
    static final LocalDate MONDAY = LocalDate.of(2026, 11, 23);

    @Inject EmbeddedServer server;
    @Inject TestWorld world;

    EmbeddedServer second;
    Replica a;
    Replica b;
    long trust;
    String trustAdmin;

    /** One instance: its HTTP address and its own beans (its own caches). */
    record Replica(String name, Api api, ApplicationContext context) {
        <T> T bean(Class<T> type) {
            return context.getBean(type);
        }
    }

    @BeforeAll
    void twoInstancesOnOneDatabase() {
        second = ApplicationContext.run(EmbeddedServer.class, Map.of(), "test");
        a = new Replica("A", new Api(server.getURL().toString()), server.getApplicationContext());
        b = new Replica("B", new Api(second.getURL().toString()), second.getApplicationContext());
        for (Replica r : List.of(a, b)) {
            r.bean(MutableClock.class).set(MONDAY.atTime(6, 0), LONDON);
        }
        trust = world.trust();
        trustAdmin = world.staffLogin(a.api(), Role.TRUST_ADMIN, null, trust);
    }

    @AfterAll
    void stopTheSecondInstance() {
        second.close();
    }

    /** Each check runs twice: changed through A and read through B, then changed through B and read through A. */
    private void bothWays(java.util.function.BiConsumer<Replica, Replica> changeThenRead) {
        changeThenRead.accept(a, b);
        changeThenRead.accept(b, a);
    }

    @Test
    void aSchoolCreatedThroughOneInstanceIsFoundAtOnceThroughTheOther() {
        bothWays((writer, reader) -> {
            // the reader has served this trust administrator already, with the trust's schools as they were
            assertThat(reader.api().get("/api/v1/schools", trustAdmin).status()).isEqualTo(200);
            long id = newSchool(writer);
            assertThat(reader.api().get("/api/v1/schools/" + id, trustAdmin).status()).as("created through " + writer.name()).isEqualTo(200);
            assertThat(reader.api().get("/api/v1/schools/" + id + "/register-groups", trustAdmin).status()).isEqualTo(200);
            assertThat(reader.api().get("/api/v1/schools", trustAdmin).body()).contains("\"id\":" + id);
            assertThat(reader.bean(SchoolDay.class).of(id).groups()).as("the register's view of the new school").isNotEmpty();
        });
    }

    @Test
    void aStaffAccountAddedThroughOneInstanceWorksOnTheOtherAndStopsThereAtOnceWhenRemoved() {
        long school = newSchool(a);
        bothWays((writer, reader) -> {
            String email = "replica" + TestWorld.next() + "@example.org";
            var created = writer.api().post("/api/v1/staff", trustAdmin, "{\"email\":\"" + email + "\",\"displayName\":\"Test Teacher\",\"password\":\""
                    + TestWorld.PASSWORD + "\",\"role\":\"TEACHER\",\"schoolId\":" + school + "}");
            assertThat(created.status()).as(created.body()).isEqualTo(201);
            String teacher = reader.api().login(email, TestWorld.PASSWORD);
            assertThat(reader.api().get("/api/v1/schools/" + school, teacher).status()).isEqualTo(200);
            assertThat(writer.api().get("/api/v1/schools/" + school, teacher).status()).isEqualTo(200);

            var removed = writer.api().send("DELETE", "/api/v1/staff/" + created.json().get("id").asLong(), trustAdmin, null, Map.of());
            assertThat(removed.status()).isEqualTo(204);
            assertThat(reader.api().get("/api/v1/schools/" + school, teacher).status()).as("removed through " + writer.name()).isEqualTo(401);
        });
    }

    @Test
    void anApiKeyIssuedThroughOneInstanceWorksOnTheOtherAndStopsThereAtOnceWhenRevoked() {
        long school = newSchool(a);
        bothWays((writer, reader) -> {
            var created = writer.api().post("/api/v1/api-clients", trustAdmin, "{\"name\":\"MIS sync\",\"schoolId\":" + school
                    + ",\"scopes\":[\"SCHOOL_READ\",\"ROLL_READ\"]}");
            assertThat(created.status()).as(created.body()).isEqualTo(201);
            String key = created.json().get("apiKey").asText();
            assertThat(reader.api().get("/api/v1/schools/" + school + "/pupils", key).status()).isEqualTo(200);

            assertThat(writer.api().send("DELETE", "/api/v1/api-clients/" + created.json().get("id").asLong(), trustAdmin, null, Map.of()).status())
                    .isEqualTo(204);
            assertThat(reader.api().get("/api/v1/schools/" + school + "/pupils", key).status()).as("revoked through " + writer.name()).isEqualTo(401);
        });
    }

    @Test
    void termsAndClosuresAddedThroughOneInstanceAreInTheOthersCalendarAtOnce() {
        long school = newSchool(a);
        term(a, school, "Autumn", "2026-09-02", "2026-12-18");
        bothWays((writer, reader) -> {
            LocalDate first = writer == a ? LocalDate.of(2027, 1, 4) : LocalDate.of(2027, 4, 19);
            LocalDate tuesday = first.plusDays(1);
            assertThat(reader.bean(SchoolDay.class).of(school).calendar().isSchoolDay(tuesday)).as("outside the terms so far").isFalse();
            term(writer, school, "Term " + first, first.toString(), first.plusWeeks(6).toString());
            assertThat(reader.bean(SchoolDay.class).of(school).calendar().isSchoolDay(tuesday)).as("term added through " + writer.name()).isTrue();

            var closure = writer.api().post(calendar(school) + "/closures", trustAdmin, "{\"date\":\"" + tuesday
                    + "\",\"sessions\":\"ALL_DAY\",\"kind\":\"INSET\",\"description\":\"Training day\"}");
            assertThat(closure.status()).as(closure.body()).isIn(200, 201);
            assertThat(reader.bean(SchoolDay.class).of(school).calendar().isSchoolDay(tuesday)).as("closure added through " + writer.name()).isFalse();
        });
    }

    @Test
    void aTermAddedThroughOneInstanceIsPlannedByTheOthersNextTick() {
        bothWays((writer, reader) -> {
            long school = newSchool(a);
            term(a, school, "Spring", "2027-01-04", "2027-03-26");
            Scheduler planner = reader.bean(Scheduler.class);
            planner.tick(List.of(school));
            assertThat(jobsToday(reader, school)).as("today is outside the school's terms: nothing planned").isEmpty();

            term(writer, school, "Autumn", "2026-11-02", "2026-12-18");
            planner.tick(List.of(school));
            assertThat(jobsToday(reader, school)).as("today planned by " + reader.name() + " after the term was added through " + writer.name())
                    .isNotEmpty();
        });
    }

    @Test
    void registerGroupsAndTheirTimesChangedThroughOneInstanceAreWhatTheOtherRegistersUse() {
        long school = newSchool(a);
        bothWays((writer, reader) -> {
            String name = "Nursery " + writer.name();
            var made = writer.api().post("/api/v1/schools/" + school + "/register-groups", trustAdmin, group(name, "09:10", null));
            assertThat(made.status()).as(made.body()).isIn(200, 201);
            long id = made.json().get("id").asLong();
            Function<Long, LocalTime> closesAt = g -> reader.bean(SchoolDay.class).of(school).groups().get(g).timing(Session.AM).closesAt();
            assertThat(closesAt.apply(id)).as("group made through " + writer.name()).isEqualTo(LocalTime.of(9, 10));

            var moved = writer.api().put("/api/v1/schools/" + school + "/register-groups/" + id, trustAdmin, group(name, "09:20",
                    made.json().get("version").asLong()));
            assertThat(moved.status()).as(moved.body()).isEqualTo(200);
            assertThat(closesAt.apply(id)).as("times changed through " + writer.name()).isEqualTo(LocalTime.of(9, 20));
        });
    }

    @Test
    void aSchoolsZoneAndNameChangedThroughOneInstanceAreWhatTheOtherUsesAtOnce() {
        long school = newSchool(a);
        bothWays((writer, reader) -> {
            String zone = writer == a ? "Europe/Dublin" : "Europe/London";
            String name = "Renamed School " + TestWorld.next();
            reader.bean(SchoolDay.class).of(school);
            reader.bean(Outbox.class).render(scope(school), MessagePurpose.PRAISE_WEEKLY, Map.of("children", "Amelia Testpupil"));
            long version = writer.api().get("/api/v1/schools/" + school, trustAdmin).json().get("version").asLong();
            var changed = writer.api().put("/api/v1/schools/" + school + "/details", trustAdmin, "{\"version\":" + version + ",\"details\":{\"name\":\""
                    + name + "\",\"zone\":\"" + zone + "\",\"email\":\"office@example.org\"}}");
            assertThat(changed.status()).as(changed.body()).isEqualTo(200);
            assertThat(reader.bean(SchoolDay.class).of(school).zone()).as("zone changed through " + writer.name()).isEqualTo(ZoneId.of(zone));
            assertThat(reader.bean(Outbox.class).render(scope(school), MessagePurpose.PRAISE_WEEKLY, Map.of("children", "Amelia Testpupil")))
                    .as("the name a text signs with").contains(name);
        });
    }

    @Test
    void aSchoolsPolicyAndItsTrustsDefaultsChangedThroughOneInstanceAreWhatTheOtherApplies() {
        long school = newSchool(a);
        bothWays((writer, reader) -> {
            int days = writer == a ? 7 : 9;
            assertThat(reader.bean(SchoolDay.class).policy(school).marks().unresolvedNLimitSchoolDays()).isNotEqualTo(days);
            var changed = writer.api().patch("/api/v1/schools/" + school + "/policy", trustAdmin, "{\"marks\":{\"unresolvedNLimitSchoolDays\":" + days + "}}");
            assertThat(changed.status()).as(changed.body()).isEqualTo(200);
            assertThat(reader.bean(SchoolDay.class).policy(school).marks().unresolvedNLimitSchoolDays()).as("policy changed through " + writer.name())
                    .isEqualTo(days);

            boolean convert = writer == a;
            var defaults = writer.api().patch("/api/v1/trusts/" + trust + "/policy-defaults", trustAdmin, "{\"marks\":{\"convertUnresolvedNToO\":"
                    + convert + "}}");
            assertThat(defaults.status()).as(defaults.body()).isEqualTo(200);
            assertThat(reader.bean(SchoolDay.class).policy(school).marks().convertUnresolvedNToO()).as("trust defaults changed through " + writer.name())
                    .isEqualTo(convert);
        });
    }

    @Test
    void messageWordingSavedOrResetThroughOneInstanceIsWhatTheOtherSends() {
        long school = newSchool(a);
        bothWays((writer, reader) -> {
            String wording = "Well done {{children}} on a full week, from everyone at {{school}} (" + writer.name() + TestWorld.next() + ")";
            String path = "/api/v1/schools/" + school + "/message-templates/PRAISE_WEEKLY";
            String before = render(reader, school);
            var saved = writer.api().put(path, trustAdmin, "{\"body\":\"" + wording + "\"}");
            assertThat(saved.status()).as(saved.body()).isEqualTo(200);
            assertThat(render(reader, school)).as("saved through " + writer.name()).startsWith("Well done Amelia Testpupil on a full week")
                    .endsWith(wording.substring(wording.lastIndexOf('(')));

            assertThat(writer.api().send("DELETE", path, trustAdmin, null, Map.of()).status()).isEqualTo(200);
            assertThat(render(reader, school)).as("reset through " + writer.name()).isEqualTo(writer == a ? before : render(writer, school));
        });
    }

    /**
     * What each lookup costs now, beside what it would cost read afresh, printed as figures: the caller is read afresh
     * on every request (nothing kept), a school's settings are kept under its stamp (one primary-key read per lookup).
     */
    @Test
    void whatEachLookupCostsIsPrinted() {
        long school = newSchool(a);
        term(a, school, "Autumn", "2026-09-02", "2026-12-18");
        String teacher = "staff:" + a.api().get("/api/v1/me", world.staffLogin(a.api(), Role.TEACHER, school, null)).json().get("principalId").asLong();
        String admin = "staff:" + a.api().get("/api/v1/me", trustAdmin).json().get("principalId").asLong();
        var actors = a.bean(uk.openattendance.security.ActorResolver.class);
        var versions = a.bean(CacheVersions.class);
        var day = a.bean(SchoolDay.class);
        var settings = SchoolScope.forJob(Purpose.SCHOOL_SETTINGS, school);
        var schools = a.bean(uk.openattendance.school.app.SchoolService.class);
        var calendars = a.bean(uk.openattendance.school.app.CalendarService.class);
        var groups = a.bean(uk.openattendance.school.app.RegisterGroupService.class);
        var policies = a.bean(uk.openattendance.school.app.PolicyService.class);
        Map<String, Runnable> lookups = new java.util.LinkedHashMap<>();
        lookups.put("caller afresh, teacher (account and roles)", () -> actors.resolve(teacher));
        lookups.put("caller afresh, trust administrator (account and roles, the trust's schools)", () -> actors.resolve(admin));
        lookups.put("one stamp read (the least a kept copy costs per lookup)", () -> versions.current(CacheVersions.Scope.SCHOOL, school));
        lookups.put("school day kept under its stamp (zone, calendar, groups)", () -> day.of(school));
        lookups.put("school day afresh (zone, calendar, groups)", () -> {
            schools.zoneOf(settings);
            calendars.calendar(settings);
            groups.registerGroups(settings);
        });
        lookups.put("policy kept under its stamp", () -> day.policy(school));
        lookups.put("policy afresh", () -> policies.settings(settings));
        lookups.put("a message's wording and school afresh (Outbox.render)", () -> render(a, school));
        var standing = a.bean(uk.openattendance.security.persistence.StaffAccessStore.class);
        long teacherId = Long.parseLong(teacher.substring("staff:".length()));
        lookups.put("  of which the account and its roles (one read)", () -> standing.standing(teacherId));
        lookups.put("  of which the trust's schools (one indexed read)", () -> schools.schoolIdsInTrust(trust));
        // interleaved, one call of each in turn, so a busy machine slows every lookup alike
        Map<String, Long> nanos = new java.util.LinkedHashMap<>();
        int n = 100;
        for (int i = -30; i < n; i++) { // the first thirty warm up
            for (var e : lookups.entrySet()) {
                long t0 = System.nanoTime();
                e.getValue().run();
                if (i >= 0) {
                    nanos.merge(e.getKey(), System.nanoTime() - t0, Long::sum);
                }
            }
        }
        Map<String, Double> micros = new java.util.LinkedHashMap<>();
        nanos.forEach((what, total) -> micros.put(what, total / 1e3 / n));
        micros.forEach((what, us) -> System.out.printf("[figure] %s: %.0f microseconds%n", what, us));
        assertThat(micros.values()).allMatch(us -> us < 20_000);
    }

    private static String render(Replica r, long school) {
        return r.bean(Outbox.class).render(scope(school), MessagePurpose.PRAISE_WEEKLY, Map.of("children", "Amelia Testpupil"));
    }

    private long newSchool(Replica through) {
        int n = TestWorld.next();
        var r = through.api().post("/api/v1/schools", trustAdmin, "{\"trustId\":" + trust + ",\"urn\":\"" + String.format("%06d", 100000 + n % 800000)
                + "\",\"presetKey\":\"" + PolicyPresets.PRIMARY_GLOUCESTERSHIRE + "\",\"details\":{\"name\":\"Replica School " + n
                + "\",\"zone\":\"Europe/London\",\"email\":\"office" + n + "@example.org\"}}");
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json().get("id").asLong();
    }

    private List<?> jobsToday(Replica r, long school) {
        var jobs = r.api().get("/api/v1/schools/" + school + "/jobs?from=" + MONDAY + "&to=" + MONDAY, trustAdmin);
        assertThat(jobs.status()).as(jobs.body()).isEqualTo(200);
        return toList(jobs.json());
    }

    private static List<?> toList(com.fasterxml.jackson.databind.JsonNode node) {
        List<Object> out = new java.util.ArrayList<>();
        (node.isArray() ? node : node.path("items")).forEach(out::add);
        return out;
    }

    private void term(Replica through, long school, String name, String startsOn, String endsOn) {
        var r = through.api().post(calendar(school) + "/terms", trustAdmin, "{\"name\":\"" + name + "\",\"startsOn\":\"" + startsOn + "\",\"endsOn\":\""
                + endsOn + "\"}");
        assertThat(r.status()).as(r.body()).isIn(200, 201);
    }

    private static String calendar(long school) {
        return "/api/v1/schools/" + school + "/calendar";
    }

    /** A register group whose registers stay open ten minutes, as the preset's do (the law wants the same length every session). */
    private static String group(String name, String amCloses, Long version) {
        LocalTime closes = LocalTime.parse(amCloses);
        String opens = closes.minusMinutes(10).toString();
        return "{\"name\":\"" + name + "\",\"am\":{\"opensAt\":\"" + opens + "\",\"lateAfter\":\"" + opens + "\",\"closesAt\":\"" + amCloses
                + "\",\"unauthorisedAfter\":\"" + amCloses + "\"},\"pm\":{\"opensAt\":\"13:10\",\"lateAfter\":\"13:10\",\"closesAt\":\"13:20\","
                + "\"unauthorisedAfter\":\"13:20\"}" + (version == null ? "" : ",\"version\":" + version) + "}";
    }

    private static SchoolScope scope(long school) {
        return SchoolScope.forJob(Purpose.FAMILY_MESSAGES, school);
    }
}
