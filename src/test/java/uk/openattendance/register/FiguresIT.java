package uk.openattendance.register;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import uk.openattendance.fixtures.Api;
import uk.openattendance.fixtures.TestWorld;
import uk.openattendance.roll.app.Characteristics;
import uk.openattendance.roll.app.PupilView;
import uk.openattendance.roll.domain.SendStatus;
import uk.openattendance.school.domain.PolicyPresets;
import uk.openattendance.security.Role;

/**
 * Three pupils over Monday 2 to Wednesday 11 November 2026 (16 sessions; Wednesday afternoon closed unexpectedly, Y4,
 * so 15 possible): Ada misses two sessions ill, Bea is never absent (one L), Cal has ten unauthorised sessions.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FiguresIT {
    private static final LocalDate[] DAYS = {LocalDate.of(2026, 11, 2), LocalDate.of(2026, 11, 3), LocalDate.of(2026, 11, 4), LocalDate.of(2026, 11, 5),
            LocalDate.of(2026, 11, 6), LocalDate.of(2026, 11, 9), LocalDate.of(2026, 11, 10), LocalDate.of(2026, 11, 11)};

    @Inject EmbeddedServer server;
    @Inject TestWorld world;

    Api api;
    TestWorld.School school;
    String head;
    PupilView ada;
    PupilView bea;
    PupilView cal;

    @BeforeAll
    void threePupilsAndTheirMarksImported() {
        api = new Api(server.getURL().toString());
        long trust = world.trust();
        school = world.school(trust, PolicyPresets.PRIMARY_GLOUCESTERSHIRE);
        ada = world.pupil(school, "Ada", "Ashdown");
        bea = world.pupil(school, "Bea", "Bramley");
        cal = world.pupil(school, "Cal", "Colley", LocalDate.of(2026, 9, 2), 0, new Characteristics(true, SendStatus.NONE, true, false, false, false, false, false));
        head = world.staffLogin(api, Role.HEADTEACHER, school.id(), null);
        StringBuilder csv = new StringBuilder("upn,date,session,code,minutes_late\n");
        Map<String, String> calCodes = Map.of("2026-11-02", "O", "2026-11-03", "O", "2026-11-04", "G", "2026-11-05", "N");
        for (LocalDate d : DAYS) {
            for (String s : new String[] {"AM", "PM"}) {
                boolean closed = d.equals(LocalDate.of(2026, 11, 11)) && s.equals("PM");
                String present = s.equals("AM") ? "/" : "\\";
                String a = closed ? "Y4" : d.equals(LocalDate.of(2026, 11, 3)) ? "I" : present;
                String b = closed ? "Y4" : d.equals(LocalDate.of(2026, 11, 2)) && s.equals("AM") ? "L" : present;
                String c = closed ? "Y4" : calCodes.getOrDefault(d.toString(), present);
                int cMinutes = 0;
                if (!closed && s.equals("AM") && (d.equals(LocalDate.of(2026, 11, 6)) || d.equals(LocalDate.of(2026, 11, 9)))) {
                    c = "U";
                    cMinutes = d.getDayOfMonth() == 6 ? 35 : 40;
                }
                csv.append(ada.upn()).append(',').append(d).append(',').append(s).append(',').append(a).append(",0\n");
                csv.append(bea.upn()).append(',').append(d).append(',').append(s).append(',').append(b).append(',').append(b.equals("L") ? 10 : 0).append('\n');
                csv.append(cal.upn()).append(',').append(d).append(',').append(s).append(',').append(c).append(',').append(cMinutes).append('\n');
            }
        }
        var r = api.send("POST", "/api/v1/schools/" + school.id() + "/imports/marks", head, csv.toString(), Map.of("Content-Type", "text/csv"));
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(r.json().get("created").asInt()).isEqualTo(48);
        var again = api.send("POST", "/api/v1/schools/" + school.id() + "/imports/marks", head, csv.toString(), Map.of("Content-Type", "text/csv"));
        assertThat(again.json().get("unchanged").asInt()).as("re-importing changes nothing").isEqualTo(48);
    }

    private JsonNode pupil(PupilView p, String query) {
        var r = api.get("/api/v1/schools/" + school.id() + "/pupils/" + p.id() + "/attendance?" + query, head);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.json();
    }

    private static final String WINDOW = "window=RANGE&from=2026-11-02&to=2026-11-11";

    @Test
    void aPupilsFiguresLeaveUnableToAttendSessionsOutOfTheDenominator() {
        JsonNode a = pupil(ada, WINDOW);
        assertThat(a.at("/figures/possibleSessions").asInt()).isEqualTo(15);
        assertThat(a.at("/figures/attended").asInt()).isEqualTo(13);
        assertThat(a.at("/figures/authorisedAbsence").asInt()).isEqualTo(2);
        assertThat(a.at("/figures/attendancePercent").decimalValue()).isEqualByComparingTo("86.7");
        assertThat(a.at("/figures/persistentAbsence").asBoolean()).isTrue();
        assertThat(a.at("/window/description").asText()).isEqualTo("2026-11-02 to 2026-11-11");
        assertThat(a.at("/figures/denominator").asText()).contains("15 possible sessions");
    }

    @Test
    void lateBeforeCloseIsAttendanceWithItsMinutesAndUIsUnauthorised() {
        JsonNode b = pupil(bea, WINDOW);
        assertThat(b.at("/figures/attendancePercent").decimalValue()).isEqualByComparingTo("100.0");
        assertThat(b.at("/figures/lateBeforeClose").asInt()).isEqualTo(1);
        assertThat(b.at("/figures/minutesLate").asInt()).isEqualTo(10);
        JsonNode c = pupil(cal, WINDOW);
        assertThat(c.at("/figures/unauthorisedAbsence").asInt()).isEqualTo(10);
        assertThat(c.at("/figures/unauthorisedLates").asInt()).isEqualTo(2);
        assertThat(c.at("/figures/minutesLate").asInt()).isEqualTo(75);
        assertThat(c.at("/figures/severeAbsence").asBoolean()).isTrue();
    }

    @Test
    void windowsThatCutWeeksInHalfGiveTheSameFiguresAsCountingTheMarksByHand() {
        JsonNode c = pupil(cal, "window=RANGE&from=2026-11-03&to=2026-11-10");
        // Tue 3 to Tue 10 is six school days: O O, G G, N N, U \, U \, / \ -> 12 possible, 8 unauthorised, 4 attended
        assertThat(c.at("/figures/possibleSessions").asInt()).isEqualTo(12);
        assertThat(c.at("/figures/unauthorisedAbsence").asInt()).isEqualTo(8);
        assertThat(c.at("/figures/attended").asInt()).isEqualTo(4);
    }

    @Test
    void theWholeSchoolAndCohortFiguresAddUpSessionsNotPercentages() {
        JsonNode rows = api.get("/api/v1/schools/" + school.id() + "/attendance?groupBy=SCHOOL&" + WINDOW, head).json().get("items");
        assertThat(rows.get(0).at("/figures/possibleSessions").asInt()).isEqualTo(45);
        assertThat(rows.get(0).at("/figures/attended").asInt()).isEqualTo(33);
        assertThat(rows.get(0).at("/figures/attendancePercent").decimalValue()).isEqualByComparingTo("73.3");
        assertThat(rows.get(0).get("persistentAbsentees").asInt()).isEqualTo(2);
        JsonNode pp = api.get("/api/v1/schools/" + school.id() + "/attendance?groupBy=SCHOOL&cohort=PUPIL_PREMIUM&" + WINDOW, head).json().get("items");
        assertThat(pp.get(0).get("pupils").asInt()).isEqualTo(1);
        assertThat(pp.get(0).at("/figures/attendancePercent").decimalValue()).isEqualByComparingTo("33.3");
    }

    @Test
    void listsNameThePersistentAbsenteesThoseAtRiskAndThoseWithFullAttendance() {
        String base = "/api/v1/schools/" + school.id() + "/attendance/";
        assertThat(api.get(base + "persistent-absentees?" + WINDOW, head).json().get("items")).extracting(r -> r.get("label").asText())
                .containsExactly("Cal Colley", "Ada Ashdown");
        assertThat(api.get(base + "persistent-absentees?severeOnly=true&" + WINDOW, head).json().get("items")).extracting(r -> r.get("label").asText())
                .containsExactly("Cal Colley");
        assertThat(api.get(base + "at-risk?fromPercent=80&belowPercent=95&" + WINDOW, head).json().get("items")).extracting(r -> r.get("label").asText())
                .containsExactly("Ada Ashdown");
        assertThat(api.get(base + "full-attendance?" + WINDOW, head).json().get("items")).extracting(r -> r.get("label").asText()).containsExactly("Bea Bramley");
    }

    @Test
    void tenUnauthorisedSessionsInTenSchoolWeeksPutAPupilOnThePenaltyNoticeMonitor() {
        JsonNode list = api.get("/api/v1/schools/" + school.id() + "/attendance/penalty-notice-monitor?asOf=2026-11-11", head).json().get("items");
        assertThat(list).hasSize(1);
        assertThat(list.get(0).get("name").asText()).isEqualTo("Cal Colley");
        assertThat(list.get(0).get("unauthorisedSessions").asInt()).isEqualTo(10);
    }

    @Test
    void mondaysStandOutInCalsDayOfWeekPattern() {
        JsonNode days = api.get("/api/v1/schools/" + school.id() + "/attendance/day-of-week?pupilId=" + cal.id() + "&" + WINDOW, head).json().get("items");
        assertThat(days.get(0).get("day").asText()).isEqualTo("MONDAY");
        assertThat(days.get(0).get("missedSessions").asInt()).isEqualTo(3);
        assertThat(days.get(0).get("possibleSessions").asInt()).isEqualTo(4);
    }

    @Test
    void theFireListForAClosedAfternoonHasNobodyOnSite() {
        JsonNode pm = api.get("/api/v1/schools/" + school.id() + "/attendance/day/2026-11-11/PM", head).json();
        assertThat(pm.get("onSite").asInt()).isZero();
        assertThat(pm.get("onRoll").asInt()).isEqualTo(3);
        JsonNode am = api.get("/api/v1/schools/" + school.id() + "/attendance/day/2026-11-11/AM", head).json();
        assertThat(am.get("onSite").asInt()).isEqualTo(3);
    }

    @Test
    void minutesLateBecomeSchoolDaysLost() {
        JsonNode late = api.get("/api/v1/schools/" + school.id() + "/attendance/lateness?minutesPerDay=375&" + WINDOW, head).json().get("items");
        assertThat(late.get(0).get("name").asText()).isEqualTo("Cal Colley");
        assertThat(late.get(0).get("schoolDaysLost").decimalValue()).isEqualByComparingTo("0.2");
    }

    @Test
    void aBadWindowIsAProblemNotAServerError() {
        var r = api.get("/api/v1/schools/" + school.id() + "/attendance?window=RANGE&from=2026-11-11&to=2026-11-02", head);
        assertThat(r.status()).isEqualTo(400);
        assertThat(api.get("/api/v1/schools/" + school.id() + "/attendance?groupBy=CLASSROOM", head).status()).isEqualTo(400);
    }

    @Test
    void termHalfTermAndRollingWindowsComeFromTheSchoolsCalendar() {
        var term = api.post("/api/v1/schools/" + school.id() + "/calendar/terms", head,
                "{\"name\":\"Autumn\",\"startsOn\":\"2026-09-02\",\"endsOn\":\"2026-12-18\",\"halfTermBreakStartsOn\":\"2026-10-26\",\"halfTermBreakEndsOn\":\"2026-10-30\"}");
        assertThat(term.status()).as(term.body()).isBetween(200, 201);
        JsonNode t = pupil(ada, "window=TERM&date=2026-11-05");
        assertThat(t.at("/window/from").asText()).isEqualTo("2026-09-02");
        assertThat(t.at("/window/description").asText()).contains("Autumn");
        assertThat(t.at("/figures/possibleSessions").asInt()).isEqualTo(15);
        JsonNode h = pupil(ada, "window=HALF_TERM&date=2026-11-05");
        assertThat(h.at("/window/from").asText()).isEqualTo("2026-10-31");
        JsonNode rolling = pupil(ada, "window=ROLLING_WEEKS&weeks=1&date=2026-11-11");
        assertThat(rolling.at("/window/from").asText()).isEqualTo("2026-11-09");
        assertThat(rolling.at("/figures/possibleSessions").asInt()).isEqualTo(5);
    }

    @Test
    void aLeaverCountsOnlyTheDaysTheyWereOnRoll() {
        TestWorld.School other = world.school();
        PupilView leaver = world.pupil(other, "Dot", "Departed");
        String otherHead = world.staffLogin(api, Role.HEADTEACHER, other.id(), null);
        api.post("/api/v1/schools/" + other.id() + "/pupils/" + leaver.id() + "/deletion", otherHead,
                "{\"ground\":\"REGISTERED_AT_ANOTHER_SCHOOL\",\"deletedOn\":\"2026-11-03\"}");
        String csv = "upn,date,session,code\n" + leaver.upn() + ",2026-11-02,AM,/\n" + leaver.upn() + ",2026-11-02,PM,O\n" + leaver.upn() + ",2026-11-03,AM,/\n"
                + leaver.upn() + ",2026-11-03,PM,/\n";
        assertThat(api.send("POST", "/api/v1/schools/" + other.id() + "/imports/marks", otherHead, csv, Map.of("Content-Type", "text/csv")).status()).isEqualTo(200);
        var afterLeaving = api.send("POST", "/api/v1/schools/" + other.id() + "/imports/marks", otherHead,
                "upn,date,session,code\n" + leaver.upn() + ",2026-11-04,AM,O\n", Map.of("Content-Type", "text/csv"));
        assertThat(afterLeaving.status()).isEqualTo(400);
        assertThat(afterLeaving.body()).contains("line 2: date");
        JsonNode f = api.get("/api/v1/schools/" + other.id() + "/pupils/" + leaver.id() + "/attendance?" + WINDOW, otherHead).json();
        assertThat(f.at("/figures/possibleSessions").asInt()).isEqualTo(4);
        assertThat(f.at("/figures/attendancePercent").decimalValue()).isEqualByComparingTo("75.0");
    }

    @Test
    void theBestClassOfEachKeyStageIsNamedForTheWeek() {
        JsonNode best = api.get("/api/v1/schools/" + school.id() + "/attendance/best-classes?date=2026-11-04", head).json().get("items");
        assertThat(best).hasSize(1);
        assertThat(best.get(0).get("label").asText()).isEqualTo("KS2: 4B");
    }

    @Test
    void graphqlFiguresAreTheSameAsRest() {
        var r = api.graphql(head, "{ attendance(schoolId: " + school.id() + ", groupBy: SCHOOL, window: {kind: RANGE, from: \"2026-11-02\", to: \"2026-11-11\"}) "
                + "{ nodes { pupils figures { possibleSessions attendancePercent persistentAbsence } window { description } } } "
                + "penaltyNoticeMonitor(schoolId: " + school.id() + ", asOf: \"2026-11-11\") { nodes { name unauthorisedSessions } } }");
        assertThat(r.json().at("/data/attendance/nodes/0/figures/possibleSessions").asInt()).as(r.body()).isEqualTo(45);
        assertThat(r.json().at("/data/attendance/nodes/0/figures/attendancePercent").asDouble()).isEqualTo(73.3);
        assertThat(r.json().at("/data/penaltyNoticeMonitor/nodes/0/name").asText()).isEqualTo("Cal Colley");
    }

    @Test
    void legacyMarksKeepOldCodesBeforeAugust2024AndRetiredCodesAfterItAreMapped() {
        TestWorld.School other = world.school();
        PupilView p = world.pupil(other, "Lex", "Legacy", LocalDate.of(2024, 6, 3), 0, Characteristics.none());
        String otherHead = world.staffLogin(api, Role.HEADTEACHER, other.id(), null);
        String csv = "upn,date,session,code\n" + p.upn() + ",2024-06-03,AM,H\n" + p.upn() + ",2024-06-03,PM,J\n" + p.upn() + ",2024-09-09,AM,J\n";
        var r = api.send("POST", "/api/v1/schools/" + other.id() + "/imports/marks", otherHead, csv, Map.of("Content-Type", "text/csv"));
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(r.json().get("mappedFromRetiredCodes").asInt()).isEqualTo(1);
        JsonNode marks = api.get("/api/v1/schools/" + other.id() + "/pupils/" + p.id() + "/marks?from=2024-06-01&to=2024-09-30", otherHead).json().get("items");
        assertThat(marks).extracting(m -> m.get("code").asText()).containsExactly("H", "J", "J1");
        // J before the change was approved educational activity, counted as attending; J1 after it is authorised absence
        JsonNode f = api.get("/api/v1/schools/" + other.id() + "/pupils/" + p.id() + "/attendance?window=RANGE&from=2024-06-01&to=2024-09-30", otherHead).json();
        assertThat(f.at("/figures/attended").asInt()).isEqualTo(1);
        assertThat(f.at("/figures/authorisedAbsence").asInt()).isEqualTo(2);
    }

    @Test
    void theOfficeDownloadsTheAbsenteeListAsCsvAndAsAnExcelWorkbookWithTheSameRowsAsTheJson() throws Exception {
        String path = "/api/v1/schools/" + school.id() + "/attendance/persistent-absentees?" + WINDOW;
        JsonNode json = api.get(path, head).json().get("items");
        var csv = api.send("GET", path, head, null, Map.of("Accept", "text/csv"));
        assertThat(csv.status()).as(csv.body()).isEqualTo(200);
        assertThat(csv.contentType()).startsWith("text/csv");
        assertThat(csv.header("Content-Disposition")).contains("attachment").contains("persistent-absentees-").endsWith(".csv\"");
        String[] lines = csv.body().replace("\uFEFF", "").split("\r\n");
        assertThat(lines).as("a header and one line per pupil").hasSize(json.size() + 1);
        assertThat(lines[0]).contains("label").contains("possibleSessions");
        assertThat(lines[1]).contains("Cal Colley");
        assertThat(lines[2]).contains("Ada Ashdown");

        var request = java.net.http.HttpRequest.newBuilder(java.net.URI.create(server.getURL() + path)).header("Authorization", head)
                .header("Accept", uk.openattendance.platform.export.Spreadsheets.XLSX).GET().build();
        var xlsx = java.net.http.HttpClient.newHttpClient().send(request, java.net.http.HttpResponse.BodyHandlers.ofByteArray());
        assertThat(xlsx.statusCode()).isEqualTo(200);
        assertThat(xlsx.headers().firstValue("Content-Disposition").orElse("")).endsWith(".xlsx\"");
        try (var wb = new org.dhatim.fastexcel.reader.ReadableWorkbook(new java.io.ByteArrayInputStream(xlsx.body()))) {
            var rows = wb.getFirstSheet().read();
            assertThat(rows).hasSize(json.size() + 1);
            int label = -1;
            int possible = -1;
            for (int c = 0; c < rows.get(0).getCellCount(); c++) {
                String name = rows.get(0).getCellText(c);
                label = name.equals("label") ? c : label;
                possible = name.equals("figures.possibleSessions") ? c : possible;
            }
            assertThat(rows.get(1).getCellText(label)).isEqualTo("Cal Colley");
            assertThat(rows.get(1).getCell(possible).getType()).as("a number stays a number").isEqualTo(org.dhatim.fastexcel.reader.CellType.NUMBER);
            assertThat(rows.get(1).getCellAsNumber(possible).orElseThrow().intValue()).isEqualTo(json.get(0).get("figures").get("possibleSessions").asInt());
        }
    }

    @Test
    void persistentAbsenteesComeInPagesOfTheSizeAskedWithTheTotalsOfTheWholeList() {
        String path = "/api/v1/schools/" + school.id() + "/attendance/persistent-absentees?" + WINDOW + "&size=1";
        JsonNode first = api.get(path, head).json();
        assertThat(first.get("items")).extracting(r -> r.get("label").asText()).containsExactly("Cal Colley");
        assertThat(first.get("page").asInt()).isZero();
        assertThat(first.get("size").asInt()).isEqualTo(1);
        assertThat(first.get("totalItems").asLong()).isEqualTo(2);
        assertThat(first.get("totalPages").asInt()).isEqualTo(2);
        JsonNode second = api.get(path + "&page=1", head).json();
        assertThat(second.get("items")).extracting(r -> r.get("label").asText()).as("worst first, so Ada is second").containsExactly("Ada Ashdown");
        assertThat(second.get("totalItems").asLong()).isEqualTo(2);
        assertThat(api.get(path + "&page=2", head).json().get("items")).as("past the last page").isEmpty();

        var tooBig = api.get(path.replace("size=1", "size=501"), head);
        assertThat(tooBig.status()).isEqualTo(400);
        assertThat(tooBig.contentType()).startsWith("application/problem+json");
        assertThat(tooBig.json().at("/errors/0/field").asText()).isEqualTo("size");
        assertThat(api.get(path + "&page=-1", head).json().at("/errors/0/field").asText()).isEqualTo("page");
    }

    @Test
    void aSpreadsheetOfAPagedListHoldsEveryRowNotThePageAskedFor() {
        String path = "/api/v1/schools/" + school.id() + "/attendance/persistent-absentees?" + WINDOW + "&size=1&page=1";
        assertThat(api.get(path, head).json().get("items")).as("the JSON is one page").hasSize(1);
        var csv = api.send("GET", path, head, null, Map.of("Accept", "text/csv"));
        assertThat(csv.status()).as(csv.body()).isEqualTo(200);
        String[] lines = csv.body().replace("\uFEFF", "").split("\r\n");
        assertThat(lines).as("a header and every persistent absentee").hasSize(3);
        assertThat(lines[0]).doesNotContain("totalItems").contains("label");
        assertThat(lines[1]).contains("Cal Colley");
        assertThat(lines[2]).contains("Ada Ashdown");
    }

    @Test
    void theFireListDownloadsAsOneLinePerPupilOnRoll() {
        var csv = api.send("GET", "/api/v1/schools/" + school.id() + "/attendance/day/2026-11-03/AM", head, null, Map.of("Accept", "text/csv"));
        assertThat(csv.status()).as(csv.body()).isEqualTo(200);
        String[] lines = csv.body().replace("\uFEFF", "").split("\r\n");
        assertThat(lines).hasSize(4);
        assertThat(lines[0]).contains("name").contains("onSite");
        assertThat(String.join("\n", lines)).contains("Ada Ashdown").contains("Bea Bramley").contains("Cal Colley");
    }

    @Test
    void aListAskedForInJsonOrWithNoPreferenceIsStillJson() {
        String path = "/api/v1/schools/" + school.id() + "/attendance/persistent-absentees?" + WINDOW;
        assertThat(api.get(path, head).contentType()).startsWith("application/json");
        assertThat(api.send("GET", path, head, null, Map.of("Accept", "application/json")).contentType()).startsWith("application/json");
    }

    @Test
    void aBadRequestForASpreadsheetIsStillRefusedAsProblemJsonNamingTheField() {
        var r = api.send("GET", "/api/v1/schools/" + school.id() + "/attendance/persistent-absentees?window=SOMETIME", head, null,
                Map.of("Accept", "text/csv"));
        assertThat(r.status()).as(r.body()).isEqualTo(400);
        assertThat(r.contentType()).startsWith("application/problem+json");
        assertThat(r.body()).contains("window");
    }
}
