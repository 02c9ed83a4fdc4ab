package uk.openattendance.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import graphql.language.EnumTypeDefinition;
import graphql.language.FieldDefinition;
import graphql.language.InputObjectTypeDefinition;
import graphql.language.InputValueDefinition;
import graphql.language.ListType;
import graphql.language.NonNullType;
import graphql.language.ObjectTypeDefinition;
import graphql.language.Type;
import graphql.language.TypeDefinition;
import graphql.language.TypeName;
import graphql.schema.idl.SchemaParser;
import graphql.schema.idl.TypeDefinitionRegistry;
import io.micronaut.context.annotation.Property;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.token.generator.TokenGenerator;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.yaml.snakeyaml.Yaml;
import uk.openattendance.followup.app.CallListService;
import uk.openattendance.followup.app.FirstDayService;
import uk.openattendance.fixtures.Api;
import uk.openattendance.fixtures.TestWorld;
import uk.openattendance.leave.app.LeaveService;
import uk.openattendance.leave.app.RequestLeave;
import uk.openattendance.leave.domain.LeaveGround;
import uk.openattendance.letters.app.LetterRuns;
import uk.openattendance.notify.app.InboundTexts;
import uk.openattendance.platform.time.MutableClock;
import uk.openattendance.register.app.RegisterService;
import uk.openattendance.register.app.SubmitRegister;
import uk.openattendance.roll.app.ContactCommand;
import uk.openattendance.roll.app.ContactService;
import uk.openattendance.roll.app.PupilView;
import uk.openattendance.roll.domain.Channel;
import uk.openattendance.schedule.app.Scheduler;
import uk.openattendance.school.app.SchoolService;
import uk.openattendance.school.domain.PolicyPresets;
import uk.openattendance.school.domain.Session;
import uk.openattendance.webhooks.app.WebhookService;
import uk.openattendance.webhooks.app.WebhookViews;

/**
 * Every REST operation and GraphQL field that takes an id, as the committed contracts list them, is called by a staff
 * member, a read-only and a read-write API key of school A, and a parent of a child there, with ids of school B's
 * objects (and, for the parent, of another family's in school A). None may answer with B's data, none may fail with a
 * 5xx, and not one of school B's rows may change. A new endpoint is swept without anyone remembering to add it: the
 * operations come from openapi/attendance.yaml and graphql/attendance.graphqls, and an id whose kind the sweep cannot
 * name fails the test until a target for it is added below.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TenancySweepIT {
    static final ZoneId LONDON = ZoneId.of("Europe/London");
    static final LocalDate MONDAY = LocalDate.of(2026, 11, 23);
    static final Actor SYSTEM = Actor.system("tests");
    static final ObjectMapper JSON = new ObjectMapper();
    static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    /** Public, anonymous operations whose school id says where to sign in, not what the caller may reach. */
    static final Map<String, String> NOT_SWEPT = Map.of(
            "POST /api/v1/public/schools/{schoolId}/parent/sign-in", "anonymous: anyone may ask for a code, and the answer is the same for every number",
            "POST /api/v1/public/schools/{schoolId}/parent/verify", "anonymous: a code is checked against the school's own challenge only");

    /**
     * Ids a request may name that the service answers by leaving out rather than refusing: a filter, a bulk action
     * reporting which ids it did not act on, or a parent's own contact id that the service puts in place of the one sent.
     */
    static final Set<String> FOREIGN_ID_LEFT_OUT = Set.of(
            "GET /api/v1/schools/{schoolId}/pupils registerGroupId",
            "POST /api/v1/schools/{schoolId}/letters/approvals letterIds",
            "POST /api/v1/schools/{schoolId}/letters/discards letterIds",
            "POST /api/v1/schools/{schoolId}/letters/emails letterIds",
            "POST /api/v1/public/schools/{schoolId}/parent/absence-reports contactId",
            "POST /api/v1/public/schools/{schoolId}/parent/leave-requests requesterContactId",
            "School.pupils registerGroupId",
            "Mutation.approveLetters letterIds",
            "Mutation.discardLetters letterIds",
            "Mutation.emailLetters letterIds",
            "Mutation.requestMyChildsLeave requesterContactId");

    /** Bodies that are documents the service signed (a ledger seal): any id changed in them fails the signature first. */
    static final Set<String> SIGNED_DOCUMENTS = Set.of("POST /api/v1/schools/{schoolId}/mark-history/verification");

    @Inject EmbeddedServer server;
    @Inject TestWorld world;
    @Inject MutableClock clock;
    @Inject ContactService contacts;
    @Inject RegisterService registers;
    @Inject FirstDayService firstDay;
    @Inject CallListService callList;
    @Inject InboundTexts inbound;
    @Inject Scheduler scheduler;
    @Inject WebhookService webhooks;
    @Inject LeaveService leave;
    @Inject LetterRuns letterRuns;
    @Inject uk.openattendance.letters.app.LetterService letters;
    @Inject TokenGenerator tokens;
    @Inject SchoolService schools;
    @Inject StaffService staff;
    @Inject uk.openattendance.absence.app.AbsenceService absences;
    @Inject uk.openattendance.notify.persistence.OutboxStore outbox;
    @Inject uk.openattendance.notify.app.Outbox messages;
    @Property(name = "datasources.default.url") String jdbcUrl;

    Api api;
    /** Ids by kind: school A's own objects (the parent's child among them), school B's, and another family's in school A. */
    Map<String, Long> own;
    Map<String, Long> foreign;
    Map<String, Long> otherFamily;
    long schoolA;
    long schoolB;
    long trustB;
    List<Pattern> schoolBMarkers;
    List<Pattern> otherFamilyMarkers;
    Map<String, String> callers;
    long ownChild;

    @BeforeAll
    void twoSchoolsInTwoTrusts() {
        long t0 = System.nanoTime();
        clock.set(LocalDateTime.of(MONDAY, LocalTime.of(8, 51)), LONDON);
        api = new Api(server.getURL().toString());
        TestWorld.School a = world.school(world.trust(), PolicyPresets.PRIMARY_PORTSMOUTH);
        TestWorld.School b = world.school(world.trust(), PolicyPresets.LOWER_SCHOOL_BEDFORDSHIRE);
        schoolA = a.id();
        schoolB = b.id();
        trustB = b.trustId();
        own = objects(a, "Amara", "Fenwick", "Fay Fenwick");
        foreign = objects(b, "Bruno", "Quennell", "Bea Quennell");
        PupilView otherChild = world.pupil(a, "Olive", "Otterburn");
        long otherContact = contacts.addContact(SYSTEM, a.id(), otherChild.id(), contact("Oscar Otterburn")).contactId();
        ownChild = own.get("pupil");
        // the other family's letter has gone out (printed for post), so only the family check stands between it and this parent
        long otherLetter = letterRuns.recordImprovementMeeting(SYSTEM, a.id(), otherChild.id(), new LetterRuns.RecordMeeting(MONDAY, "Otterburn plan",
                MONDAY.plusDays(14))).id();
        letters.approve(SYSTEM, a.id(), List.of(otherLetter));
        letters.printRun(SYSTEM, a.id(), List.of(otherLetter));
        otherFamily = Map.of("pupil", otherChild.id(), "contact", otherContact,
                "request", leave.request(SYSTEM, a.id(), leaveFor(otherChild.id(), otherContact)).id(), "letter", otherLetter);
        String schoolBName = schools.school(SYSTEM, schoolB).name();
        schoolBMarkers = List.of(Pattern.compile("Quennell"), Pattern.compile(Pattern.quote(schoolBName) + "(?!\\d)"));
        otherFamilyMarkers = List.of(Pattern.compile("Otterburn"));
        callers = new LinkedHashMap<>();
        callers.put("staff", world.staffLogin(api, Role.HEADTEACHER, a.id(), null));
        callers.put("read-only key", world.apiKey(a.id(), Set.of(Permission.SCHOOL_READ, Permission.ROLL_READ, Permission.ATTENDANCE_READ)));
        callers.put("read-write key", world.apiKey(a.id(), EnumSet.allOf(Permission.class)));
        callers.put("parent", parentToken(own.get("contact"), a.id()));
        System.out.println("[figure] tenancy sweep fixtures: " + (System.nanoTime() - t0) / 1_000_000 + " ms");
    }

    /** One of everything an id can name, in one school: a pupil, a parent, a case, a text, a job, a webhook, leave and a letter. */
    private Map<String, Long> objects(TestWorld.School s, String forename, String surname, String parentName) {
        Map<String, Long> ids = new LinkedHashMap<>();
        ids.put("school", s.id());
        ids.put("trust", s.trustId());
        ids.put("group", s.registerGroupIds().get(0));
        PupilView pupil = world.pupil(s, forename, surname);
        ids.put("pupil", pupil.id());
        ContactCommand parent = contact(parentName);
        ids.put("contact", contacts.addContact(SYSTEM, s.id(), pupil.id(), parent).contactId());
        registers.submit(SYSTEM, s.id(), MONDAY, Session.AM, new SubmitRegister(List.of(new SubmitRegister.Entry(pupil.id(), "N", null, null, null)), null));
        firstDay.openCallList(SchoolScope.forJob(Purpose.FIRST_DAY_CHAIN, s.id()), MONDAY);
        ids.put("case", callList.callList(SYSTEM, s.id(), MONDAY).get(0).caseId());
        inbound.receive("SMsweep" + TestWorld.next(), parent.mobile(), "+447700900000", "Is the school trip still on for " + forename + " " + surname + "?");
        ids.put("inbound", inbound.ofSchool(SYSTEM, s.id(), null, 0, 50).get(0).id());
        scheduler.tick(List.of(s.id()));
        ids.put("job", scheduler.jobs(SYSTEM, s.id(), MONDAY, MONDAY).get(0).id());
        ids.put("webhook", webhooks.subscribe(SYSTEM, s.id(), new WebhookViews.Subscribe("http://127.0.0.1:9/sweep", List.of("letter.sent"), "sweep")).id());
        long request = leave.request(SYSTEM, s.id(), leaveFor(pupil.id(), ids.get("contact"))).id();
        ids.put("request", request);
        ids.put("document", leave.attachByStaff(SYSTEM, s.id(), request, "note.pdf", "%PDF-1.4\n% sweep\n".getBytes(StandardCharsets.US_ASCII)).id());
        ids.put("letter", letterRuns.recordImprovementMeeting(SYSTEM, s.id(), pupil.id(), new LetterRuns.RecordMeeting(MONDAY, "Sweep plan", MONDAY.plusDays(14))).id());
        ids.put("staff", staff.createStaff(SYSTEM, new CreateStaff("sweep" + TestWorld.next() + "@example.org", "Sweep " + surname, "sweep-password-2026",
                Role.TEACHER, s.id(), null)).id());
        ids.put("client", staff.createApiClient(SYSTEM, new CreateApiClient("Sweep " + surname, s.id(), null, Set.of(Permission.ROLL_READ))).id());
        ids.put("report", absences.report(SYSTEM, s.id(), new uk.openattendance.absence.app.ReportAbsence(List.of(pupil.id()), MONDAY.plusDays(1), Session.AM,
                MONDAY.plusDays(1), Session.PM, null, uk.openattendance.absence.domain.ReportCategory.ILLNESS, "Sweep cold", false, null),
                uk.openattendance.absence.domain.ReportChannel.PHONE_CALL).get(0).id());
        // due tomorrow, so no dispatcher sends it during the sweep
        outbox.enqueue(List.of(new uk.openattendance.notify.persistence.NewMessage(s.id(), s.id() + ":sweep:" + TestWorld.next(), "FIRST_DAY_ABSENCE", 1, "SMS",
                null, "+447700900602", null, forename + " was not in school this morning", List.of(pupil.id()), MONDAY, null, null,
                clock.instant().plusSeconds(86_400))), clock.instant());
        ids.put("message", messages.messages(SYSTEM, s.id(), null, null, 0, 1).get(0).id());
        return ids;
    }

    private ContactCommand contact(String name) {
        return new ContactCommand(name, "Mother", true, true, 1, freeMobile(), null, Channel.SMS, false, null);
    }

    /** A number no contact in the database has yet, so the school's text is matched to this school's parent alone. */
    private String freeMobile() {
        int start = TestWorld.next();
        for (int i = 0; i < 1000; i++) {
            int n = (start + i) % 1000;
            if (contacts.contactsWithMobile(SYSTEM, String.format("+447700900%03d", n)).isEmpty()) {
                return String.format("07700 900%03d", n);
            }
        }
        throw new AssertionError("every number 07700 900000-999 is taken in this test database; drop and recreate it");
    }

    private static RequestLeave leaveFor(long pupilId, long contactId) {
        return new RequestLeave(pupilId, LeaveGround.EXCEPTIONAL_CIRCUMSTANCES, MONDAY.plusDays(7), null, MONDAY.plusDays(8), null, "A family funeral", null,
                contactId);
    }

    /** Minted as the sign-in mints it: the sign-in itself is tested in AbsenceReportIT; here only what the token reaches matters. */
    private String parentToken(long contactId, long schoolId) {
        return "Bearer " + tokens.generateToken(Authentication.build("parent:" + contactId, List.of("PARENT"), Map.of("schoolId", schoolId)), 3600).orElseThrow();
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Which kind of object an id names

    /** The kind of object an id parameter or field names; {@code where} is the path or GraphQL field it appears in. */
    static String kindOf(String name, String where) {
        String n = name.replaceAll("Ids?$", "");
        switch (n) {
            case "school", "trust", "pupil", "contact", "case", "job", "document", "letter", "request", "staff", "client" -> {
                return n;
            }
            case "group", "registerGroup" -> {
                return "group";
            }
            case "requesterContact" -> {
                return "contact";
            }
            case "subscription" -> {
                return "webhook";
            }
            case "id", "ids" -> {
                return idKind(where);
            }
            default -> {
                return null;
            }
        }
    }

    /** A bare {@code id}: the collection before it in a path, or the object a GraphQL field is about. */
    static String idKind(String where) {
        Map<String, String> byWord = new LinkedHashMap<>();
        byWord.put("inbound-messages/{id}", "inbound");
        byWord.put("absence-reports/{id}", "report");
        byWord.put("/messages/{id}", "message");
        byWord.put("leave-requests/{id}", "request");
        byWord.put("letters/{id}", "letter");
        byWord.put("webhooks/{id}", "webhook");
        byWord.put("Query.school", "school");
        byWord.put("Query.pupil", "pupil");
        // node(id) and nodes(ids) are swept with pupils' global ids, named under the caller's own school
        byWord.put("Query.node", "pupil");
        byWord.put("Query.nodes", "pupil");
        byWord.put("Query.leaveRequest", "request");
        byWord.put("Query.inboundMessage", "inbound");
        byWord.put("Query.absenceReport", "report");
        byWord.put("Query.message", "message");
        byWord.put("Query.webhookSubscription", "webhook");
        byWord.put("Mutation.decideLeaveRequest", "request");
        byWord.put("Mutation.withdrawLeaveRequest", "request");
        byWord.put("Mutation.confirmRefusedLeaveTaken", "request");
        byWord.put("Query.letter", "letter");
        byWord.put("Mutation.editLetter", "letter");
        byWord.put("Mutation.deactivateWebhook", "webhook");
        byWord.put("Mutation.acceptInboundSuggestions", "inbound");
        byWord.put("Mutation.resolveInbound", "inbound");
        byWord.put("Mutation.resolveTrustInbound", "inbound");
        for (var e : byWord.entrySet()) {
            if (where.contains(e.getKey()) && (where.startsWith("/") || where.equals(e.getKey()))) {
                return e.getValue();
            }
        }
        return null;
    }

    /** Key ids (the ledger's chain and signing keys) name configuration, not an object of any school. */
    static boolean isId(String name) {
        if (name.endsWith("KeyId")) {
            return false;
        }
        // an MIS's own ids (strings it chose) are matched only within the caller's school: they name nothing of another
        if (name.equals("externalId") || name.endsWith("ExternalId")) {
            return false;
        }
        return name.equals("id") || name.endsWith("Id") || name.endsWith("Ids");
    }

    // ---------------------------------------------------------------------------------------------------------------
    // The outcome of one call

    record Outcome(String operation, String caller, String variant, int status, String body) {}

    final List<String> failures = new ArrayList<>();
    final Set<String> leftOut = new TreeSet<>();
    final Map<String, Integer> byStatus = new TreeMap<>();
    int requests;

    private void record(Outcome o) {
        requests++;
        byStatus.merge((o.operation().startsWith("Query.") || o.operation().contains(".") && !o.operation().contains("/") ? "GraphQL " : "REST ") + o.status(),
                1, Integer::sum);
    }

    private void fail(Outcome o, String why) {
        failures.add(o.caller() + " | " + o.operation() + " | " + o.variant() + " -> " + o.status() + ": " + why + " | " + abbreviate(o.body()));
    }

    private static String abbreviate(String s) {
        return s == null ? "" : s.length() > 300 ? s.substring(0, 300) + "…" : s;
    }

    /** Data from school B or another family is never in an answer, whatever the status. */
    private boolean leaks(Outcome o) {
        List<Pattern> markers = new ArrayList<>(schoolBMarkers);
        if (o.caller().equals("parent")) {
            markers.addAll(otherFamilyMarkers);
        }
        for (Pattern p : markers) {
            if (p.matcher(o.body() == null ? "" : o.body()).find()) {
                fail(o, "the answer carries " + p.pattern());
                return true;
            }
        }
        return false;
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Row checksums of school B

    /** Count and checksum of every row that belongs to school B, table by table, read straight from the database. */
    Map<String, String> schoolBRows() throws Exception {
        Map<String, String> sums = new TreeMap<>();
        try (Connection c = DriverManager.getConnection(jdbcUrl, "root", ""); Statement st = c.createStatement()) {
            Map<String, List<String>> columns = new TreeMap<>();
            try (ResultSet rs = st.executeQuery("SELECT table_name, column_name FROM information_schema.columns WHERE table_schema = DATABASE() "
                    + "ORDER BY table_name, ordinal_position")) {
                while (rs.next()) {
                    columns.computeIfAbsent(rs.getString(1).toLowerCase(), k -> new ArrayList<>()).add(rs.getString(2).toLowerCase());
                }
            }
            String pupils = "(SELECT id FROM pupil WHERE school_id = " + schoolB + ")";
            for (var t : columns.entrySet()) {
                List<String> cols = t.getValue();
                String where;
                if (t.getKey().equals("school")) {
                    where = "id = " + schoolB;
                } else if (t.getKey().equals("trust")) {
                    where = "id = " + trustB;
                } else if (cols.contains("school_id")) {
                    where = "school_id = " + schoolB;
                } else if (cols.contains("pupil_id")) {
                    where = "pupil_id IN " + pupils;
                } else if (cols.contains("case_id")) {
                    where = "case_id IN (SELECT id FROM follow_up_case WHERE school_id = " + schoolB + ")";
                } else if (cols.contains("request_id")) {
                    where = "request_id IN (SELECT id FROM leave_request WHERE school_id = " + schoolB + ")";
                } else if (cols.contains("subscription_id")) {
                    where = "subscription_id IN (SELECT id FROM webhook_subscription WHERE school_id = " + schoolB + ")";
                } else if (cols.contains("owner_id")) {
                    where = "owner_id IN (" + schoolB + ", " + trustB + ")";
                } else {
                    continue; // staff, sign-in records, migrations: nothing of a school's own
                }
                String row = cols.stream().map(col -> "COALESCE(CAST(`" + col + "` AS CHAR), '~')").collect(Collectors.joining(", '|', "));
                try (ResultSet rs = st.executeQuery("SELECT COUNT(*), COALESCE(SUM(CRC32(CONCAT(" + row + "))), 0), COALESCE(BIT_XOR(CRC32(CONCAT(" + row
                        + "))), 0) FROM `" + t.getKey() + "` WHERE " + where)) {
                    rs.next();
                    sums.put(t.getKey(), rs.getLong(1) + " rows, " + rs.getString(2) + "/" + rs.getString(3));
                }
            }
        }
        return sums;
    }

    // ---------------------------------------------------------------------------------------------------------------
    // REST, from the committed OpenAPI document

    record Slot(String in, String name, String kind) {}

    record Operation(String key, String method, String path, JsonNode op, List<Slot> slots) {}

    private JsonNode openApi() throws Exception {
        Object yaml = new Yaml().load(Files.readString(Path.of("openapi/attendance.yaml")));
        return JSON.valueToTree(yaml);
    }

    private JsonNode resolve(JsonNode doc, JsonNode schema) {
        JsonNode s = schema;
        while (s != null && s.has("$ref")) {
            String[] parts = s.get("$ref").asText().substring(2).split("/");
            JsonNode n = doc;
            for (String p : parts) {
                n = n.get(p);
            }
            s = n;
        }
        if (s != null && s.has("allOf") && s.get("allOf").size() == 1) {
            return resolve(doc, s.get("allOf").get(0));
        }
        return s;
    }

    /** Ids named anywhere in a body schema, by the name a refusal would use (marks[].pupilId is reported as marks[0].pupilId). */
    private void bodyIds(JsonNode doc, JsonNode schema, String prefix, List<String> out, Set<JsonNode> seen) {
        JsonNode s = resolve(doc, schema);
        if (s == null || !seen.add(s)) {
            return;
        }
        if (s.has("items")) {
            bodyIds(doc, s.get("items"), prefix + "[]", out, seen);
        }
        if (s.has("properties")) {
            s.get("properties").fields().forEachRemaining(f -> {
                String name = prefix.isEmpty() ? f.getKey() : prefix + "." + f.getKey();
                if (isId(f.getKey())) {
                    out.add(name);
                }
                bodyIds(doc, f.getValue(), name, out, seen);
            });
        }
        seen.remove(s);
    }

    private List<Operation> operations(JsonNode doc) {
        List<Operation> ops = new ArrayList<>();
        doc.get("paths").fields().forEachRemaining(p -> p.getValue().fields().forEachRemaining(m -> {
            if (!Set.of("get", "post", "put", "patch", "delete").contains(m.getKey())) {
                return;
            }
            String key = m.getKey().toUpperCase() + " " + p.getKey();
            JsonNode op = m.getValue();
            List<Slot> slots = new ArrayList<>();
            for (JsonNode param : op.path("parameters")) {
                String in = param.get("in").asText();
                String name = param.get("name").asText();
                if ((in.equals("path") || in.equals("query")) && isId(name)) {
                    slots.add(new Slot(in, name, kindOf(name, p.getKey() + "/")));
                }
            }
            JsonNode json = op.path("requestBody").path("content").path("application/json").path("schema");
            if (!json.isMissingNode()) {
                List<String> names = new ArrayList<>();
                bodyIds(doc, json, "", names, new java.util.HashSet<>());
                for (String name : names) {
                    String last = name.substring(name.lastIndexOf('.') + 1);
                    slots.add(new Slot("body", name, kindOf(last, p.getKey())));
                }
            }
            if (!slots.isEmpty()) {
                ops.add(new Operation(key, m.getKey().toUpperCase(), p.getKey(), op, slots));
            }
        }));
        return ops;
    }

    /** A variant: for each slot, whose object it names. */
    record Variant(String label, Function<Slot, Long> ids, boolean foreignSchool, Slot foreignSlot) {}

    private List<Variant> variants(Operation o, String caller) {
        List<Variant> out = new ArrayList<>();
        boolean scoped = o.slots().stream().anyMatch(s -> s.in().equals("path") && (s.kind().equals("school") || s.kind().equals("trust")));
        if (scoped) {
            out.add(new Variant("every id school B's", s -> foreign.get(s.kind()), true, null));
        }
        for (Slot slot : o.slots()) {
            if (slot.in().equals("path") && (slot.kind().equals("school") || slot.kind().equals("trust"))) {
                continue;
            }
            out.add(new Variant(slot.name() + " school B's", s -> (s == slot ? foreign : own).get(s.kind()), false, slot));
            if (caller.equals("parent") && otherFamily.containsKey(slot.kind())) {
                out.add(new Variant(slot.name() + " another family's", s -> s == slot ? otherFamily.get(s.kind()) : own.get(s.kind()), false, slot));
            }
        }
        return out;
    }

    private String pathFor(JsonNode doc, Operation o, Variant v) {
        String path = o.path();
        List<String> query = new ArrayList<>();
        for (JsonNode param : o.op().path("parameters")) {
            String name = param.get("name").asText();
            String in = param.get("in").asText();
            Slot slot = o.slots().stream().filter(s -> s.in().equals(in) && s.name().equals(name)).findFirst().orElse(null);
            String value;
            if (slot != null) {
                value = String.valueOf(v.ids().apply(slot));
            } else if (in.equals("path")) {
                value = switch (name) {
                    case "date" -> MONDAY.toString();
                    case "session" -> "AM";
                    case "kind" -> "ATTENDANCE";
                    case "purpose" -> "FIRST_DAY_ABSENCE";
                    case "address" -> "%2B447700900555";
                    default -> throw new AssertionError(o.key() + ": no value for path parameter " + name + "; add one to the sweep");
                };
            } else if (param.path("required").asBoolean(false)) {
                value = text(name, resolve(doc, param.path("schema")));
            } else {
                continue;
            }
            if (in.equals("path")) {
                path = path.replace("{" + name + "}", value);
            } else {
                query.add(name + "=" + java.net.URLEncoder.encode(String.valueOf(value), StandardCharsets.UTF_8));
            }
        }
        return query.isEmpty() ? path : path + "?" + String.join("&", query);
    }

    /** A body good enough that only its ids can be wrong: every required field and every id, with plausible values. */
    private JsonNode body(JsonNode doc, JsonNode schema, String name, Operation o, Variant v) {
        JsonNode s = resolve(doc, schema);
        if (s == null) {
            return NODES.nullNode();
        }
        String last = name.substring(name.lastIndexOf('.') + 1).replace("[]", "");
        String slotName = name;
        Slot slot = o.slots().stream().filter(x -> x.in().equals("body") && x.name().equals(slotName)).findFirst().orElse(null);
        if (slot != null && !s.has("items")) {
            return NODES.numberNode(v.ids().apply(slot));
        }
        if (s.has("enum")) {
            return NODES.textNode(s.get("enum").get(0).asText());
        }
        String type = s.path("type").asText("object");
        switch (type) {
            case "array" -> {
                ArrayNode a = NODES.arrayNode();
                if (slot != null) {
                    a.add(v.ids().apply(slot));
                } else {
                    a.add(body(doc, s.get("items"), name + "[]", o, v));
                }
                return a;
            }
            case "integer", "number" -> {
                return NODES.numberNode(last.equals("priority") ? 9 : 0);
            }
            case "boolean" -> {
                return NODES.booleanNode(false);
            }
            case "string" -> {
                return NODES.textNode(text(last, s));
            }
            default -> {
                ObjectNode out = NODES.objectNode();
                Set<String> required = new LinkedHashSet<>();
                s.path("required").forEach(r -> required.add(r.asText()));
                s.path("properties").fields().forEachRemaining(f -> {
                    String child = name.isEmpty() ? f.getKey() : name + "." + f.getKey();
                    // the version last seen is optional to send, but a change without it is refused before its ids are looked at
                    if (required.contains(f.getKey()) || isId(f.getKey()) || f.getKey().equals("version") || o.slots().stream().anyMatch(x -> x.name().startsWith(child + "."))) {
                        out.set(f.getKey(), body(doc, f.getValue(), child, o, v));
                    }
                });
                return out;
            }
        }
    }

    /** A plausible value for a string field or parameter, by its format and its name: dates fall in the school's term. */
    private static String text(String field, JsonNode s) {
        String format = s == null ? "" : s.path("format").asText("");
        if (format.equals("date") || Set.of("date", "from", "to").contains(field)) {
            return switch (field) {
                case "from" -> MONDAY.minusDays(7).toString();
                case "firstDate", "fromDate", "startsOn" -> MONDAY.plusDays(7).toString();
                case "lastDate", "toDate", "reviewDate", "endsOn" -> MONDAY.plusDays(8).toString();
                default -> MONDAY.toString();
            };
        }
        if (format.equals("partial-time")) {
            return "08:50";
        }
        String lower = field.toLowerCase();
        if (lower.contains("email") || lower.equals("username")) {
            return "sweep" + TestWorld.next() + "@example.org";
        }
        if (lower.contains("mobile") || lower.equals("address")) {
            return "07700 900555";
        }
        if (lower.equals("url")) {
            return "http://127.0.0.1:9/sweep";
        }
        if (lower.equals("code")) {
            return "#";
        }
        if (lower.equals("upn")) {
            return TestWorld.upn();
        }
        if (lower.equals("urn")) {
            return String.format("%06d", 900000 + TestWorld.next() % 99999);
        }
        if (lower.equals("yeargroup")) {
            return "4";
        }
        if (lower.equals("kind")) {
            return "ATTENDANCE";
        }
        if (lower.equals("purpose")) {
            return "FIRST_DAY_ABSENCE";
        }
        if (lower.equals("language")) {
            return "pl";
        }
        if (lower.equals("presetkey")) {
            return PolicyPresets.PRIMARY_PORTSMOUTH;
        }
        if (s != null && s.has("pattern") && s.get("pattern").asText().startsWith("#")) {
            return "#";
        }
        return "Sweep value " + TestWorld.next();
    }

    private Api.Response call(Operation o, Variant v, String auth, JsonNode doc) throws Exception {
        String path = pathFor(doc, o, v);
        JsonNode content = o.op().path("requestBody").path("content");
        if (content.has("application/json")) {
            return api.send(o.method(), path, auth, JSON.writeValueAsString(body(doc, content.get("application/json").get("schema"), "", o, v)), Map.of());
        }
        if (content.has("application/merge-patch+json")) {
            return api.send(o.method(), path, auth, "{}", Map.of("Content-Type", "application/merge-patch+json"));
        }
        if (content.has("text/csv")) {
            return api.send(o.method(), path, auth, "upn\n", Map.of("Content-Type", "text/csv"));
        }
        if (content.has("multipart/form-data")) {
            String boundary = "sweep" + TestWorld.next();
            String part = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"note.pdf\"\r\nContent-Type: application/pdf\r\n\r\n"
                    + "%PDF-1.4\n% sweep\n\r\n--" + boundary + "--\r\n";
            return api.sendBytes(o.method(), path, auth, part.getBytes(StandardCharsets.US_ASCII), Map.of("Content-Type", "multipart/form-data; boundary=" + boundary));
        }
        return api.send(o.method(), path, auth, null, Map.of());
    }

    private void judgeRest(Outcome out, Operation o, Variant v) {
        record(out);
        if (out.status() >= 500) {
            fail(out, "a 5xx");
            return;
        }
        if (leaks(out)) {
            return;
        }
        if (v.foreignSchool()) {
            if (out.status() != 404) {
                fail(out, "expected 404: the caller has no standing in school B");
            }
            return;
        }
        judgeRefusal(out, o.key() + " " + v.foreignSlot().name(), v.foreignSlot().name(), foreignValue(v), restCode(out), restFields(out));
    }

    private long foreignValue(Variant v) {
        return v.ids().apply(v.foreignSlot());
    }

    private static String restCode(Outcome out) {
        try {
            return JSON.readTree(out.body()).path("code").asText("");
        } catch (Exception e) {
            return "";
        }
    }

    private static List<String> restFields(Outcome out) {
        List<String> fields = new ArrayList<>();
        try {
            JSON.readTree(out.body()).path("errors").forEach(e -> fields.add(e.path("field").asText()));
        } catch (Exception e) {
            // not JSON: no fields
        }
        return fields;
    }

    /**
     * One id is foreign, the rest are the caller's own: not found, or refused naming that id, or (read-only keys and
     * schools' creation) not allowed at all; success only where the id is left out by design and is not echoed back.
     */
    private void judgeRefusal(Outcome out, String leftOutKey, String field, long foreignId, String code, List<String> fields) {
        int st = out.status();
        if (st == 404) {
            return;
        }
        if (st == 403 && (code.equals("PERMISSION_DENIED") || code.equals("FORBIDDEN"))) {
            return;
        }
        String bare = field.replace("[]", "");
        String last = bare.substring(bare.lastIndexOf('.') + 1);
        boolean named = fields.stream().map(f -> f.replaceAll("\\[\\d+]", "")).anyMatch(f -> f.equals(bare) || f.equals(last) || f.endsWith("." + last));
        if ((st == 400 || st == 422) && named) {
            return;
        }
        if (st == 422 && SIGNED_DOCUMENTS.contains(out.operation()) && fields.contains("signature")) {
            return; // an id changed inside a signed document breaks its signature before any id is looked at
        }
        if (st >= 200 && st < 300 && FOREIGN_ID_LEFT_OUT.contains(leftOutKey)) {
            leftOut.add(leftOutKey);
            if (Pattern.compile("\"" + last + "\"\\s*:\\s*\\[?\\s*\"?" + foreignId + "\\b").matcher(out.body()).find()) {
                fail(out, "a foreign " + last + " was accepted and echoed back");
            }
            return;
        }
        fail(out, "expected 404, 403, or a refusal naming " + field + " (fields named: " + fields + ")");
    }

    // ---------------------------------------------------------------------------------------------------------------
    // GraphQL, from the schema the server loads

    record GqlSlot(String path, String name, String kind, boolean list) {}

    record GqlField(String coordinate, String type, FieldDefinition field, List<GqlSlot> slots) {}

    private static TypeName named(Type<?> t) {
        Type<?> x = t;
        while (!(x instanceof TypeName)) {
            x = x instanceof NonNullType nn ? nn.getType() : ((ListType) x).getType();
        }
        return (TypeName) x;
    }

    private static boolean isList(Type<?> t) {
        Type<?> x = t instanceof NonNullType nn ? nn.getType() : t;
        return x instanceof ListType;
    }

    private void gqlSlots(TypeDefinitionRegistry reg, String coordinate, List<InputValueDefinition> args, String prefix, List<GqlSlot> out) {
        for (InputValueDefinition a : args) {
            String path = prefix.isEmpty() ? a.getName() : prefix + "." + a.getName();
            String typeName = named(a.getType()).getName();
            if (typeName.equals("ID") || isId(a.getName())) {
                out.add(new GqlSlot(path, a.getName(), kindOf(a.getName(), coordinate), isList(a.getType())));
            }
            var def = reg.getType(typeName).orElse(null);
            if (def instanceof InputObjectTypeDefinition in) {
                gqlSlots(reg, coordinate, in.getInputValueDefinitions(), path, out);
            }
        }
    }

    private List<GqlField> gqlFields(TypeDefinitionRegistry reg) {
        List<GqlField> out = new ArrayList<>();
        for (TypeDefinition<?> t : reg.types().values()) {
            if (!(t instanceof ObjectTypeDefinition o)) {
                continue;
            }
            List<ObjectTypeDefinition> all = new ArrayList<>(List.of(o));
            reg.objectTypeExtensions().getOrDefault(o.getName(), List.of()).forEach(all::add);
            for (ObjectTypeDefinition d : all) {
                for (FieldDefinition f : d.getFieldDefinitions()) {
                    List<GqlSlot> slots = new ArrayList<>();
                    String coordinate = o.getName() + "." + f.getName();
                    gqlSlots(reg, coordinate, f.getInputValueDefinitions(), "", slots);
                    if (!slots.isEmpty()) {
                        out.add(new GqlField(coordinate, o.getName(), f, slots));
                    }
                }
            }
        }
        return out;
    }

    /** How a field on a type other than Query and Mutation is reached: from the caller's own school. */
    private String entry(String type, long schoolId, String inner) {
        return switch (type) {
            case "Query" -> "{ " + inner + " }";
            case "Mutation" -> "mutation { " + inner + " }";
            case "School" -> "{ school(id: \"" + schoolId + "\") { " + inner + " } }";
            default -> throw new AssertionError("the sweep does not know how to reach " + type + "'s fields; add an entry for it");
        };
    }

    private String gqlValue(TypeDefinitionRegistry reg, Type<?> type, String name, String path, GqlField f, Function<GqlSlot, Long> ids) {
        GqlSlot slot = f.slots().stream().filter(s -> s.path().equals(path)).findFirst().orElse(null);
        if (slot != null) {
            Long id = ids.apply(slot);
            boolean global = f.coordinate().equals("Query.node") || f.coordinate().equals("Query.nodes");
            String one = "\"" + (global ? uk.openattendance.platform.graphql.GlobalIds.encode("Pupil", own.get("school"), id) : id) + "\"";
            return slot.list() ? "[" + one + "]" : one;
        }
        String typeName = named(type).getName();
        String one;
        var def = reg.getType(typeName).orElse(null);
        if (def instanceof EnumTypeDefinition e) {
            one = e.getEnumValueDefinitions().get(0).getName();
        } else if (def instanceof InputObjectTypeDefinition in) {
            List<String> fields = new ArrayList<>();
            for (InputValueDefinition v : in.getInputValueDefinitions()) {
                String child = path + "." + v.getName();
                // a pupil's version (the fixtures' are 0) is checked before its register group: without it the group is never looked at
                boolean wanted = v.getType() instanceof NonNullType && v.getDefaultValue() == null || f.slots().stream().anyMatch(s -> s.path().startsWith(child))
                        || child.endsWith("pupil.version");
                if (wanted) {
                    fields.add(v.getName() + ": " + gqlValue(reg, v.getType(), v.getName(), child, f, ids));
                }
            }
            one = "{" + String.join(", ", fields) + "}";
        } else {
            one = switch (typeName) {
                // a contact's priority starts at 1: a 0 would be refused before the tenancy check is reached
                case "Int" -> name.equals("priority") ? "1" : "0";
                case "Boolean" -> "false";
                case "Float" -> "0.0";
                case "Date" -> JSON.valueToTree(name.equals("from") || name.equals("to") || gqlText(name).equals("Sweep value") ? MONDAY.toString()
                        : gqlText(name)).toString();
                case "LocalTime" -> "\"09:00\"";
                case "DateTime" -> "\"" + MONDAY + "T09:00:00Z\"";
                default -> JSON.valueToTree(path.endsWith("closure.code") ? "Y1" : gqlText(name)).toString();
            };
        }
        return isList(type) ? "[" + one + "]" : one;
    }

    private static String gqlText(String name) {
        return switch (name) {
            case "date", "asOf", "heldOn", "madeOn", "issuedOn" -> MONDAY.toString();
            case "firstDate" -> MONDAY.plusDays(7).toString();
            case "lastDate", "reviewDate" -> MONDAY.plusDays(8).toString();
            case "code" -> "N";
            case "triggerKey" -> "EVENT:0";
            case "purpose" -> "FIRST_DAY_ABSENCE";
            case "language" -> "pl";
            // values the services validate before they look at the school: a valid one lets the tenancy check answer
            case "patch" -> "{}";
            case "upn" -> TestWorld.upn();
            case "urn" -> String.valueOf(100000 + TestWorld.next() % 900000);
            case "yearGroup" -> "3";
            case "presetKey" -> PolicyPresets.PRIMARY_PORTSMOUTH;
            default -> "Sweep value";
        };
    }

    private String selection(TypeDefinitionRegistry reg, Type<?> type) {
        var def = reg.getType(named(type).getName()).orElse(null);
        if (def instanceof graphql.language.InterfaceTypeDefinition) {
            return "{ __typename id }";
        }
        if (!(def instanceof ObjectTypeDefinition o)) {
            return "";
        }
        List<String> scalars = new ArrayList<>(List.of("__typename"));
        for (FieldDefinition f : o.getFieldDefinitions()) {
            var fd = reg.getType(named(f.getType()).getName()).orElse(null);
            boolean scalar = fd == null || fd instanceof EnumTypeDefinition;
            if (scalar && f.getInputValueDefinitions().stream().noneMatch(a -> a.getType() instanceof NonNullType)) {
                scalars.add(f.getName());
            } else if (fd instanceof ObjectTypeDefinition inner && f.getInputValueDefinitions().isEmpty()) {
                List<String> innerScalars = inner.getFieldDefinitions().stream()
                        .filter(x -> reg.getType(named(x.getType()).getName()).map(EnumTypeDefinition.class::isInstance).orElse(true) && x.getInputValueDefinitions().isEmpty())
                        .map(FieldDefinition::getName).toList();
                if (!innerScalars.isEmpty()) {
                    scalars.add(f.getName() + " { " + String.join(" ", innerScalars) + " }");
                }
            }
        }
        return "{ " + String.join(" ", scalars) + " }";
    }

    private String gqlQuery(TypeDefinitionRegistry reg, GqlField f, Function<GqlSlot, Long> ids, long entrySchool) {
        List<String> args = new ArrayList<>();
        for (InputValueDefinition a : f.field().getInputValueDefinitions()) {
            boolean wanted = a.getType() instanceof NonNullType && a.getDefaultValue() == null || f.slots().stream().anyMatch(s -> s.path().equals(a.getName())
                    || s.path().startsWith(a.getName() + "."));
            if (wanted) {
                args.add(a.getName() + ": " + gqlValue(reg, a.getType(), a.getName(), a.getName(), f, ids));
            }
        }
        String inner = f.field().getName() + (args.isEmpty() ? "" : "(" + String.join(", ", args) + ")") + " " + selection(reg, f.field().getType());
        return entry(f.type(), entrySchool, inner);
    }

    private void judgeGraphql(Outcome out, GqlField f, boolean foreignSchool, GqlSlot slot, long foreignId) {
        record(out);
        if (out.status() >= 500) {
            fail(out, "a 5xx");
            return;
        }
        if (leaks(out)) {
            return;
        }
        JsonNode r;
        try {
            r = JSON.readTree(out.body());
        } catch (Exception e) {
            fail(out, "not JSON");
            return;
        }
        JsonNode error = r.path("errors").path(0);
        String code = error.path("extensions").path("code").asText("");
        List<String> fields = new ArrayList<>();
        error.path("extensions").path("errors").forEach(e -> fields.add(e.path("field").asText()));
        if (foreignSchool) {
            if (!(code.equals("NOT_FOUND") || code.equals("NOT_YOUR_CHILD"))) {
                fail(out, "expected NOT_FOUND: the caller has no standing in school B");
            }
            return;
        }
        int status = error.isMissingNode() ? 200 : code.equals("NOT_FOUND") || code.equals("NOT_YOUR_CHILD") ? 404
                : code.equals("PERMISSION_DENIED") || code.equals("FORBIDDEN") ? 403 : error.path("extensions").path("errors").isEmpty() ? 418 : 400;
        judgeRefusal(new Outcome(out.operation(), out.caller(), out.variant(), status, out.body()), f.coordinate() + " " + slot.name(), slot.name(), foreignId,
                code, fields);
    }

    // ---------------------------------------------------------------------------------------------------------------

    @Test
    void noCallerOfSchoolAReachesSchoolBsObjectsOrAnotherFamilysThroughAnyIdItCanSend() throws Exception {
        JsonNode doc = openApi();
        List<Operation> ops = operations(doc);
        TypeDefinitionRegistry reg = new SchemaParser().parse(new File("graphql/attendance.graphqls"));
        List<GqlField> fields = gqlFields(reg);

        List<String> unknown = new ArrayList<>();
        ops.forEach(o -> o.slots().stream().filter(s -> s.kind() == null).forEach(s -> unknown.add(o.key() + " " + s.name())));
        fields.forEach(f -> f.slots().stream().filter(s -> s.kind() == null).forEach(s -> unknown.add(f.coordinate() + " " + s.path())));
        assertThat(unknown).as("ids whose kind the sweep cannot name: add them to kindOf/idKind").isEmpty();
        Set<String> stale = new TreeSet<>(NOT_SWEPT.keySet());
        ops.forEach(o -> stale.remove(o.key()));
        assertThat(stale).as("operations excused from the sweep that the contract no longer has").isEmpty();

        long t0 = System.nanoTime();
        Map<String, String> before = schoolBRows();
        System.out.println("[figure] tenancy sweep checksum of school B: " + (System.nanoTime() - t0) / 1_000_000 + " ms, " + before.size() + " tables");
        Set<String> exercised = new TreeSet<>();
        long started = System.nanoTime();
        for (var caller : callers.entrySet()) {
            for (Operation o : ops) {
                if (NOT_SWEPT.containsKey(o.key())) {
                    continue;
                }
                for (Variant v : variants(o, caller.getKey())) {
                    var r = call(o, v, caller.getValue(), doc);
                    judgeRest(new Outcome(o.key(), caller.getKey(), v.label(), r.status(), r.body()), o, v);
                    exercised.add(o.key());
                }
            }
            for (GqlField f : fields) {
                boolean scoped = f.slots().stream().anyMatch(s -> !s.path().contains(".") && (s.kind().equals("school") || s.kind().equals("trust")))
                        || !f.type().equals("Query") && !f.type().equals("Mutation");
                if (scoped) {
                    String q = gqlQuery(reg, f, s -> foreign.get(s.kind()), schoolB);
                    var r = api.graphql(caller.getValue(), q);
                    judgeGraphql(new Outcome(f.coordinate(), caller.getKey(), "every id school B's: " + q, r.status(), r.body()), f, true, null, 0);
                }
                for (GqlSlot slot : f.slots()) {
                    if (!slot.path().contains(".") && (slot.kind().equals("school") || slot.kind().equals("trust"))) {
                        continue;
                    }
                    List<Map<String, Long>> targets = new ArrayList<>(List.of(foreign));
                    if (caller.getKey().equals("parent") && otherFamily.containsKey(slot.kind())) {
                        targets.add(otherFamily);
                    }
                    for (Map<String, Long> target : targets) {
                        String q = gqlQuery(reg, f, s -> (s == slot ? target : own).get(s.kind()), own.get("school"));
                        var r = api.graphql(caller.getValue(), q);
                        judgeGraphql(new Outcome(f.coordinate(), caller.getKey(), slot.path() + (target == foreign ? " school B's" : " another family's") + ": " + q,
                                r.status(), r.body()), f, false, slot, target.get(slot.kind()));
                    }
                }
                exercised.add(f.coordinate());
            }
        }
        long millis = (System.nanoTime() - started) / 1_000_000;
        Map<String, String> after = schoolBRows();
        System.out.println("[figure] tenancy sweep: " + requests + " requests over " + ops.size() + " REST operations and " + fields.size()
                + " GraphQL fields taking ids, 4 callers, " + millis + " ms; by status " + byStatus);

        Set<String> expected = new TreeSet<>();
        ops.stream().map(Operation::key).filter(k -> !NOT_SWEPT.containsKey(k)).forEach(expected::add);
        fields.forEach(f -> expected.add(f.coordinate()));
        assertThat(exercised).as("every operation and field taking an id is exercised").containsAll(expected);
        assertThat(failures).as(failures.size() + " answers broke tenancy").isEmpty();
        assertThat(leftOut).as("ids excused as left out that no answer left out: drop them from FOREIGN_ID_LEFT_OUT")
                .containsExactlyInAnyOrderElementsOf(FOREIGN_ID_LEFT_OUT);
        assertThat(after).as("school B's rows are exactly as before").isEqualTo(before);
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Ids in request bodies (issue 11, finding 6): each refused naming the field, with nothing written

    private Api.Response staffReport(String pupilIds, long contactId) {
        return api.post("/api/v1/schools/" + schoolA + "/absence-reports?channel=PHONE_CALL", callers.get("staff"), "{\"pupilIds\":[" + pupilIds
                + "],\"firstDate\":\"" + MONDAY + "\",\"category\":\"ILLNESS\",\"reason\":\"Parent phoned: a cold\",\"contactId\":" + contactId + "}");
    }

    private int reportsOfSchoolAToday() {
        return api.get("/api/v1/schools/" + schoolA + "/absence-reports?date=" + MONDAY, callers.get("staff")).json().get("items").size();
    }

    private void refusedNaming(Api.Response r, String code, String field) {
        assertThat(r.status()).as(r.body()).isEqualTo(400);
        assertThat(r.contentType()).startsWith("application/problem+json");
        assertThat(r.json().get("code").asText()).isEqualTo(code);
        assertThat(r.json().at("/errors/0/field").asText()).isEqualTo(field);
    }

    @Test
    void aStaffAbsenceReportNamingTheChildsOwnContactIsRecordedWithIt() {
        var r = staffReport(String.valueOf(ownChild), own.get("contact"));
        assertThat(r.status()).isEqualTo(201);
        assertThat(r.json().at("/0/contactId").asLong()).isEqualTo(own.get("contact"));
    }

    @Test
    void aStaffAbsenceReportNamingAnotherFamilysContactIsRefused() {
        int before = reportsOfSchoolAToday();
        var r = staffReport(String.valueOf(ownChild), otherFamily.get("contact"));
        refusedNaming(r, "REPORT_NOT_VALID", "contactId");
        assertThat(r.body()).doesNotContain("Otterburn");
        assertThat(reportsOfSchoolAToday()).as("nothing was recorded").isEqualTo(before);
    }

    @Test
    void aStaffAbsenceReportForTwoChildrenNamingAContactOfOnlyOneOfThemIsRefused() {
        int before = reportsOfSchoolAToday();
        var r = staffReport(ownChild + "," + otherFamily.get("pupil"), own.get("contact"));
        refusedNaming(r, "REPORT_NOT_VALID", "contactId");
        assertThat(reportsOfSchoolAToday()).isEqualTo(before);
    }

    @Test
    void aStaffAbsenceReportNamingAnotherSchoolsContactIsRefused() {
        int before = reportsOfSchoolAToday();
        var r = staffReport(String.valueOf(ownChild), foreign.get("contact"));
        refusedNaming(r, "REPORT_NOT_VALID", "contactId");
        assertThat(r.body()).doesNotContain("Quennell");
        assertThat(reportsOfSchoolAToday()).isEqualTo(before);
    }

    @Test
    void aSchoolRoleNamingAnotherTrustIsRefusedRatherThanEchoed() {
        var r = api.post("/api/v1/staff", callers.get("staff"), "{\"email\":\"sweep" + TestWorld.next() + "@example.org\",\"displayName\":\"Sid Sweep\","
                + "\"password\":\"" + TestWorld.PASSWORD + "\",\"role\":\"TEACHER\",\"schoolId\":" + schoolA + ",\"trustId\":" + trustB + "}");
        refusedNaming(r, "VALIDATION_FAILED", "trustId");
    }

    @Test
    void aLocalAuthorityReturnForAnotherSchoolsPupilIsRefusedNamingThePupil() {
        var r = api.post("/api/v1/schools/" + schoolA + "/local-authority-returns-made", callers.get("staff"), "{\"pupilId\":" + foreign.get("pupil")
                + ",\"kind\":\"NEW_PUPIL\",\"triggerKey\":\"EVENT:1\",\"madeOn\":\"" + MONDAY + "\"}");
        refusedNaming(r, "NOT_VALID", "pupilId");
        assertThat(r.body()).doesNotContain("Quennell");
    }

    @Test
    void anotherTrustsDefaultLettersAreNotFoundRatherThanForbidden() {
        var r = api.put("/api/v1/trusts/" + trustB + "/letter-templates/ATTENDANCE", callers.get("staff"), "{\"subject\":\"Attendance\",\"body\":\"<p>Hello</p>\"}");
        assertThat(r.status()).isEqualTo(404);
        assertThat(r.json().get("code").asText()).isEqualTo("NOT_FOUND");
    }

    @Test
    void aTrustWideKeyNamingASchoolOfAnotherTrustIsRefusedRatherThanSilentlyDropped() {
        String trustAdmin = world.staffLogin(api, Role.TRUST_ADMIN, null, own.get("trust"));
        var r = api.post("/api/v1/api-clients", trustAdmin, "{\"name\":\"Sweep MIS\",\"trustId\":" + own.get("trust") + ",\"schoolId\":" + schoolB
                + ",\"scopes\":[\"ROLL_READ\"]}");
        refusedNaming(r, "VALIDATION_FAILED", "schoolId");
        assertThat(r.body()).doesNotContain("oa_");
    }
}
