package uk.openattendance.platform.graphql;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import uk.openattendance.fixtures.Api;
import uk.openattendance.fixtures.TestWorld;
import uk.openattendance.platform.time.MutableClock;
import uk.openattendance.roll.app.PupilView;
import uk.openattendance.school.domain.PolicyPresets;
import uk.openattendance.security.Role;

/**
 * Each GraphQL twin of a REST operation (issue 16) answers what its REST twin answers for the same school and records,
 * and refuses school B's ids with the code REST gives. The GraphQL answer may select fewer fields; every field it does
 * select must hold REST's value (ids as strings, instants compared as instants).
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class GraphqlTwinsIT {
    static final ZoneId LONDON = ZoneId.of("Europe/London");
    static final LocalDate MONDAY = LocalDate.of(2026, 11, 23);
    static final LocalDate LAST_MONDAY = MONDAY.minusDays(7);
    static final ObjectMapper JSON = new ObjectMapper();

    @Inject EmbeddedServer server;
    @Inject TestWorld world;
    @Inject MutableClock clock;

    Api api;
    TestWorld.School a;
    TestWorld.School b;
    String head;
    String trustAdmin;
    PupilView ada;
    PupilView bea;
    PupilView bruno;
    String base;

    @BeforeAll
    void twoSchoolsAndAWeekOfMarksInTheFirst() {
        clock.set(LocalDateTime.of(MONDAY, LocalTime.of(10, 30)), LONDON);
        api = new Api(server.getURL().toString());
        a = world.school(world.trust(), PolicyPresets.PRIMARY_PORTSMOUTH);
        b = world.school(world.trust(), PolicyPresets.PRIMARY_PORTSMOUTH);
        base = "/api/v1/schools/" + a.id();
        ada = world.pupil(a, "Ada", "Twinning");
        bea = world.pupil(a, "Bea", "Twinning");
        bruno = world.pupil(b, "Bruno", "Elsewhere");
        world.parent(a, ada, "Tess Twinning", TestWorld.next());
        world.parent(b, bruno, "Bella Elsewhere", TestWorld.next());
        head = world.staffLogin(api, Role.HEADTEACHER, a.id(), null);
        trustAdmin = world.staffLogin(api, Role.TRUST_ADMIN, null, a.trustId());
        StringBuilder csv = new StringBuilder("upn,date,session,code,minutes_late\n");
        for (int d = 0; d < 5; d++) {
            LocalDate day = LAST_MONDAY.plusDays(d);
            for (String s : new String[] {"AM", "PM"}) {
                String present = s.equals("AM") ? "/" : "\\";
                String adaCode = d == 0 ? "N" : d == 1 ? "I" : present;
                String beaCode = d == 2 && s.equals("AM") ? "L" : present;
                csv.append(ada.upn()).append(',').append(day).append(',').append(s).append(',').append(adaCode).append(",0\n");
                csv.append(bea.upn()).append(',').append(day).append(',').append(s).append(',').append(beaCode).append(',')
                        .append(beaCode.equals("L") ? 12 : 0).append('\n');
            }
        }
        var r = api.send("POST", base + "/imports/marks", head, csv.toString(), Map.of("Content-Type", "text/csv"));
        assertThat(r.status()).as(r.body()).isEqualTo(200);
    }

    // ---------------------------------------------------------------------------------------------------------------

    private JsonNode rest(String path) {
        var r = api.get(path, head);
        assertThat(r.status()).as(path + " -> " + r.body()).isEqualTo(200);
        return r.json();
    }

    /** The rows of a list, whether it came as a page's {@code items} (every REST list) or as a bare array. */
    private static JsonNode rows(JsonNode list) {
        return list.has("items") ? list.get("items") : list;
    }

    /** A REST list and its GraphQL twin hold the same rows. */
    private void twinRows(String restPath, String query, String field) {
        same(rows(rest(restPath)), rows(gql(query, field)), field);
    }

    private JsonNode gql(String auth, String query, String field) {
        var r = api.graphql(auth, query);
        assertThat(r.json().get("errors")).as(query + " -> " + r.body()).isNull();
        JsonNode value = r.json().path("data").path(field);
        // a connection is compared by its nodes: REST's list holds the same records in the same order
        return value.has("nodes") ? value.get("nodes") : value;
    }

    private JsonNode gql(String query, String field) {
        return gql(head, query, field);
    }

    /**
     * Every field GraphQL selected holds REST's value; lists have the same length and order. A REST list comes in the
     * page envelope: GraphQL's list is the whole of it, so the page must hold every item (the twins' lists are smaller
     * than a page).
     */
    static void same(JsonNode rest, JsonNode gql, String where) {
        if (gql.isObject() && gql.size() == 1 && gql.has("nodes") && (rest.isArray() || paged(rest))) {
            // a connection inside a record (a day list's pupils) holds REST's list as its nodes
            same(rest, gql.get("nodes"), where);
            return;
        }
        if (gql.isArray() && paged(rest)) {
            assertThat(rest.path("totalItems").asLong()).as(where + ": one page holds REST's whole list " + rest).isEqualTo(rest.get("items").size());
            same(rest.get("items"), gql, where);
        } else if (gql.isObject()) {
            assertThat(rest.isObject()).as(where + ": REST has " + rest).isTrue();
            for (Iterator<Map.Entry<String, JsonNode>> it = gql.fields(); it.hasNext();) {
                var e = it.next();
                assertThat(rest.has(e.getKey())).as(where + "." + e.getKey() + " is not in REST's answer " + rest).isTrue();
                same(rest.get(e.getKey()), e.getValue(), where + "." + e.getKey());
            }
        } else if (gql.isArray()) {
            assertThat(rest.isArray()).as(where + ": REST has " + rest).isTrue();
            assertThat(gql.size()).as(where + " length").isEqualTo(rest.size());
            for (int i = 0; i < gql.size(); i++) {
                same(rest.get(i), gql.get(i), where + "[" + i + "]");
            }
        } else if (where.endsWith(".id") && GlobalIds.decode(gql.asText()).isPresent()) {
            // a Node's id is the global id of the record REST names by its database id
            assertThat(GlobalIds.decode(gql.asText()).orElseThrow().databaseId()).as(where).isEqualTo(rest.asLong());
        } else if (gql.isNumber() || rest.isNumber()) {
            assertThat(new BigDecimal(gql.asText())).as(where).isEqualByComparingTo(new BigDecimal(rest.asText()));
        } else if (gql.isNull() || rest.isNull()) {
            assertThat(gql.isNull() && rest.isNull()).as(where + ": " + gql + " vs REST " + rest).isTrue();
        } else if (instant(gql.asText()) != null && instant(rest.asText()) != null) {
            assertThat(instant(gql.asText())).as(where).isEqualTo(instant(rest.asText()));
        } else {
            assertThat(gql.asText()).as(where).isEqualTo(rest.asText());
        }
    }

    /** The database id REST uses, from a Node's global id (or a plain id of a type that is not a Node). */
    static String dbId(JsonNode node) {
        String id = node.path("id").asText();
        return GlobalIds.decode(id).map(g -> String.valueOf(g.databaseId())).orElse(id);
    }

    private static java.time.Instant instant(String text) {
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (RuntimeException e) {
            return null;
        }
    }

    private void twin(String restPath, String query, String field) {
        JsonNode g = gql(query, field);
        JsonNode r = rest(restPath);
        // REST's paged envelope holds the records in items
        same(g.isArray() && r.isObject() && r.has("items") ? r.get("items") : r, g, field);
    }

    /** School B's id is not found through either edge, with the same code. */
    private void refusedLikeRest(String restPath, String query) {
        var r = api.get(restPath, head);
        var g = api.graphql(head, query);
        assertThat(r.status()).as(restPath + " -> " + r.body()).isEqualTo(404);
        assertThat(g.json().at("/errors/0/extensions/code").asText()).as(query + " -> " + g.body()).isEqualTo(r.json().path("code").asText())
                .isEqualTo("NOT_FOUND");
        assertThat(g.body()).doesNotContain("Elsewhere");
    }

    private void refused(String query) {
        var g = api.graphql(head, query);
        assertThat(g.json().at("/errors/0/extensions/code").asText()).as(query + " -> " + g.body()).isEqualTo("NOT_FOUND");
        assertThat(g.body()).doesNotContain("Elsewhere");
    }

    private static boolean paged(JsonNode rest) {
        return rest.isObject() && rest.path("items").isArray() && rest.has("totalItems");
    }

    private static JsonNode find(JsonNode listOrPage, String field, String value) {
        JsonNode list = paged(listOrPage) ? listOrPage.get("items") : listOrPage;
        return StreamSupport.stream(list.spliterator(), false).filter(n -> n.path(field).asText().equals(value)).findFirst().orElseThrow(
                () -> new AssertionError("no " + field + "=" + value + " in " + list));
    }

    static final String MARK = "{ pupilId date session code meaning minutesLate arrivedAt source version recordedBy recordedAt }";
    static final String FIGURES = "{ key label pupils persistentAbsentees severeAbsentees figures { possibleSessions attended present authorisedAbsence "
            + "unauthorisedAbsence lateBeforeClose unauthorisedLates minutesLate attendancePercent absencePercent persistentAbsence severeAbsence denominator } "
            + "window { description from to } }";
    static final String RANGE = "{kind: RANGE, from: \"" + LAST_MONDAY + "\", to: \"" + LAST_MONDAY.plusDays(4) + "\"}";
    static final String RANGE_QUERY = "window=RANGE&from=" + LAST_MONDAY + "&to=" + LAST_MONDAY.plusDays(4);

    // ---------------------------------------------------------------------------------------------------------------
    // Registers and marks

    @Test
    void aPupilsMarksTheUnresolvedNsAndTheDaysListsAnswerAsRest() {
        twin(base + "/pupils/" + ada.id() + "/marks?from=" + LAST_MONDAY + "&to=" + LAST_MONDAY.plusDays(4),
                "{ pupilMarks(schoolId: " + a.id() + ", pupilId: " + ada.id() + ", from: \"" + LAST_MONDAY + "\", to: \"" + LAST_MONDAY.plusDays(4) + "\") "
                + "{ nodes " + MARK + " } }", "pupilMarks");
        JsonNode n = gql("{ unresolvedN(schoolId: " + a.id() + ") { nodes { pupilId pupilName date session schoolDaysOld overdue version } } }", "unresolvedN");
        assertThat(n).as("Ada's two N marks").hasSize(2);
        same(rest(base + "/unresolved-n"), n, "unresolvedN");
        twin(base + "/attendance/day/" + LAST_MONDAY.plusDays(1) + "/AM", "{ dayList(schoolId: " + a.id() + ", date: \"" + LAST_MONDAY.plusDays(1)
                + "\", session: AM) { date session onRoll onSite absent notYetMarked pupils { nodes { pupilId name registerGroupId form code meaning category onSite "
                + "vulnerable } } } }", "dayList");
        twin(base + "/attendance/absent-today", "{ absentToday(schoolId: " + a.id() + ") { date session onRoll onSite absent notYetMarked "
                + "pupils { nodes { pupilId name code onSite } } } }", "absentToday");
        twin(base + "/registers/untaken?date=" + MONDAY, "{ untaken(schoolId: " + a.id() + ", date: \"" + MONDAY + "\") { nodes { registerGroupId registerGroup "
                + "date session closesAt onRoll marked unmarked } } }", "untaken");
        refusedLikeRest("/api/v1/schools/" + a.id() + "/pupils/" + bruno.id() + "/marks?from=" + LAST_MONDAY + "&to=" + MONDAY,
                "{ pupilMarks(schoolId: " + a.id() + ", pupilId: " + bruno.id() + ", from: \"" + LAST_MONDAY + "\", to: \"" + MONDAY + "\") { nodes { code } } }");
        refusedLikeRest("/api/v1/schools/" + b.id() + "/unresolved-n", "{ unresolvedN(schoolId: " + b.id() + ") { nodes { pupilId } } }");
        refusedLikeRest("/api/v1/schools/" + b.id() + "/attendance/day/" + MONDAY + "/AM", "{ dayList(schoolId: " + b.id() + ", date: \"" + MONDAY
                + "\", session: AM) { onRoll } }");
        refusedLikeRest("/api/v1/schools/" + b.id() + "/attendance/absent-today", "{ absentToday(schoolId: " + b.id() + ") { onRoll } }");
        refusedLikeRest("/api/v1/schools/" + b.id() + "/registers/untaken", "{ untaken(schoolId: " + b.id() + ") { nodes { onRoll } } }");
    }

    @Test
    void anArrivalAClosureAndConvertingOverdueNsAreRecordedAsTheirRestTwinsRecordThem() {
        PupilView late = world.pupil(a, "Lenny", "Latecomer");
        JsonNode arrival = gql("mutation { recordArrival(schoolId: " + a.id() + ", pupilId: " + late.id() + ", arrivedAt: \"09:40\") " + MARK + " }",
                "recordArrival");
        assertThat(arrival.path("code").asText()).isIn("L", "U");
        same(find(rest(base + "/pupils/" + late.id() + "/marks?from=" + MONDAY + "&to=" + MONDAY), "session", "AM"), arrival, "recordArrival");

        TestWorld.School closing = world.school(world.trust(), PolicyPresets.PRIMARY_PORTSMOUTH);
        PupilView closed = world.pupil(closing, "Cora", "Closure");
        String closingHead = world.staffLogin(api, Role.HEADTEACHER, closing.id(), null);
        JsonNode closure = gql(closingHead, "mutation { closeSessions(schoolId: " + closing.id() + ", closure: {date: \"" + MONDAY + "\", sessions: PM, "
                + "code: \"Y1\", reason: \"Heating failure: school closed at 11:00\"}) { marked amended unchanged } }", "closeSessions");
        assertThat(closure.path("marked").asInt()).isEqualTo(1);
        var again = api.post("/api/v1/schools/" + closing.id() + "/closure-marks", closingHead, "{\"date\": \"" + MONDAY + "\", \"sessions\": \"PM\", "
                + "\"code\": \"Y1\", \"reason\": \"Heating failure: school closed at 11:00\"}");
        assertThat(again.json().path("unchanged").asInt()).as("REST sees GraphQL's closure: " + again.body()).isEqualTo(1);
        var marks = api.get("/api/v1/schools/" + closing.id() + "/pupils/" + closed.id() + "/marks?from=" + MONDAY + "&to=" + MONDAY, closingHead).json();
        assertThat(find(marks, "session", "PM").path("code").asText()).isEqualTo("Y1");
        var badCode = api.graphql(closingHead, "mutation { closeSessions(schoolId: " + closing.id() + ", closure: {date: \"" + MONDAY + "\", sessions: PM, "
                + "code: \"N\", reason: \"x\"}) { marked } }");
        var badRest = api.post("/api/v1/schools/" + closing.id() + "/closure-marks", closingHead, "{\"date\": \"" + MONDAY + "\", \"sessions\": \"PM\", "
                + "\"code\": \"N\", \"reason\": \"x\"}");
        assertThat(badCode.json().at("/errors/0/extensions/code").asText()).as(badCode.body()).isEqualTo(badRest.json().path("code").asText());
        assertThat(badCode.json().at("/errors/0/extensions/errors/0/field").asText()).isEqualTo(badRest.json().at("/errors/0/field").asText());

        // Portsmouth's policy keeps N marks for the office: both edges refuse alike
        var converted = api.graphql(head, "mutation { convertOverdueN(schoolId: " + a.id() + ") { converted } }");
        var convertedRest = api.post(base + "/unresolved-n/convert-overdue", head, "{}");
        assertThat(converted.json().at("/errors/0/extensions/code").asText()).as(converted.body()).isEqualTo(convertedRest.json().path("code").asText())
                .isEqualTo("NOT_PERMITTED_BY_POLICY");
        refused("mutation { recordArrival(schoolId: " + a.id() + ", pupilId: " + bruno.id() + ") { code } }");
        refused("mutation { closeSessions(schoolId: " + b.id() + ", closure: {date: \"" + MONDAY + "\", sessions: PM, code: \"Y1\", reason: \"x\"}) "
                + "{ marked } }");
        refused("mutation { convertOverdueN(schoolId: " + b.id() + ") { converted } }");
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Figures

    @Test
    void everyFiguresListAnswersAsRest() {
        twin(base + "/pupils/" + ada.id() + "/attendance?" + RANGE_QUERY, "{ pupilAttendance(schoolId: " + a.id() + ", pupilId: " + ada.id()
                + ", window: " + RANGE + ") " + FIGURES + " }", "pupilAttendance");
        twin(base + "/attendance/at-risk?fromPercent=50&belowPercent=100&" + RANGE_QUERY, "{ atRisk(schoolId: " + a.id() + ", fromPercent: 50, "
                + "belowPercent: 100, window: " + RANGE + ") { nodes " + FIGURES + " } }", "atRisk");
        twin(base + "/attendance/full-attendance?" + RANGE_QUERY, "{ fullAttendance(schoolId: " + a.id() + ", window: " + RANGE + ") { nodes " + FIGURES + " } }",
                "fullAttendance");
        twin(base + "/attendance/best-classes?date=" + LAST_MONDAY, "{ bestClasses(schoolId: " + a.id() + ", date: \"" + LAST_MONDAY + "\") " + FIGURES
                + " }", "bestClasses");
        twin(base + "/attendance/day-of-week?" + RANGE_QUERY, "{ dayOfWeekPattern(schoolId: " + a.id() + ", window: " + RANGE + ") { day "
                + "possibleSessions missedSessions missedPercent } }", "dayOfWeekPattern");
        twin(base + "/attendance/lateness?minutesPerDay=300&" + RANGE_QUERY, "{ lateness(schoolId: " + a.id() + ", minutesPerDay: 300, window: " + RANGE
                + ") { nodes { pupilId name lateBeforeClose unauthorisedLates minutesLate schoolDaysLost } } }", "lateness");
        var trust = api.get("/api/v1/trusts/" + a.trustId() + "/attendance?" + RANGE_QUERY, trustAdmin);
        same(trust.json(), gql(trustAdmin, "{ trustAttendance(trustId: " + a.trustId() + ", window: " + RANGE + ") { nodes " + FIGURES + " } }", "trustAttendance"),
                "trustAttendance");
        assertThat(gql("{ pupilAttendance(schoolId: " + a.id() + ", pupilId: " + ada.id() + ", window: " + RANGE + ") { figures { authorisedAbsence } } }",
                "pupilAttendance").at("/figures/authorisedAbsence").asInt()).isEqualTo(2);
        refusedLikeRest(base + "/pupils/" + bruno.id() + "/attendance", "{ pupilAttendance(schoolId: " + a.id() + ", pupilId: " + bruno.id() + ") { key } }");
        refusedLikeRest("/api/v1/schools/" + b.id() + "/attendance/at-risk", "{ atRisk(schoolId: " + b.id() + ") { nodes { key } } }");
        refusedLikeRest("/api/v1/schools/" + b.id() + "/attendance/full-attendance", "{ fullAttendance(schoolId: " + b.id() + ") { nodes { key } } }");
        refusedLikeRest("/api/v1/schools/" + b.id() + "/attendance/best-classes", "{ bestClasses(schoolId: " + b.id() + ") { key } }");
        refusedLikeRest(base + "/attendance/day-of-week?pupilId=" + bruno.id(), "{ dayOfWeekPattern(schoolId: " + a.id() + ", pupilId: " + bruno.id()
                + ") { day } }");
        refusedLikeRest("/api/v1/schools/" + b.id() + "/attendance/lateness", "{ lateness(schoolId: " + b.id() + ") { nodes { name } } }");
        refusedLikeRest("/api/v1/trusts/" + b.trustId() + "/attendance", "{ trustAttendance(trustId: " + b.trustId() + ") { nodes { key } } }");
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Absence reports, leave, follow-ups

    @Test
    void aPupilsAbsenceReportsLeaveEvidencePromptsAndMissingEducationFlagsAnswerAsRest() {
        var report = api.post(base + "/absence-reports", head, "{\"pupilIds\": [" + bea.id() + "], \"firstDate\": \"" + MONDAY.plusDays(1)
                + "\", \"category\": \"ILLNESS\", \"reason\": \"Chickenpox\"}");
        assertThat(report.status()).as(report.body()).isEqualTo(201);
        JsonNode reports = gql("{ pupilAbsenceReports(schoolId: " + a.id() + ", pupilId: " + bea.id() + ") { nodes { id reportGroup pupilId pupilName firstDate "
                + "firstSession lastDate lastSession expectedReturn category suggestedCode reason channel evidenceToFollow marksExplained recordedBy "
                + "recordedAt } } }", "pupilAbsenceReports");
        assertThat(reports).hasSize(1);
        same(rows(rest(base + "/pupils/" + bea.id() + "/absence-reports")), rows(reports), "pupilAbsenceReports");
        twinRows(base + "/leave-evidence-prompts?from=" + LAST_MONDAY + "&to=" + MONDAY, "{ leaveEvidencePrompts(schoolId: " + a.id() + ", from: \""
                + LAST_MONDAY + "\", to: \"" + MONDAY + "\") { nodes { requestId pupilId pupilName date session code why } } }", "leaveEvidencePrompts");
        twin(base + "/missing-education-flags", "{ missingEducationFlags(schoolId: " + a.id() + ") { nodes { pupilId pupilName since flaggedOn schoolDays } } }",
                "missingEducationFlags");
        refusedLikeRest(base + "/pupils/" + bruno.id() + "/absence-reports", "{ pupilAbsenceReports(schoolId: " + a.id() + ", pupilId: " + bruno.id()
                + ") { nodes { id } } }");
        refusedLikeRest("/api/v1/schools/" + b.id() + "/leave-evidence-prompts?from=" + MONDAY + "&to=" + MONDAY, "{ leaveEvidencePrompts(schoolId: "
                + b.id() + ", from: \"" + MONDAY + "\", to: \"" + MONDAY + "\") { nodes { why } } }");
        refusedLikeRest("/api/v1/schools/" + b.id() + "/missing-education-flags", "{ missingEducationFlags(schoolId: " + b.id() + ") { nodes { pupilId } } }");
        refused("mutation { acceptInboundSuggestions(schoolId: " + b.id() + ", id: 1, pupilIds: [" + bruno.id() + "]) { id } }");
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Letters

    @Test
    void letterExceptionsThePrintQueueAndTemplatesAnswerAsRest() {
        JsonNode recorded = gql("mutation { recordLetterException(schoolId: " + a.id() + ", pupilId: " + bea.id() + ", kind: \"ATTENDANCE\", "
                + "reason: \"Known medical condition: consultant's letter on file\", fromDate: \"" + LAST_MONDAY + "\") { id pupilId kind reason fromDate "
                + "toDate recordedBy recordedAt } }", "recordLetterException");
        JsonNode listed = gql("{ letterExceptions(schoolId: " + a.id() + ") { nodes { id pupilId kind reason fromDate toDate recordedBy recordedAt } } }",
                "letterExceptions");
        JsonNode restList = rows(rest(base + "/letter-exceptions"));
        same(restList, rows(listed), "letterExceptions");
        same(find(restList, "id", recorded.path("id").asText()), recorded, "recordLetterException");
        twinRows(base + "/letters/print-queue", "{ printQueue(schoolId: " + a.id() + ") { nodes { copyId letterId pupilId pupilName kind contactId recipient "
                + "address { line1 town postcode } queuedBy queuedAt } } }", "printQueue");

        JsonNode saved = gql("mutation { saveSchoolLetterTemplate(schoolId: " + a.id() + ", kind: \"PUNCTUALITY\", subject: \"{{pupil.forename}} and the "
                + "morning bell\", body: \"<p>School wording for {{pupil.forename}}.</p>\") { kind language subject body source updatedBy } }",
                "saveSchoolLetterTemplate");
        assertThat(saved.path("source").asText()).isEqualTo("SCHOOL");
        same(find(rows(rest(base + "/letter-templates")), "kind", "PUNCTUALITY"), saved, "saveSchoolLetterTemplate");
        var bad = api.graphql(head, "mutation { saveSchoolLetterTemplate(schoolId: " + a.id() + ", kind: \"PUNCTUALITY\", subject: \"Hi\", "
                + "body: \"<p>{{pupil.shoeSize}}</p>\") { kind } }");
        var badRest = api.put(base + "/letter-templates/PUNCTUALITY", head, "{\"subject\":\"Hi\",\"body\":\"<p>{{pupil.shoeSize}}</p>\"}");
        assertThat(bad.json().at("/errors/0/extensions/code").asText()).as(bad.body()).isEqualTo(badRest.json().path("code").asText());

        JsonNode trust = gql(trustAdmin, "mutation { saveTrustLetterTemplate(trustId: " + a.trustId() + ", kind: \"PUNCTUALITY\", subject: "
                + "\"Punctuality at our schools\", body: \"<p>Trust wording for {{pupil.forename}}.</p>\") { kind source subject } }",
                "saveTrustLetterTemplate");
        assertThat(trust.path("source").asText()).isEqualTo("TRUST");

        refusedLikeRest("/api/v1/schools/" + b.id() + "/letter-exceptions", "{ letterExceptions(schoolId: " + b.id() + ") { nodes { id } } }");
        refusedLikeRest("/api/v1/schools/" + b.id() + "/letters/print-queue", "{ printQueue(schoolId: " + b.id() + ") { nodes { copyId } } }");
        var foreignPupil = api.graphql(head, "mutation { recordLetterException(schoolId: " + a.id() + ", pupilId: " + bruno.id() + ", reason: \"x\") { id } }");
        var foreignRest = api.post(base + "/letter-exceptions", head, "{\"pupilId\": " + bruno.id() + ", \"reason\": \"x\"}");
        assertThat(foreignPupil.json().at("/errors/0/extensions/code").asText()).as(foreignPupil.body()).isEqualTo(foreignRest.json().path("code").asText());
        assertThat(foreignPupil.json().at("/errors/0/extensions/errors/0/field").asText()).isEqualTo("pupilId");
        assertThat(foreignPupil.body()).doesNotContain("Elsewhere");
        refused("mutation { saveSchoolLetterTemplate(schoolId: " + b.id() + ", kind: \"PUNCTUALITY\", subject: \"x\", body: \"<p>x</p>\") { kind } }");
        refused("mutation { saveTrustLetterTemplate(trustId: " + b.trustId() + ", kind: \"PUNCTUALITY\", subject: \"x\", body: \"<p>x</p>\") { kind } }");
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Texts and the do-not-message list

    @Test
    void suppressionsAddedAndRemovedOverGraphqlAreTheOnesRestLists() {
        JsonNode added = gql("mutation { addSuppression(schoolId: " + a.id() + ", address: \"+447700900991\", reason: \"Parent asked by phone for no "
                + "texts\") { address reason scope createdBy createdAt } }", "addSuppression");
        JsonNode listed = gql("{ suppressions(schoolId: " + a.id() + ") { nodes { address reason scope createdBy createdAt } } }", "suppressions");
        JsonNode restList = rows(rest(base + "/suppressions"));
        same(restList, rows(listed), "suppressions");
        same(find(restList, "address", "+447700900991"), added, "addSuppression");
        assertThat(gql("mutation { removeSuppression(schoolId: " + a.id() + ", address: \"+447700900991\") }", "removeSuppression").asBoolean()).isTrue();
        assertThat(rest(base + "/suppressions").toString()).doesNotContain("+447700900991");
        // Its REST twin creates through the same door, answers 201, and a retried POST with the same key replays the first answer.
        Map<String, String> keyed = Map.of("Idempotency-Key", "suppress-0993", "Content-Type", "application/json");
        String suppress = "{\"address\": \"+447700900993\", \"reason\": \"Parent asked by phone for no texts\"}";
        var first = api.send("POST", base + "/suppressions", head, suppress, keyed);
        var again = api.send("POST", base + "/suppressions", head, suppress, keyed);
        assertThat(first.status()).as(first.body()).isEqualTo(201);
        assertThat(again.status()).as(again.body()).isEqualTo(201);
        assertThat(again.header("Idempotent-Replayed")).isEqualTo("true");
        same(find(rest(base + "/suppressions"), "address", "+447700900993"), first.json(), "addSuppression over REST");
        refusedLikeRest("/api/v1/schools/" + b.id() + "/suppressions", "{ suppressions(schoolId: " + b.id() + ") { nodes { address } } }");
        refused("mutation { addSuppression(schoolId: " + b.id() + ", address: \"+447700900992\") { address } }");
        refused("mutation { removeSuppression(schoolId: " + b.id() + ", address: \"+447700900992\") }");
        refused("mutation { resolveInbound(schoolId: " + b.id() + ", id: 1, resolution: \"x\") { id } }");
        refused("{ trustInbound(trustId: " + b.trustId() + ") { nodes { id } } }");
    }

    @Test
    void theTrustsAndThePlatformsUnmatchedTextsAnswerAsRest() {
        same(rows(api.get("/api/v1/trusts/" + a.trustId() + "/inbound-messages", trustAdmin).json()),
                rows(gql(trustAdmin, "{ trustInbound(trustId: " + a.trustId() + ") { nodes { id from body receivedAt status } } }", "trustInbound")), "trustInbound");
        var rest = api.get("/api/v1/inbound-messages/unmatched", head);
        var g = api.graphql(head, "{ unmatched { nodes { id } } }");
        assertThat(rest.status()).as("a headteacher is no platform administrator").isEqualTo(404);
        assertThat(g.json().at("/errors/0/extensions/code").asText()).as(g.body()).isEqualTo(rest.json().path("code").asText());
    }

    // ---------------------------------------------------------------------------------------------------------------
    // The roll

    static final String PUPIL = "{ id upn legalForename legalSurname preferredForename preferredSurname dateOfBirth sex yearGroup form house startDate "
            + "leavingDate vulnerable version characteristics { pupilPremium send freeSchoolMeals eal lookedAfter childInNeed hasSocialWorker youngCarer } }";

    private String pupilInput(String upn, String surname, Long version) {
        return "{upn: \"" + upn + "\", legalForename: \"Gwen\", legalSurname: \"" + surname + "\", dateOfBirth: \"2018-03-04\", sex: \"F\", yearGroup: \"3\", "
                + "registerGroupId: " + a.registerGroupIds().get(0) + ", form: \"3G\", startDate: \"2026-09-02\", characteristics: {pupilPremium: true, send: "
                + "SEN_SUPPORT}" + (version == null ? "" : ", version: " + version) + "}";
    }

    @Test
    void aPupilAdmittedChangedAndDeletedOverGraphqlIsThePupilRestReads() {
        String upn = TestWorld.upn();
        JsonNode admitted = gql("mutation { admitPupil(schoolId: " + a.id() + ", pupil: " + pupilInput(upn, "Graphwell", null) + ") " + PUPIL + " }",
                "admitPupil");
        String path = base + "/pupils/" + dbId(admitted);
        same(rest(path), admitted, "admitPupil");
        JsonNode changed = gql("mutation { updatePupil(schoolId: " + a.id() + ", pupilId: " + dbId(admitted) + ", pupil: "
                + pupilInput(upn, "Graphwell-Jones", admitted.path("version").asLong()) + ") " + PUPIL + " }", "updatePupil");
        assertThat(changed.path("legalSurname").asText()).isEqualTo("Graphwell-Jones");
        same(rest(path), changed, "updatePupil");
        var stale = api.graphql(head, "mutation { updatePupil(schoolId: " + a.id() + ", pupilId: " + dbId(admitted) + ", pupil: "
                + pupilInput(upn, "Stale", admitted.path("version").asLong()) + ") { id } }");
        var staleRest = api.put(path, head, "{\"upn\": \"" + upn + "\", \"legalForename\": \"Gwen\", \"legalSurname\": \"Stale\", \"dateOfBirth\": "
                + "\"2018-03-04\", \"yearGroup\": \"3\", \"registerGroupId\": " + a.registerGroupIds().get(0) + ", \"startDate\": \"2026-09-02\", \"version\": "
                + admitted.path("version").asLong() + "}");
        assertThat(stale.json().at("/errors/0/extensions/code").asText()).as(stale.body()).isEqualTo(staleRest.json().path("code").asText()).isNotBlank();
        var invalid = api.graphql(head, "mutation { admitPupil(schoolId: " + a.id() + ", pupil: " + pupilInput("nope", "Invalid", null) + ") { id } }");
        assertThat(invalid.json().at("/errors/0/extensions/code").asText()).as(invalid.body()).isEqualTo("VALIDATION_FAILED");
        assertThat(invalid.json().at("/errors/0/extensions/errors/0/field").asText()).endsWith("upn");

        JsonNode deleted = gql("mutation { deletePupil(schoolId: " + a.id() + ", pupilId: " + dbId(admitted) + ", deletion: {ground: "
                + "MOVED_AWAY, deletedOn: \"" + MONDAY + "\", note: \"Moved to Leeds\"}) { id leavingDate } }", "deletePupil");
        assertThat(deleted.path("leavingDate").asText()).isEqualTo(MONDAY.toString());
        JsonNode history = gql("{ admissionHistory(schoolId: " + a.id() + ", pupilId: " + dbId(admitted) + ") { nodes { id pupilId kind effectiveOn "
                + "ground laReturnDueOn note recordedBy recordedAt } } }", "admissionHistory");
        same(rest(path + "/admission-history"), history, "admissionHistory");
        assertThat(history.toString()).contains("MOVED_AWAY");
        twin(base + "/local-authority-returns", "{ localAuthorityReturns(schoolId: " + a.id() + ") { nodes { id pupilId kind effectiveOn ground laReturnDueOn "
                + "note recordedBy recordedAt } } }", "localAuthorityReturns");
        twin("/api/v1/deletion-grounds", "{ deletionGrounds { ground meaning } }", "deletionGrounds");

        refused("mutation { admitPupil(schoolId: " + b.id() + ", pupil: " + pupilInput(TestWorld.upn(), "Foreign", null) + ") { id } }");
        refused("mutation { updatePupil(schoolId: " + a.id() + ", pupilId: " + bruno.id() + ", pupil: " + pupilInput(TestWorld.upn(), "Foreign", 0L)
                + ") { id } }");
        refused("mutation { deletePupil(schoolId: " + a.id() + ", pupilId: " + bruno.id() + ", deletion: {ground: MOVED_AWAY, deletedOn: \"" + MONDAY
                + "\"}) { id } }");
        refusedLikeRest(base + "/pupils/" + bruno.id() + "/admission-history", "{ admissionHistory(schoolId: " + a.id() + ", pupilId: " + bruno.id()
                + ") { nodes { id } } }");
        refusedLikeRest("/api/v1/schools/" + b.id() + "/local-authority-returns", "{ localAuthorityReturns(schoolId: " + b.id() + ") { nodes { id } } }");
    }

    @Test
    void aContactAddedOverGraphqlIsAmongThePupilsContactsAsRestListsThem() {
        JsonNode added = gql("mutation { addContact(schoolId: " + a.id() + ", pupilId: " + ada.id() + ", contact: {name: \"Gareth Twinning\", "
                + "relationship: \"Father\", parentalResponsibility: true, priority: 2, mobile: \"07700 900" + String.format("%03d", TestWorld.next() % 1000)
                + "\", preferredChannel: SMS}) { name relationship parentalResponsibility livesWithPupil priority mobile email preferredChannel noContact "
                + "language } }", "addContact");
        assertThat(added.path("mobile").asText()).startsWith("+447700900");
        JsonNode contacts = gql("{ contacts(schoolId: " + a.id() + ", pupilId: " + ada.id() + ") { nodes { name relationship parentalResponsibility livesWithPupil "
                + "priority mobile email preferredChannel noContact language } } }", "contacts");
        JsonNode restList = rest(base + "/pupils/" + ada.id() + "/contacts");
        same(restList, contacts, "contacts");
        same(find(restList, "name", "Gareth Twinning"), added, "addContact");
        var bad = api.graphql(head, "mutation { addContact(schoolId: " + a.id() + ", pupilId: " + ada.id() + ", contact: {name: \"\", relationship: "
                + "\"Father\", priority: 2}) { name } }");
        assertThat(bad.json().at("/errors/0/extensions/errors/0/field").asText()).as(bad.body()).endsWith("name");
        refusedLikeRest(base + "/pupils/" + bruno.id() + "/contacts", "{ contacts(schoolId: " + a.id() + ", pupilId: " + bruno.id() + ") { nodes { name } } }");
        refused("mutation { addContact(schoolId: " + a.id() + ", pupilId: " + bruno.id() + ", contact: {name: \"X\", relationship: \"Father\", "
                + "priority: 2}) { name } }");
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Policy settings

    @Test
    void aPolicyChangedOverGraphqlIsThePolicyRestReadsWithItsHistory() throws Exception {
        JsonNode changed = gql("mutation { changeSchoolPolicy(schoolId: " + a.id() + ", patch: \"{\\\"firstDay\\\": {\\\"phoneFrom\\\": \\\"10:15\\\"}}\") "
                + "{ schoolId presetKey version settings overrides interpretations } }", "changeSchoolPolicy");
        JsonNode rest = rest(base + "/policy");
        assertThat(changed.path("version").asInt()).isEqualTo(rest.path("version").asInt());
        assertThat(JSON.readTree(changed.path("settings").asText())).isEqualTo(JSON.readTree(rest.path("settings").toString()));
        assertThat(JSON.readTree(changed.path("overrides").asText())).isEqualTo(JSON.readTree(rest.path("overrides").toString()));
        assertThat(rest.at("/settings/firstDay/phoneFrom").asText()).startsWith("10:15");
        JsonNode read = gql("{ schoolPolicy(schoolId: " + a.id() + ") { version settings } }", "schoolPolicy");
        assertThat(JSON.readTree(read.path("settings").asText())).isEqualTo(JSON.readTree(rest.path("settings").toString()));
        JsonNode history = gql("{ schoolPolicyHistory(schoolId: " + a.id() + ") { nodes { version patch changedBy changedAt } } }", "schoolPolicyHistory");
        JsonNode restHistory = rest(base + "/policy/history").get("items");
        assertThat(history).hasSize(restHistory.size());
        List<JsonNode> patches = new ArrayList<>();
        for (JsonNode h : history) {
            patches.add(JSON.readTree(h.path("patch").asText()));
        }
        assertThat(patches.get(patches.size() - 1)).isEqualTo(restHistory.get(restHistory.size() - 1).path("patch"));
        var bad = api.graphql(head, "mutation { changeSchoolPolicy(schoolId: " + a.id() + ", patch: \"not json\") { version } }");
        assertThat(bad.json().at("/errors/0/extensions/errors/0/field").asText()).as(bad.body()).isEqualTo("patch");

        JsonNode trust = gql(trustAdmin, "{ trustPolicyDefaults(trustId: " + a.trustId() + ") { trustId version defaults } }", "trustPolicyDefaults");
        JsonNode trustRest = api.get("/api/v1/trusts/" + a.trustId() + "/policy-defaults", trustAdmin).json();
        assertThat(JSON.readTree(trust.path("defaults").asText())).isEqualTo(trustRest.path("defaults"));

        refusedLikeRest("/api/v1/schools/" + b.id() + "/policy", "{ schoolPolicy(schoolId: " + b.id() + ") { version } }");
        refusedLikeRest("/api/v1/schools/" + b.id() + "/policy/history", "{ schoolPolicyHistory(schoolId: " + b.id() + ") { nodes { version } } }");
        refused("mutation { changeSchoolPolicy(schoolId: " + b.id() + ", patch: \"{}\") { version } }");
        refused("{ trustPolicyDefaults(trustId: " + b.trustId() + ") { version } }");
        refused("mutation { changeTrustPolicyDefaults(trustId: " + b.trustId() + ", patch: \"{}\") { version } }");
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Setting a school up

    static final String GROUP = "{ id name sortOrder version am { opensAt lateAfter closesAt unauthorisedAfter } pm { opensAt lateAfter closesAt "
            + "unauthorisedAfter } }";
    static final String AM_TIMES = "{opensAt: \"08:45\", lateAfter: \"08:55\", closesAt: \"09:00\", unauthorisedAfter: \"09:00\"}";
    static final String PM_TIMES = "{opensAt: \"13:00\", lateAfter: \"13:05\", closesAt: \"13:15\", unauthorisedAfter: \"13:15\"}";

    @Test
    void registerGroupsTheCalendarTheDetailsAndTheSenderSetOverGraphqlAreWhatRestReads() {
        TestWorld.School own = world.school(world.trust(), PolicyPresets.PRIMARY_PORTSMOUTH);
        String ownHead = world.staffLogin(api, Role.HEADTEACHER, own.id(), null);
        String ownBase = "/api/v1/schools/" + own.id();
        JsonNode group = gql(ownHead, "mutation { createRegisterGroup(schoolId: " + own.id() + ", group: {name: \"Nursery\", am: " + AM_TIMES + ", pm: "
                + PM_TIMES + "}) " + GROUP + " }", "createRegisterGroup");
        same(api.get(ownBase + "/register-groups/" + dbId(group), ownHead).json(), group, "createRegisterGroup");
        JsonNode renamed = gql(ownHead, "mutation { updateRegisterGroup(schoolId: " + own.id() + ", groupId: " + dbId(group) + ", group: "
                + "{name: \"Nursery and Reception\", am: " + AM_TIMES + ", pm: " + PM_TIMES + ", version: " + group.path("version").asInt() + "}) " + GROUP + " }",
                "updateRegisterGroup");
        same(api.get(ownBase + "/register-groups/" + dbId(group), ownHead).json(), renamed, "updateRegisterGroup");
        same(api.get(ownBase + "/register-groups/" + dbId(group), ownHead).json(), gql(ownHead, "{ registerGroup(schoolId: " + own.id()
                + ", groupId: " + dbId(group) + ") " + GROUP + " }", "registerGroup"), "registerGroup");

        JsonNode term = gql(ownHead, "mutation { addTerm(schoolId: " + own.id() + ", term: {name: \"Summer\", startsOn: \"2027-04-19\", endsOn: "
                + "\"2027-07-21\", halfTermBreakStartsOn: \"2027-05-31\", halfTermBreakEndsOn: \"2027-06-04\"}) { academicYear name startsOn endsOn "
                + "halfTermBreakStartsOn halfTermBreakEndsOn } }", "addTerm");
        JsonNode closure = gql(ownHead, "mutation { addClosure(schoolId: " + own.id() + ", closure: {date: \"2027-01-04\", sessions: ALL_DAY, kind: INSET, "
                + "description: \"Staff training\"}) { date sessions registerGroupId kind description } }", "addClosure");
        JsonNode calendar = gql(ownHead, "{ calendar(schoolId: " + own.id() + ") { schoolId terms { academicYear name startsOn endsOn halfTermBreakStartsOn "
                + "halfTermBreakEndsOn } closures { date sessions registerGroupId kind description } } }", "calendar");
        JsonNode restCalendar = api.get(ownBase + "/calendar", ownHead).json();
        same(restCalendar, calendar, "calendar");
        same(find(restCalendar.path("terms"), "name", "Summer"), term, "addTerm");
        same(find(restCalendar.path("closures"), "date", "2027-01-04"), closure, "addClosure");

        JsonNode school = api.get(ownBase, ownHead).json();
        JsonNode updated = gql(ownHead, "mutation { updateSchoolDetails(schoolId: " + own.id() + ", version: " + school.path("version").asInt() + ", details: "
                + "{name: \"Example Hill Primary\", zone: \"Europe/London\", phone: \"020 7946 0000\", email: \"office@example.org\", allowedOrigins: "
                + "[\"https://example-hill.example.org\"]}) { id name zone phone email address allowedOrigins presetKey version } }", "updateSchoolDetails");
        same(api.get(ownBase, ownHead).json(), updated, "updateSchoolDetails");
        var stale = api.graphql(ownHead, "mutation { updateSchoolDetails(schoolId: " + own.id() + ", version: " + school.path("version").asInt()
                + ", details: {name: \"Stale\"}) { id } }");
        var staleRest = api.put(ownBase + "/details", ownHead, "{\"version\": " + school.path("version").asInt() + ", \"details\": {\"name\": \"Stale\"}}");
        assertThat(stale.json().at("/errors/0/extensions/code").asText()).as(stale.body()).isEqualTo(staleRest.json().path("code").asText()).isNotBlank();

        // a sender no other school has, in this database that keeps earlier runs' schools
        String number = String.format("+447700900%03d", TestWorld.next() % 1000);
        String trustNumber = String.format("+447700900%03d", (TestWorld.next() + 500) % 1000);
        JsonNode sender = gql(ownHead, "mutation { setSchoolSender(schoolId: " + own.id() + ", smsSender: \"" + number + "\") { smsSender } }", "setSchoolSender");
        same(api.get(ownBase + "/sms-sender", ownHead).json(), sender, "setSchoolSender");
        same(api.get(ownBase + "/sms-sender", ownHead).json(), gql(ownHead, "{ schoolSender(schoolId: " + own.id() + ") { smsSender } }", "schoolSender"),
                "schoolSender");
        JsonNode period = gql(ownHead, "mutation { addAssessmentPeriod(schoolId: " + own.id() + ", name: \"KS2 SATs\", startsOn: \"2027-05-10\", endsOn: "
                + "\"2027-05-13\") { id name startsOn endsOn } }", "addAssessmentPeriod");
        JsonNode periods = gql(ownHead, "{ assessmentPeriods(schoolId: " + own.id() + ") { nodes { id name startsOn endsOn } } }", "assessmentPeriods");
        same(rows(api.get(ownBase + "/assessment-periods", ownHead).json()), rows(periods), "assessmentPeriods");
        same(find(periods, "id", period.path("id").asText()), period, "addAssessmentPeriod");

        JsonNode trustSender = gql(trustAdmin, "mutation { setTrustSender(trustId: " + a.trustId() + ", smsSender: \"" + trustNumber + "\") { smsSender } }",
                "setTrustSender");
        same(api.get("/api/v1/trusts/" + a.trustId() + "/sms-sender", trustAdmin).json(), trustSender, "setTrustSender");
        same(api.get("/api/v1/trusts/" + a.trustId() + "/sms-sender", trustAdmin).json(), gql(trustAdmin, "{ trustSender(trustId: " + a.trustId()
                + ") { smsSender } }", "trustSender"), "trustSender");

        refusedLikeRest(base + "/register-groups/" + b.registerGroupIds().get(0), "{ registerGroup(schoolId: " + a.id() + ", groupId: "
                + b.registerGroupIds().get(0) + ") { id } }");
        refusedLikeRest("/api/v1/schools/" + b.id() + "/calendar", "{ calendar(schoolId: " + b.id() + ") { schoolId } }");
        refusedLikeRest("/api/v1/schools/" + b.id() + "/sms-sender", "{ schoolSender(schoolId: " + b.id() + ") { smsSender } }");
        refusedLikeRest("/api/v1/schools/" + b.id() + "/assessment-periods", "{ assessmentPeriods(schoolId: " + b.id() + ") { nodes { id } } }");
        refused("mutation { createRegisterGroup(schoolId: " + b.id() + ", group: {name: \"X\", am: " + AM_TIMES + ", pm: " + PM_TIMES + "}) { id } }");
        refused("mutation { updateRegisterGroup(schoolId: " + a.id() + ", groupId: " + b.registerGroupIds().get(0) + ", group: {name: \"X\", am: "
                + AM_TIMES + ", pm: " + PM_TIMES + ", version: 0}) { id } }");
        refused("mutation { addTerm(schoolId: " + b.id() + ", term: {name: \"X\", startsOn: \"2027-04-19\", endsOn: \"2027-07-21\"}) { name } }");
        refused("mutation { addClosure(schoolId: " + b.id() + ", closure: {date: \"2027-01-04\", sessions: ALL_DAY, kind: INSET}) { date } }");
        refused("mutation { updateSchoolDetails(schoolId: " + b.id() + ", version: 0, details: {name: \"X\"}) { id } }");
        refused("mutation { setSchoolSender(schoolId: " + b.id() + ", smsSender: \"X\") { smsSender } }");
        refused("mutation { setTrustSender(trustId: " + b.trustId() + ", smsSender: \"X\") { smsSender } }");
        refused("{ trustSender(trustId: " + b.trustId() + ") { smsSender } }");
        refused("mutation { addAssessmentPeriod(schoolId: " + b.id() + ", name: \"X\", startsOn: \"2027-05-10\", endsOn: \"2027-05-13\") { id } }");
        var trustRest = api.post("/api/v1/trusts", head, "{\"name\": \"Not mine to make\"}");
        var trustGql = api.graphql(head, "mutation { createTrust(name: \"Not mine to make\") { id } }");
        assertThat(trustGql.json().at("/errors/0/extensions/code").asText()).as(trustGql.body()).isEqualTo(trustRest.json().path("code").asText());
    }

    // ---------------------------------------------------------------------------------------------------------------
    // The caller, API clients, jobs, stored messages, the ledger and the MIS feeds

    @Test
    void theCallerApiClientsJobsAndStoredMessagesAnswerAsRest() {
        JsonNode me = gql("{ me { kind principalId name platformAdmin adminOfTrusts schools { schoolId roleTitle permissions } } }", "me");
        JsonNode restMe = rest("/api/v1/me");
        assertThat(me.path("kind").asText()).isEqualTo(restMe.path("kind").asText()).isEqualTo("STAFF");
        assertThat(me.path("principalId").asText()).isEqualTo(restMe.path("principalId").asText());
        assertThat(me.path("name").asText()).isEqualTo(restMe.path("name").asText());
        assertThat(me.at("/schools/0/schoolId").asText()).isEqualTo(String.valueOf(a.id()));
        assertThat(me.at("/schools/0/roleTitle").asText()).isEqualTo(restMe.at("/schools/" + a.id() + "/roleTitle").asText());

        JsonNode client = gql("mutation { createApiClient(name: \"MIS sync\", schoolId: " + a.id() + ", scopes: [ROLL_READ]) { id name schoolId scopes "
                + "apiKey } }", "createApiClient");
        String key = client.path("apiKey").asText();
        assertThat(api.get(base + "/pupils", key).status()).isEqualTo(200);
        assertThat(gql("mutation { revokeApiClient(clientId: " + client.path("id").asText() + ") }", "revokeApiClient").asBoolean()).isTrue();
        assertThat(api.get(base + "/pupils", key).status()).as("a revoked key").isEqualTo(401);
        refused("mutation { createApiClient(name: \"X\", schoolId: " + b.id() + ", scopes: [ROLL_READ]) { id } }");
        String otherHead = world.staffLogin(api, Role.HEADTEACHER, b.id(), null);
        long foreignStaff = api.get("/api/v1/me", otherHead).json().path("principalId").asLong();
        refused("mutation { removeStaff(staffId: " + foreignStaff + ") }");

        twin(base + "/jobs?from=" + LAST_MONDAY + "&to=" + MONDAY, "{ jobs(schoolId: " + a.id() + ", from: \"" + LAST_MONDAY + "\", to: \"" + MONDAY
                + "\") { nodes { id kind date session dueAt latestAt status attempts outcome finishedAt } } }", "jobs");
        twin(base + "/stored-messages", "{ storedMessages(schoolId: " + a.id() + ") { totalCount nodes { id channel to subject body "
                + "purpose storedAt } } }", "storedMessages");
        refusedLikeRest("/api/v1/schools/" + b.id() + "/jobs?from=" + MONDAY, "{ jobs(schoolId: " + b.id() + ", from: \"" + MONDAY + "\") { nodes { id } } }");
        refusedLikeRest("/api/v1/schools/" + b.id() + "/stored-messages", "{ storedMessages(schoolId: " + b.id() + ") { totalCount } }");
        refused("mutation { rerunJob(schoolId: " + b.id() + ", jobId: 1) { id } }");
    }

    static final String CHECK = "{ intact pupilsChecked entriesChecked brokenChains marksChecked markMismatchCount markMismatches { pupilId date session "
            + "problem } firstBreak { pupilId seq problem } }";

    @Test
    void theLedgerChecksAndTheMisFeedsAnswerAsRest() {
        twin(base + "/pupils/" + ada.id() + "/mark-history/verification", "{ verifyPupilHistory(schoolId: " + a.id() + ", pupilId: " + ada.id() + ") "
                + CHECK + " }", "verifyPupilHistory");
        twin(base + "/mark-history/verification", "{ verifySchoolHistory(schoolId: " + a.id() + ") " + CHECK + " }", "verifySchoolHistory");
        twin(base + "/ledger-seals", "{ ledgerSeals(schoolId: " + a.id() + ") { nodes { date asOf chainCount totalEntries signingKeyId emailedTo download } } }",
                "ledgerSeals");
        twin("/api/v1/ledger-seal-key", "{ ledgerSealKey { algorithm keyId publicKey format } }", "ledgerSealKey");

        String upn = TestWorld.upn();
        JsonNode upserted = gql("mutation { upsertPupils(schoolId: " + a.id() + ", pupils: [{externalId: \"MIS-" + upn + "\", pupil: "
                + pupilInput(upn, "Misfield", null) + "}]) { rows created updated unchanged ids { externalId id } } }", "upsertPupils");
        assertThat(upserted.path("created").asInt()).isEqualTo(1);
        JsonNode contacts = gql("mutation { upsertContacts(schoolId: " + a.id() + ", contacts: [{externalId: \"MIS-C-" + upn + "\", pupilExternalId: "
                + "\"MIS-" + upn + "\", contact: {name: \"Mo Misfield\", relationship: \"Mother\", parentalResponsibility: true, priority: 1, email: \"mo.misfield@example.org\"}}]) "
                + "{ rows created } }", "upsertContacts");
        assertThat(contacts.path("created").asInt()).isEqualTo(1);
        twin(base + "/changes/pupils?size=500", "{ pupilChanges(schoolId: " + a.id() + ", size: 500) { nextCursor complete items { externalId changedAt "
                + "pupil { id upn legalSurname version } } } }", "pupilChanges");
        twin(base + "/changes/contacts?size=500", "{ contactChanges(schoolId: " + a.id() + ", size: 500) { nextCursor complete items { externalId "
                + "pupilExternalId changedAt contact { name relationship priority } } } }", "contactChanges");
        twin(base + "/changes/marks?size=500", "{ markChanges(schoolId: " + a.id() + ", size: 500) { nextCursor complete items { historyId pupilId "
                + "pupilExternalId date session previousCode code minutesLate reason changedBy changedAt } } }", "markChanges");
        twin(base + "/changes/absence-reports?size=500", "{ reportChanges(schoolId: " + a.id() + ", size: 500) { nextCursor complete items { changedAt "
                + "pupilExternalId report { id pupilId category reason } } } }", "reportChanges");
        JsonNode page = gql("{ pupilChanges(schoolId: " + a.id() + ", size: 1) { nextCursor items { pupil { id } } } }", "pupilChanges");
        JsonNode next = gql("{ pupilChanges(schoolId: " + a.id() + ", size: 1, cursor: \"" + page.path("nextCursor").asText() + "\") { items { pupil { id } } } }",
                "pupilChanges");
        same(rest(base + "/changes/pupils?size=1&cursor=" + java.net.URLEncoder.encode(page.path("nextCursor").asText(), java.nio.charset.StandardCharsets.UTF_8)),
                next, "pupilChanges cursor");

        refusedLikeRest(base + "/pupils/" + bruno.id() + "/mark-history/verification", "{ verifyPupilHistory(schoolId: " + a.id() + ", pupilId: "
                + bruno.id() + ") { intact } }");
        refusedLikeRest("/api/v1/schools/" + b.id() + "/mark-history/verification", "{ verifySchoolHistory(schoolId: " + b.id() + ") { intact } }");
        refusedLikeRest("/api/v1/schools/" + b.id() + "/ledger-seals", "{ ledgerSeals(schoolId: " + b.id() + ") { nodes { date } } }");
        refusedLikeRest("/api/v1/schools/" + b.id() + "/changes/pupils", "{ pupilChanges(schoolId: " + b.id() + ") { complete } }");
        refusedLikeRest("/api/v1/schools/" + b.id() + "/changes/contacts", "{ contactChanges(schoolId: " + b.id() + ") { complete } }");
        refusedLikeRest("/api/v1/schools/" + b.id() + "/changes/marks", "{ markChanges(schoolId: " + b.id() + ") { complete } }");
        refusedLikeRest("/api/v1/schools/" + b.id() + "/changes/absence-reports", "{ reportChanges(schoolId: " + b.id() + ") { complete } }");
        refused("mutation { upsertPupils(schoolId: " + b.id() + ", pupils: [{externalId: \"X\", pupil: " + pupilInput(TestWorld.upn(), "X", null)
                + "}]) { rows } }");
        refused("mutation { upsertContacts(schoolId: " + b.id() + ", contacts: [{externalId: \"X\", pupilExternalId: \"Y\", contact: {name: \"X\", "
                + "relationship: \"Mother\", priority: 1}}]) { rows } }");
    }
}
