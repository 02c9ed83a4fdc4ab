package uk.openattendance.register;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.context.annotation.Property;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.sql.DriverManager;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import uk.openattendance.fixtures.Api;
import uk.openattendance.fixtures.TestWorld;
import uk.openattendance.platform.time.MutableClock;
import uk.openattendance.roll.app.Characteristics;
import uk.openattendance.roll.app.PupilView;
import uk.openattendance.school.domain.PolicyPresets;
import uk.openattendance.school.domain.Session;
import uk.openattendance.security.Role;

/**
 * Registers as a Gloucestershire primary takes them: on site by 8:50, register closes 9:00, U after close. Monday
 * 23 November 2026 unless a test says otherwise; the clock is moved, never waited for.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RegisterIT {
    private static final ZoneId LONDON = ZoneId.of("Europe/London");
    private static final LocalDate MONDAY = LocalDate.of(2026, 11, 23);

    @Inject EmbeddedServer server;
    @Inject TestWorld world;
    @Inject MutableClock clock;
    @Inject TestPlannedMarks planned;
    @Property(name = "datasources.default.url") String jdbcUrl;

    Api api;
    TestWorld.School school;
    String teacher;
    String office;
    List<PupilView> classOf30 = new ArrayList<>();

    @BeforeAll
    void aClassOfThirty() {
        api = new Api(server.getURL().toString());
        school = world.school(world.trust(), PolicyPresets.PRIMARY_GLOUCESTERSHIRE);
        for (int i = 0; i < 30; i++) {
            classOf30.add(world.pupil(school, "Pupil" + i, "Class" + String.format("%02d", i), LocalDate.of(2025, 9, 1), 0, Characteristics.none()));
        }
        teacher = world.staffLogin(api, Role.TEACHER, school.id(), null);
        office = world.staffLogin(api, Role.OFFICE, school.id(), null);
    }

    private void at(LocalDate date, String time) {
        clock.set(LocalDateTime.of(date, java.time.LocalTime.parse(time)), LONDON);
    }

    private String path(LocalDate date, Session session) {
        return "/api/v1/schools/" + school.id() + "/registers/" + date + "/" + session;
    }

    private static String mark(long pupilId, String field, String value) {
        return "{\"pupilId\":" + pupilId + ",\"" + field + "\":\"" + value.replace("\\", "\\\\") + "\"}";
    }

    private Api.Response submit(String auth, LocalDate date, Session session, String... marks) {
        return api.post(path(date, session), auth, "{\"marks\":[" + String.join(",", marks) + "]}");
    }

    private PupilView fresh() {
        return world.pupil(school, "Solo", "Pupil" + TestWorld.next(), LocalDate.of(2025, 9, 1), 0, Characteristics.none());
    }

    @Test
    void aWholeClassIsTakenInOneRequestAndTakingItAgainChangesNothing() {
        LocalDate day = LocalDate.of(2026, 11, 16);
        at(MONDAY, "08:55");
        List<String> marks = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            marks.add(mark(classOf30.get(i).id(), "code", i == 7 ? "N" : "/"));
        }
        var first = submit(teacher, day, Session.AM, marks.toArray(String[]::new));
        assertThat(first.status()).as(first.body()).isEqualTo(200);
        assertThat(first.json().get("recorded").asInt()).isEqualTo(30);
        var again = submit(teacher, day, Session.AM, marks.toArray(String[]::new));
        assertThat(again.json().get("recorded").asInt()).isZero();
        assertThat(again.json().get("amended").asInt()).isZero();
        assertThat(again.json().get("unchanged").asInt()).isEqualTo(30);
        assertThat(api.get("/api/v1/schools/" + school.id() + "/pupils/" + classOf30.get(0).id() + "/mark-history", office).json().get("items")).hasSize(1);
    }

    @Test
    void lateArrivalBeforeRegisterCloseIsCodedLWithMinutesLate() {
        PupilView p = fresh();
        at(MONDAY, "08:57");
        var r = submit(teacher, MONDAY, Session.AM, mark(p.id(), "arrivedAt", "08:55"));
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(r.json().at("/marks/0/code").asText()).isEqualTo("L");
        assertThat(r.json().at("/marks/0/minutesLate").asInt()).isEqualTo(5);
    }

    @Test
    void lateArrivalAfterRegisterCloseIsCodedU() {
        PupilView p = fresh();
        at(MONDAY, "09:10");
        var r = submit(teacher, MONDAY, Session.AM, mark(p.id(), "arrivedAt", "09:05"));
        assertThat(r.json().at("/marks/0/code").asText()).as(r.body()).isEqualTo("U");
        assertThat(r.json().at("/marks/0/minutesLate").asInt()).isEqualTo(15);
    }

    @Test
    void aPresentMarkWhileTheRegisterIsOpenIsPresentButAfterItClosedMeansThePupilArrivedNow() {
        PupilView p = fresh();
        at(MONDAY, "08:58");
        assertThat(submit(teacher, MONDAY, Session.AM, mark(p.id(), "code", "/")).json().at("/marks/0/code").asText()).isEqualTo("/");
        PupilView q = fresh();
        at(MONDAY, "09:12");
        var r = submit(teacher, MONDAY, Session.AM, mark(q.id(), "code", "/"));
        assertThat(r.json().at("/marks/0/code").asText()).isEqualTo("U");
        assertThat(r.json().at("/marks/0/minutesLate").asInt()).isEqualTo(22);
    }

    @Test
    void theOfficeSigningInALatePupilTurnsNIntoUAndKeepsTheOriginal() {
        PupilView p = fresh();
        at(MONDAY, "08:52");
        submit(teacher, MONDAY, Session.AM, mark(p.id(), "code", "N"));
        at(MONDAY, "09:20");
        var r = api.post("/api/v1/schools/" + school.id() + "/arrivals", office, "{\"pupilId\":" + p.id() + "}");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(r.json().get("code").asText()).isEqualTo("U");
        assertThat(r.json().get("minutesLate").asInt()).isEqualTo(30);
        JsonNode history = api.get("/api/v1/schools/" + school.id() + "/pupils/" + p.id() + "/mark-history", office).json().get("items");
        assertThat(history).hasSize(2);
        assertThat(history.get(1).get("oldCode").asText()).isEqualTo("N");
        assertThat(history.get(1).get("newCode").asText()).isEqualTo("U");
        assertThat(history.get(1).get("reason").asText()).contains("Signed in at 09:20");
        assertThat(history.get(1).get("changedBy").asText()).contains("Office staff");
    }

    @Test
    void britishSummerTimeIsTheSchoolsClockNotUtc() {
        LocalDate afterClocksWentForward = LocalDate.of(2026, 3, 30);
        PupilView p = fresh();
        clock.set(LocalDateTime.of(afterClocksWentForward, java.time.LocalTime.of(7, 56)), ZoneId.of("UTC")); // 08:56 BST
        var r = submit(teacher, afterClocksWentForward, Session.AM, mark(p.id(), "code", "L"));
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(r.json().at("/marks/0/minutesLate").asInt()).isEqualTo(6);

        LocalDate afterClocksWentBack = LocalDate.of(2026, 10, 26);
        clock.set(LocalDateTime.of(afterClocksWentBack, java.time.LocalTime.of(8, 56)), ZoneId.of("UTC")); // 08:56 GMT
        var back = submit(teacher, afterClocksWentBack, Session.AM, mark(p.id(), "code", "L"));
        assertThat(back.json().at("/marks/0/minutesLate").asInt()).as(back.body()).isEqualTo(6);
    }

    @Test
    void aRegisterCannotBeTakenBeforeItOpens() {
        PupilView p = fresh();
        at(MONDAY, "08:30");
        var r = submit(teacher, MONDAY, Session.AM, mark(p.id(), "code", "/"));
        assertThat(r.status()).isEqualTo(422);
        assertThat(r.json().get("code").asText()).isEqualTo("REGISTER_NOT_OPEN_YET");
        assertThat(r.json().get("detail").asText()).contains("08:50");
    }

    @Test
    void changingATakenMarkNeedsAReasonAndTheVersionAndKeepsBothEntries() {
        PupilView p = fresh();
        LocalDate day = LocalDate.of(2026, 11, 17);
        at(MONDAY, "10:00");
        submit(teacher, day, Session.PM, mark(p.id(), "code", "N"));
        var noReason = submit(office, day, Session.PM, mark(p.id(), "code", "I"));
        assertThat(noReason.status()).isEqualTo(400);
        assertThat(noReason.json().get("code").asText()).isEqualTo("AMENDMENT_NEEDS_REASON");
        assertThat(noReason.json().at("/errors/0/field").asText()).isEqualTo("marks[0].reason");

        String url = "/api/v1/schools/" + school.id() + "/pupils/" + p.id() + "/marks/" + day + "/PM";
        var amended = api.put(url, office, "{\"code\":\"I\",\"reason\":\"Mother phoned: chickenpox\",\"version\":1}");
        assertThat(amended.status()).as(amended.body()).isEqualTo(200);
        assertThat(amended.json().get("version").asInt()).isEqualTo(2);

        var stale = api.put(url, office, "{\"code\":\"M\",\"reason\":\"Dentist letter\",\"version\":1}");
        assertThat(stale.status()).isEqualTo(409);
        assertThat(stale.json().get("code").asText()).isEqualTo("STALE_MARK");

        JsonNode history = api.get("/api/v1/schools/" + school.id() + "/pupils/" + p.id() + "/mark-history", office).json().get("items");
        assertThat(history).extracting(h -> h.get("newCode").asText()).containsExactly("N", "I");
        assertThat(history.get(1).get("reason").asText()).isEqualTo("Mother phoned: chickenpox");
    }

    @Test
    void aTeacherMayTakeButNotAmendAMark() {
        PupilView p = fresh();
        LocalDate day = LocalDate.of(2026, 11, 18);
        at(MONDAY, "10:00");
        submit(teacher, day, Session.AM, mark(p.id(), "code", "N"));
        var r = api.put("/api/v1/schools/" + school.id() + "/pupils/" + p.id() + "/marks/" + day + "/AM", teacher,
                "{\"code\":\"I\",\"reason\":\"Phoned\",\"version\":1}");
        assertThat(r.status()).isEqualTo(403);
    }

    @Test
    void pupilsNotOnRollWeekendsRetiredCodesAndFutureDatesAreRefusedWithReasons() {
        at(MONDAY, "10:00");
        PupilView joiner = world.pupil(school, "Newly", "Arrived", LocalDate.of(2026, 11, 20), 0, Characteristics.none());
        var notOnRoll = submit(teacher, LocalDate.of(2026, 11, 19), Session.AM, mark(joiner.id(), "code", "/"));
        assertThat(notOnRoll.status()).isEqualTo(400);
        assertThat(notOnRoll.body()).contains("admitted 2026-11-20");

        var saturday = submit(teacher, LocalDate.of(2026, 11, 21), Session.AM, mark(joiner.id(), "code", "/"));
        assertThat(saturday.status()).isEqualTo(422);
        assertThat(saturday.json().get("detail").asText()).contains("Saturday");

        var retired = submit(teacher, MONDAY, Session.AM, mark(joiner.id(), "code", "H"));
        assertThat(retired.status()).isEqualTo(400);
        assertThat(retired.json().at("/errors/0/field").asText()).isEqualTo("marks[0].code");

        var future = submit(teacher, MONDAY.plusDays(1), Session.AM, mark(joiner.id(), "code", "/"));
        assertThat(future.status()).isEqualTo(400);
        assertThat(api.get("/api/v1/schools/" + school.id() + "/pupils/" + joiner.id() + "/mark-history", office).json().get("items")).isEmpty();
    }

    @Test
    void aPlannedAbsencePreFillsTheRegisterAndIsRecordedWhenTheTeacherLeavesItUnmarked() {
        PupilView p = fresh();
        LocalDate day = LocalDate.of(2026, 11, 19);
        planned.plan(school.id(), day, Session.AM, p.id(), "M", "Orthodontist, approved leave");
        at(MONDAY, "10:00");
        JsonNode register = api.get(path(day, Session.AM) + "?registerGroupId=" + school.registerGroupIds().get(0), teacher).json();
        JsonNode line = null;
        for (JsonNode l : register.get("pupils")) {
            if (l.get("pupilId").asLong() == p.id()) {
                line = l;
            }
        }
        assertThat(line).isNotNull();
        assertThat(line.at("/planned/code").asText()).isEqualTo("M");
        var r = api.post(path(day, Session.AM), teacher, "{\"marks\":[{\"pupilId\":" + p.id() + "}]}");
        assertThat(r.json().at("/marks/0/code").asText()).as(r.body()).isEqualTo("M");
        assertThat(r.json().at("/marks/0/source").asText()).isEqualTo("PLANNED");
    }

    @Test
    void anUnexpectedClosureMarksEveryPupilY4AndAmendsMarksAlreadyTaken() {
        TestWorld.School small = world.school(world.trust(), PolicyPresets.PRIMARY_GLOUCESTERSHIRE);
        PupilView a = world.pupil(small, "Ada", "Closure", LocalDate.of(2025, 9, 1), 0, Characteristics.none());
        world.pupil(small, "Ben", "Closure", LocalDate.of(2025, 9, 1), 0, Characteristics.none());
        String smallOffice = world.staffLogin(api, Role.OFFICE, small.id(), null);
        at(MONDAY, "11:30");
        api.post("/api/v1/schools/" + small.id() + "/registers/" + MONDAY + "/AM", smallOffice, "{\"marks\":[" + mark(a.id(), "code", "/") + "]}");
        var r = api.post("/api/v1/schools/" + small.id() + "/closure-marks", smallOffice,
                "{\"date\":\"" + MONDAY + "\",\"sessions\":\"PM\",\"code\":\"Y4\",\"reason\":\"Boiler failure: closed at 11:00\"}");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(r.json().get("marked").asInt()).isEqualTo(2);
        var am = api.post("/api/v1/schools/" + small.id() + "/closure-marks", smallOffice,
                "{\"date\":\"" + MONDAY + "\",\"sessions\":\"AM\",\"code\":\"#\",\"reason\":\"Wrongly recorded\"}");
        assertThat(am.json().get("amended").asInt()).isEqualTo(1);
        assertThat(am.json().get("marked").asInt()).isEqualTo(1);
    }

    @Test
    void anAlteredHistoryEntryIsReportedAsTheFirstBrokenLink() throws Exception {
        PupilView p = fresh();
        at(MONDAY, "10:00");
        submit(teacher, LocalDate.of(2026, 11, 10), Session.AM, mark(p.id(), "code", "O"));
        submit(teacher, LocalDate.of(2026, 11, 11), Session.AM, mark(p.id(), "code", "O"));
        submit(teacher, LocalDate.of(2026, 11, 12), Session.AM, mark(p.id(), "code", "O"));
        String verify = "/api/v1/schools/" + school.id() + "/pupils/" + p.id() + "/mark-history/verification";
        assertThat(api.get(verify, office).json().get("intact").asBoolean()).isTrue();

        try (var c = DriverManager.getConnection(jdbcUrl, "root", ""); var s = c.createStatement()) {
            s.executeUpdate("UPDATE mark_history SET new_code = 'I' WHERE pupil_id = " + p.id() + " AND seq = 2");
        }
        JsonNode check = api.get(verify, office).json();
        assertThat(check.get("intact").asBoolean()).isFalse();
        assertThat(check.at("/firstBreak/seq").asInt()).isEqualTo(2);
        assertThat(check.at("/firstBreak/problem").asText()).contains("changed after it was written");
        JsonNode schoolCheck = api.get("/api/v1/schools/" + school.id() + "/mark-history/verification", office).json();
        assertThat(schoolCheck.get("intact").asBoolean()).isFalse();
        assertThat(schoolCheck.at("/firstBreak/pupilId").asLong()).isEqualTo(p.id());
    }

    @Test
    void anotherSchoolsRegisterIsNotFound() {
        TestWorld.School other = world.school();
        at(MONDAY, "10:00");
        var r = api.post("/api/v1/schools/" + other.id() + "/registers/" + MONDAY + "/AM", teacher, "{\"marks\":[" + mark(classOf30.get(0).id(), "code", "/") + "]}");
        assertThat(r.status()).isEqualTo(404);
        var guessed = submit(teacher, MONDAY, Session.AM, mark(world.pupil(other, "Far", "Away").id(), "code", "/"));
        assertThat(guessed.status()).isEqualTo(400);
        assertThat(guessed.body()).contains("marks[0].pupilId");
    }

    @Test
    void takingARegisterOverGraphqlAppliesTheSameRulesAsRest() {
        PupilView p = fresh();
        at(MONDAY, "09:10");
        var r = api.graphql(teacher, "mutation { takeRegister(schoolId: " + school.id() + ", date: \"" + MONDAY + "\", session: AM, marks: [{pupilId: "
                + p.id() + ", arrivedAt: \"09:04\"}]) { recorded marks { code minutesLate version } } }");
        assertThat(r.json().at("/data/takeRegister/marks/0/code").asText()).as(r.body()).isEqualTo("U");
        assertThat(r.json().at("/data/takeRegister/marks/0/minutesLate").asInt()).isEqualTo(14);
        var bad = api.graphql(teacher, "mutation { takeRegister(schoolId: " + school.id() + ", date: \"" + MONDAY + "\", session: AM, marks: [{pupilId: "
                + p.id() + ", code: \"ZZZ\"}]) { recorded } }");
        assertThat(bad.json().at("/errors/0/extensions/status").asInt()).as(bad.body()).isEqualTo(400);
        var codes = api.graphql(teacher, "{ attendanceCodes(date: \"2026-11-23\") { code category penaltyNoticeCount } }");
        assertThat(codes.body()).contains("\"code\":\"Y7\"").doesNotContain("\"code\":\"H\"");
    }

    @Test
    void unresolvedNIsFlaggedAfterTheSchoolsLimitAndBecomesOWhereThePolicySaysSo() {
        TestWorld.School s = world.school(world.trust(), PolicyPresets.PRIMARY_GLOUCESTERSHIRE);
        PupilView p = world.pupil(s, "Nell", "Unresolved", LocalDate.of(2025, 9, 1), 0, Characteristics.none());
        String sOffice = world.staffLogin(api, Role.OFFICE, s.id(), null);
        String sHead = world.staffLogin(api, Role.HEADTEACHER, s.id(), null);
        at(MONDAY, "10:00");
        String base = "/api/v1/schools/" + s.id();
        api.post(base + "/registers/2026-11-13/AM", sOffice, "{\"marks\":[" + mark(p.id(), "code", "N") + "]}");
        api.post(base + "/registers/2026-11-20/AM", sOffice, "{\"marks\":[" + mark(p.id(), "code", "N") + "]}");
        JsonNode list = api.get(base + "/unresolved-n", sOffice).json().get("items");
        assertThat(list).hasSize(2);
        assertThat(list.get(0).get("schoolDaysOld").asInt()).isEqualTo(6);
        assertThat(list.get(0).get("overdue").asBoolean()).isTrue();
        assertThat(list.get(1).get("overdue").asBoolean()).isFalse();

        assertThat(api.post(base + "/unresolved-n/convert-overdue", sOffice, "{}").status()).isEqualTo(422);
        api.patch(base + "/policy", sHead, "{\"marks\":{\"convertUnresolvedNToO\":true}}");
        var converted = api.post(base + "/unresolved-n/convert-overdue", sOffice, "{}");
        assertThat(converted.json().get("converted").asInt()).as(converted.body()).isEqualTo(1);
        JsonNode history = api.get(base + "/pupils/" + p.id() + "/mark-history", sOffice).json().get("items");
        assertThat(history.get(2).get("newCode").asText()).isEqualTo("O");
        assertThat(history.get(2).get("changedBy").asText()).startsWith("System");
        assertThat(api.get(base + "/unresolved-n", sOffice).json().get("items")).hasSize(1);
    }

    @Test
    void malformedRegistersAreRefusedWithTheFieldAndNothingIsWritten() {
        PupilView p = fresh();
        at(MONDAY, "10:00");
        var noMarks = api.post(path(MONDAY, Session.AM), teacher, "{\"marks\":[]}");
        assertThat(noMarks.status()).isEqualTo(400);
        assertThat(noMarks.body()).contains("marks");
        var badSession = api.post("/api/v1/schools/" + school.id() + "/registers/" + MONDAY + "/EVENING", teacher, "{\"marks\":[" + mark(p.id(), "code", "/") + "]}");
        assertThat(badSession.status()).isEqualTo(400);
        var badTime = submit(teacher, MONDAY, Session.AM, mark(p.id(), "arrivedAt", "nine-ish"));
        assertThat(badTime.status()).isEqualTo(400);
        assertThat(badTime.body()).contains("arrivedAt");
        var oneBad = submit(teacher, MONDAY, Session.AM, mark(p.id(), "code", "/"), mark(999_999_999L, "code", "/"));
        assertThat(oneBad.status()).isEqualTo(400);
        assertThat(api.get("/api/v1/schools/" + school.id() + "/pupils/" + p.id() + "/mark-history", office).json().get("items")).as("all or nothing").isEmpty();
    }

    @Test
    void eightPeopleAmendingTheSameMarkAtOnceGiveOneChangeAndSeven409s() throws Exception {
        PupilView p = fresh();
        LocalDate day = LocalDate.of(2026, 11, 20);
        at(MONDAY, "10:00");
        submit(teacher, day, Session.AM, mark(p.id(), "code", "N"));
        String url = "/api/v1/schools/" + school.id() + "/pupils/" + p.id() + "/marks/" + day + "/AM";
        var pool = java.util.concurrent.Executors.newFixedThreadPool(8);
        var start = new java.util.concurrent.CountDownLatch(1);
        List<java.util.concurrent.Future<Integer>> results = new ArrayList<>();
        String[] codes = {"I", "M", "V", "O", "G", "R", "E", "T"};
        for (String code : codes) {
            results.add(pool.submit(() -> {
                start.await();
                return api.put(url, office, "{\"code\":\"" + code + "\",\"reason\":\"Office update\",\"version\":1}").status();
            }));
        }
        start.countDown();
        List<Integer> statuses = new ArrayList<>();
        for (var f : results) {
            statuses.add(f.get());
        }
        pool.shutdown();
        assertThat(statuses).containsOnly(200, 409);
        assertThat(statuses.stream().filter(s -> s == 200)).hasSize(1);
        JsonNode history = api.get("/api/v1/schools/" + school.id() + "/pupils/" + p.id() + "/mark-history", office).json().get("items");
        assertThat(history).hasSize(2);
        assertThat(api.get("/api/v1/schools/" + school.id() + "/pupils/" + p.id() + "/mark-history/verification", office).json().get("intact").asBoolean()).isTrue();
    }

    @Test
    void theSameRegisterSentByTwoDevicesAtOnceIsRecordedOnce() throws Exception {
        List<PupilView> group = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            group.add(fresh());
        }
        LocalDate day = LocalDate.of(2026, 11, 19);
        at(MONDAY, "10:00");
        String[] marks = group.stream().map(p -> mark(p.id(), "code", "/")).toArray(String[]::new);
        var pool = java.util.concurrent.Executors.newFixedThreadPool(4);
        var start = new java.util.concurrent.CountDownLatch(1);
        List<java.util.concurrent.Future<Integer>> results = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            results.add(pool.submit(() -> {
                start.await();
                return submit(teacher, day, Session.PM, marks).status();
            }));
        }
        start.countDown();
        for (var f : results) {
            assertThat(f.get()).isIn(200, 409);
        }
        pool.shutdown();
        for (PupilView p : group) {
            assertThat(api.get("/api/v1/schools/" + school.id() + "/pupils/" + p.id() + "/mark-history", office).json().get("items")).hasSize(1);
        }
    }

    // issue 15: boundaries, codes that do not apply, the status of a register still open, paper registers typed in later

    private JsonNode historyOf(PupilView p) {
        return api.get("/api/v1/schools/" + school.id() + "/pupils/" + p.id() + "/mark-history", office).json().get("items");
    }

    @Test
    void copnorRecordsTenToNineAsPresentQuarterPastAsLateAndAMinuteLaterAsU() {
        TestWorld.School copnor = world.school(world.trust(), PolicyPresets.PRIMARY_PORTSMOUTH);
        String itsTeacher = world.staffLogin(api, Role.TEACHER, copnor.id(), null);
        List<PupilView> three = List.of(world.pupil(copnor, "Ada", "Early"), world.pupil(copnor, "Ben", "Quarter"), world.pupil(copnor, "Cy", "Later"));
        at(MONDAY, "09:20");
        String body = "{\"marks\":[" + mark(three.get(0).id(), "arrivedAt", "08:50") + "," + mark(three.get(1).id(), "arrivedAt", "09:15") + ","
                + mark(three.get(2).id(), "arrivedAt", "09:16") + "]}";
        var r = api.post("/api/v1/schools/" + copnor.id() + "/registers/" + MONDAY + "/AM", itsTeacher, body);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(r.json().get("marks")).extracting(m -> m.get("code").asText() + m.get("minutesLate").asInt()).containsExactly("/0", "L15", "U16");
    }

    @Test
    void aRegisterOpenedForAFormOrTheWholeSchoolShowsOpenWhileItsGroupsRegisterIsOpen() {
        String form = path(MONDAY, Session.AM) + "?form=4B";
        at(MONDAY, "08:45");
        assertThat(api.get(form, teacher).json().get("status").asText()).isEqualTo("NOT_OPEN_YET");
        at(MONDAY, "08:55");
        assertThat(api.get(form, teacher).json().get("status").asText()).isEqualTo("OPEN");
        assertThat(api.get(path(MONDAY, Session.AM), teacher).json().get("status").asText()).as("the whole school").isEqualTo("OPEN");
        at(MONDAY, "09:00");
        assertThat(api.get(form, teacher).json().get("status").asText()).as("the closing minute").isEqualTo("OPEN");
        at(MONDAY, "09:01");
        assertThat(api.get(form, teacher).json().get("status").asText()).isEqualTo("CLOSED");
        assertThat(api.get(path(MONDAY.minusDays(3), Session.AM) + "?form=4B", teacher).json().get("status").asText()).isEqualTo("PAST");
    }

    @Test
    void xForAYearSevenPupilIsRefusedNamingTheFieldAndThePupilAndNothingIsWritten() {
        PupilView year7 = world.pupilBorn(school, "Amira", "Khan" + TestWorld.next(), LocalDate.of(2014, 12, 3), "7");
        PupilView other = fresh();
        at(MONDAY, "08:55");
        var r = submit(teacher, MONDAY, Session.AM, mark(other.id(), "code", "/"), mark(year7.id(), "code", "X"));
        assertThat(r.status()).as(r.body()).isEqualTo(422);
        assertThat(r.contentType()).contains("application/problem+json");
        assertThat(r.json().get("code").asText()).isEqualTo("CODE_DOES_NOT_APPLY");
        assertThat(r.json().at("/errors/0/field").asText()).isEqualTo("marks[1].code");
        assertThat(r.json().at("/errors/0/expected").asText()).contains(year7.displayName()).contains("born 2014-12-03").contains("compulsory school age");
        assertThat(historyOf(other)).as("all or nothing").isEmpty();
        assertThat(historyOf(year7)).isEmpty();
    }

    @Test
    void aLeaveCodeIsRefusedWithoutApprovedLeaveAndRecordedWithIt() {
        PupilView p = fresh();
        PupilView q = fresh();
        LocalDate day = LocalDate.of(2026, 11, 18);
        planned.approvedLeave(school.id(), day, Session.AM, q.id(), "C");
        at(MONDAY, "10:00");
        var refused = submit(office, day, Session.AM, mark(p.id(), "code", "C"));
        assertThat(refused.status()).as(refused.body()).isEqualTo(422);
        assertThat(refused.json().at("/errors/0/expected").asText()).contains("no approved leave or accepted report with C");
        assertThat(submit(office, day, Session.AM, mark(q.id(), "code", "C")).json().at("/marks/0/code").asText()).isEqualTo("C");

        submit(office, day, Session.AM, mark(p.id(), "code", "N"));
        var amend = api.put("/api/v1/schools/" + school.id() + "/pupils/" + p.id() + "/marks/" + day + "/AM", office,
                "{\"code\":\"X\",\"reason\":\"Not required to attend\",\"version\":1}");
        assertThat(amend.status()).as(amend.body()).isEqualTo(422);
        assertThat(amend.json().at("/errors/0/field").asText()).isEqualTo("code");
        assertThat(amend.json().at("/errors/0/expected").asText()).contains(p.displayName());
    }

    @Test
    void aPaperRegisterTypedInAtElevenKeepsItsMarksAndTheHistoryNamesWhoTookItAndWhoTypedIt() {
        PupilView present = fresh();
        PupilView absent = fresh();
        PupilView late = fresh();
        PupilView sentWithoutSaying = fresh();
        at(MONDAY, "11:00");
        var r = api.post(path(MONDAY, Session.AM), office, "{\"takenAtRegistration\":{\"takenBy\":\"Mrs A Patel, class teacher\"},\"marks\":["
                + mark(present.id(), "code", "/") + "," + mark(absent.id(), "code", "N") + "," + mark(late.id(), "arrivedAt", "08:55") + "]}");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(r.json().get("marks")).extracting(m -> m.get("code").asText() + m.get("minutesLate").asInt()).containsExactly("/0", "N0", "L5");
        assertThat(r.json().at("/marks/0/source").asText()).isEqualTo("PAPER_REGISTER");

        JsonNode entry = historyOf(present).get(0);
        assertThat(entry.get("reason").asText()).contains("Taken on paper at registration by Mrs A Patel, class teacher");
        assertThat(entry.get("changedBy").asText()).as("who typed it in").isEqualTo(r.json().at("/marks/0/recordedBy").asText()).doesNotContain("Patel");
        assertThat(api.get("/api/v1/schools/" + school.id() + "/pupils/" + present.id() + "/mark-history/verification", office).json().get("intact").asBoolean())
                .isTrue();

        var byDefault = submit(office, MONDAY, Session.AM, mark(sentWithoutSaying.id(), "code", "/"));
        assertThat(byDefault.json().at("/marks/0/code").asText()).as("without saying so, present after close means arrived now").isEqualTo("U");
        assertThat(byDefault.json().at("/marks/0/minutesLate").asInt()).isEqualTo(130);
    }

    @Test
    void aPaperRegisterOverGraphqlGoesThroughTheSameRules() {
        PupilView p = fresh();
        at(MONDAY, "11:30");
        var r = api.graphql(office, "mutation { takeRegister(schoolId: " + school.id() + ", date: \"" + MONDAY + "\", session: AM, marks: [{pupilId: "
                + p.id() + ", code: \"/\"}], takenAtRegistration: {takenBy: \"Mr B Jones, teaching assistant\"}) { recorded marks { code source } } }");
        assertThat(r.json().at("/data/takeRegister/marks/0/code").asText()).as(r.body()).isEqualTo("/");
        assertThat(r.json().at("/data/takeRegister/marks/0/source").asText()).isEqualTo("PAPER_REGISTER");
        assertThat(historyOf(p).get(0).get("reason").asText()).contains("Mr B Jones, teaching assistant");
        var x = api.graphql(office, "mutation { takeRegister(schoolId: " + school.id() + ", date: \"" + MONDAY + "\", session: AM, marks: [{pupilId: "
                + fresh().id() + ", code: \"X\"}]) { recorded } }");
        assertThat(x.json().at("/errors/0/extensions/code").asText()).as(x.body()).isEqualTo("CODE_DOES_NOT_APPLY");
    }

    @Test
    void aPaperRegisterWithoutWhoTookItIsRefusedNamingTheField() {
        PupilView p = fresh();
        at(MONDAY, "11:00");
        var r = api.post(path(MONDAY, Session.AM), office, "{\"takenAtRegistration\":{\"takenBy\":\" \"},\"marks\":[" + mark(p.id(), "code", "/") + "]}");
        assertThat(r.status()).as(r.body()).isEqualTo(400);
        assertThat(r.body()).contains("takenAtRegistration.takenBy");
        assertThat(historyOf(p)).isEmpty();
    }
}
