package uk.openattendance.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.micronaut.context.annotation.Property;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.token.generator.TokenGenerator;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import uk.openattendance.fixtures.Api;
import uk.openattendance.fixtures.TestWorld;
import uk.openattendance.parent.app.ParentSignIn;
import uk.openattendance.platform.time.MutableClock;
import uk.openattendance.roll.app.Characteristics;
import uk.openattendance.roll.app.ContactService;
import uk.openattendance.roll.app.PupilView;
import uk.openattendance.security.Actor;
import uk.openattendance.security.Role;

/**
 * Every operation in the committed openapi/attendance.yaml, sent bad input of every kind an attacker or a careless
 * integrator could think of. Whatever arrives, the service answers 4xx problem+json (naming the field when it is a
 * validation answer), never 5xx, and a refused request leaves every table of this test's database exactly as it was.
 *
 * <p>Bounded: each operation gets every class of mutation that applies to it, but at most {@link #PER_CLASS} variants
 * of each, drawn with a fixed seed so every run sends the same requests.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FuzzIT {
    private static final int PER_CLASS = 3;
    private static final long SEED = 20261123L;
    // numbers such as 1e400 stay as written rather than becoming Infinity, which is not JSON
    private static final ObjectMapper JSON = new ObjectMapper().enable(com.fasterxml.jackson.databind.DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(com.fasterxml.jackson.databind.DeserializationFeature.USE_BIG_INTEGER_FOR_INTS);
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final LocalDate MONDAY = LocalDate.of(2026, 11, 23);
    private static final String SQL_AND_EMOJI = "Robert'); DROP TABLE pupil;-- \" OR 1=1 # \\ %_ 😀👩‍👩‍👧 \u0000 ﷽";
    private static final String HUGE_BODY = "{\"x\":\"" + "x".repeat(6 * 1024 * 1024) + "\"}";
    private static final String DEEP_JSON = "{\"x\":" + "[".repeat(5000) + "]".repeat(5000) + "}";
    /** Tables whose rows a refused request may rightly change: throttles and audits of failed attempts count refusals. */
    private static final Set<String> COUNTS_REFUSALS = Set.of("flyway_schema_history", "sign_in_throttle", "sign_in_audit");

    enum Mutation {
        MALFORMED_JSON, SCALAR_BODY, WRONG_TYPE, MISSING_REQUIRED, UNKNOWN_ENUM, NULL_VALUE, OVERSIZED_STRING, SIX_MB_BODY, DEEP_NESTING,
        SQL_AND_EMOJI, INVALID_DATE, EXTREME_NUMBER, BAD_PATH_ID, OTHER_SCHOOLS_ID,
        /** Not a mutation: the plausible request each operation's mutations start from, and the same with ids that exist nowhere. */
        CONTROL
    }

    /** What a request was answered: its status and the fields its refusal named. */
    record Answer(int status, Set<String> fields) {}

    /** Classes whose refusal must name the very field that was mutated. */
    private static final Set<Mutation> NAMES_THE_FIELD = EnumSet.of(Mutation.WRONG_TYPE, Mutation.MISSING_REQUIRED, Mutation.UNKNOWN_ENUM,
            Mutation.INVALID_DATE, Mutation.MALFORMED_JSON, Mutation.SCALAR_BODY, Mutation.DEEP_NESTING);

    @Inject EmbeddedServer server;
    @Inject TestWorld world;
    @Inject TokenGenerator tokens;
    @Inject ContactService contacts;
    @Property(name = "datasources.default.url") String jdbcUrl;
    @Inject MutableClock clock;

    Api api;
    Map<String, Object> spec;
    Map<String, Object> schemas;
    TestWorld.School mine;
    TestWorld.School theirs;
    PupilView myPupil;
    PupilView theirPupil;
    long myContact;
    long theirContact;
    String staff;
    String parent;
    List<String> tables;

    final Map<Integer, Integer> byStatus = new TreeMap<>();
    final Map<Mutation, Set<String>> covered = new EnumMap<>(Mutation.class);
    final List<String> failures = new ArrayList<>();
    int sent;
    String lastState;
    Answer baseline;
    Answer nowhere;
    long checksumNanos;
    int checksums;
    int changedByAcceptedWrites;
    Connection db;

    record Param(String name, String in, Map<String, Object> schema, boolean required) {}

    record Operation(String method, String path, List<Param> params, String bodyType, Map<String, Object> bodySchema) {
        String id() {
            return method + " " + path;
        }
    }

    /** One request to send: the operation, its path and query values, its body, and what is wrong with it. */
    record Case(Operation op, Mutation mutation, String field, Map<String, String> pathValues, Map<String, String> query, String body, String contentType,
            Map<String, String> headers) {}

    @BeforeAll
    void twoSchoolsWithStaffAndAParent() throws IOException {
        api = new Api(server.getURL().toString());
        mine = world.school();
        theirs = world.school();
        myPupil = world.pupil(mine, "Fenna", "Quill", LocalDate.of(2025, 9, 1), 0, Characteristics.none());
        theirPupil = world.pupil(theirs, "Oskar", "Thorn", LocalDate.of(2025, 9, 1), 0, Characteristics.none());
        world.parent(mine, myPupil, "Dana Quill", 401);
        world.parent(theirs, theirPupil, "Rafe Thorn", 402);
        myContact = contacts.contactsOf(Actor.system("tests"), mine.id(), myPupil.id()).get(0).contactId();
        theirContact = contacts.contactsOf(Actor.system("tests"), theirs.id(), theirPupil.id()).get(0).contactId();
        staff = world.staffLogin(api, Role.TRUST_ADMIN, null, mine.trustId());
        parent = "Bearer " + tokens.generateToken(Authentication.build(ParentSignIn.PRINCIPAL_PREFIX + myContact, List.of("PARENT"),
                Map.of("schoolId", mine.id())), 3600).orElseThrow();
        clock.set(LocalDateTime.of(MONDAY, LocalTime.of(10, 0)), ZoneId.of("Europe/London"));
        try (InputStream in = Files.newInputStream(Path.of("openapi/attendance.yaml"))) {
            LoaderOptions options = new LoaderOptions();
            options.setCodePointLimit(64 * 1024 * 1024);
            spec = new Yaml(options).load(in);
        }
        schemas = map(map(spec.get("components")).get("schemas"));
        try {
            db = java.sql.DriverManager.getConnection(jdbcUrl, "root", "");
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
        try (Statement s = db.createStatement();
                ResultSet rs = s.executeQuery("SELECT table_name FROM information_schema.tables WHERE table_schema = DATABASE() AND table_type = 'BASE TABLE'")) {
            List<String> names = new ArrayList<>();
            while (rs.next()) {
                if (!COUNTS_REFUSALS.contains(rs.getString(1))) {
                    names.add(rs.getString(1));
                }
            }
            Collections.sort(names);
            tables = names;
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @AfterAll
    void closeTheDatabase() throws java.sql.SQLException {
        db.close();
    }

    @Test
    void noInputGivesA5xxAndARefusedRequestChangesNothing() {
        long started = System.nanoTime();
        List<Operation> operations = operations();
        for (Operation op : operations) {
            List<Case> cases = cases(op);
            Case plausible = control(op, pathValues(op, false));
            baseline = send(plausible);
            Map<String, String> nowhereIds = pathValues(op, true);
            Map<String, String> mineIds = pathValues(op, false);
            nowhereIds.replaceAll((k, v) -> v.equals(mineIds.get(k)) ? v : "999999999");
            nowhere = nowhereIds.equals(mineIds) ? null : send(control(op, nowhereIds));
            for (Case c : cases) {
                send(c);
            }
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        String counts = byStatus.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(" "));
        System.out.printf(Locale.ROOT, "[figure] fuzz: %d requests over %d operations in %.1f s, by status: %s%n", sent, operations.size(), seconds, counts);
        System.out.printf(Locale.ROOT, "[figure] fuzz: %d checksums of %d tables took %.1f s%n", checksums, tables.size(), checksumNanos / 1e9);
        for (Mutation m : EnumSet.range(Mutation.MALFORMED_JSON, Mutation.OTHER_SCHOOLS_ID)) {
            System.out.printf(Locale.ROOT, "[figure] fuzz coverage: %s on %d of %d operations%n", m, covered.getOrDefault(m, Set.of()).size(), operations.size());
        }
        try {
            Files.writeString(Path.of("target/fuzz-failures.txt"), String.join("\n", failures));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        assertThat(failures).as(failures.size() + " failures; the first:\n" + String.join("\n", failures.subList(0, Math.min(60, failures.size())))).isEmpty();
        assertThat(changedByAcceptedWrites).as("accepted writes the checksum saw (it would miss a change by a refusal otherwise)").isPositive();
        for (Mutation m : EnumSet.range(Mutation.MALFORMED_JSON, Mutation.OTHER_SCHOOLS_ID)) {
            assertThat(covered.getOrDefault(m, Set.of())).as("operations that got " + m).isNotEmpty();
        }
    }

    // ---- the contract

    private List<Operation> operations() {
        List<Operation> out = new ArrayList<>();
        for (Map.Entry<String, Object> path : map(spec.get("paths")).entrySet()) {
            for (Map.Entry<String, Object> m : map(path.getValue()).entrySet()) {
                if (!Set.of("get", "post", "put", "patch", "delete").contains(m.getKey())) {
                    continue;
                }
                Map<String, Object> op = map(m.getValue());
                List<Param> params = new ArrayList<>();
                for (Object p : list(op.get("parameters"))) {
                    Map<String, Object> pm = map(p);
                    params.add(new Param((String) pm.get("name"), (String) pm.get("in"), resolve(map(pm.get("schema"))), Boolean.TRUE.equals(pm.get("required"))));
                }
                String bodyType = null;
                Map<String, Object> bodySchema = null;
                Map<String, Object> content = map(map(op.get("requestBody")).get("content"));
                if (!content.isEmpty()) {
                    bodyType = content.containsKey("application/json") ? "application/json" : content.keySet().iterator().next();
                    if ("application/merge-patch+json".equals(content.keySet().iterator().next())) {
                        bodyType = "application/merge-patch+json";
                    }
                    bodySchema = resolve(map(map(content.get(bodyType)).get("schema")));
                }
                out.add(new Operation(m.getKey().toUpperCase(Locale.ROOT), path.getKey(), params, bodyType, bodySchema));
            }
        }
        assertThat(out).as("operations in openapi/attendance.yaml").hasSizeGreaterThan(100);
        return out;
    }

    private Map<String, Object> resolve(Map<String, Object> schema) {
        Map<String, Object> s = schema;
        for (int guard = 0; guard < 20; guard++) {
            if (s.get("$ref") instanceof String ref) {
                s = map(schemas.get(ref.substring(ref.lastIndexOf('/') + 1)));
            } else if (s.get("allOf") instanceof List<?> all && !all.isEmpty()) {
                Map<String, Object> merged = new LinkedHashMap<>(s);
                merged.remove("allOf");
                for (Object part : all) {
                    Map<String, Object> r = resolve(map(part));
                    r.forEach(merged::putIfAbsent);
                }
                s = merged;
            } else {
                return s;
            }
        }
        return s;
    }

    // ---- valid values, by schema and by the names the contract uses

    private JsonNode valid(Map<String, Object> schema, String name, int depth) {
        Map<String, Object> s = resolve(schema);
        String type = (String) s.get("type");
        if (s.get("enum") instanceof List<?> values && !values.isEmpty()) {
            return NODES.textNode(String.valueOf(values.get(0)));
        }
        if ("object".equals(type) || s.containsKey("properties")) {
            ObjectNode o = NODES.objectNode();
            if (depth < 4) {
                map(s.get("properties")).forEach((k, v) -> o.set(k, valid(map(v), k, depth + 1)));
            }
            return o;
        }
        if ("array".equals(type)) {
            ArrayNode a = NODES.arrayNode();
            if (depth < 4) {
                a.add(valid(map(s.get("items")), singular(name), depth + 1));
            }
            return a;
        }
        if ("integer".equals(type)) {
            return NODES.numberNode(idFor(name));
        }
        if ("number".equals(type)) {
            return NODES.numberNode(1.5);
        }
        if ("boolean".equals(type)) {
            return NODES.booleanNode(false);
        }
        return NODES.textNode(text(name, (String) s.get("format")));
    }

    private static String singular(String name) {
        return name == null ? null : name.endsWith("Ids") ? name.substring(0, name.length() - 1) : name;
    }

    private long idFor(String name) {
        String n = name == null ? "" : name.toLowerCase(Locale.ROOT);
        if (n.startsWith("pupil")) {
            return myPupil.id();
        }
        if (n.startsWith("registergroup") || n.equals("groupid")) {
            return mine.registerGroupIds().get(0);
        }
        if (n.startsWith("contact")) {
            return myContact;
        }
        if (n.equals("schoolid")) {
            return mine.id();
        }
        if (n.equals("trustid")) {
            return mine.trustId();
        }
        if (n.equals("version") || n.equals("page")) {
            return 0;
        }
        if (n.equals("size")) {
            return 20;
        }
        return 1;
    }

    private static String text(String name, String format) {
        String n = name == null ? "" : name.toLowerCase(Locale.ROOT);
        if ("date".equals(format)) {
            return n.contains("birth") ? "2017-03-14" : MONDAY.toString();
        }
        if ("date-time".equals(format)) {
            return "2026-11-23T09:00:00Z";
        }
        if ("partial-time".equals(format)) {
            return "09:10";
        }
        if ("email".equals(format) || n.contains("email")) {
            return "fuzz" + TestWorld.next() + "@example.org";
        }
        if (n.contains("mobile") || n.contains("phone") || n.equals("address")) {
            return "07700 900417";
        }
        if (n.equals("upn")) {
            return TestWorld.upn();
        }
        if (n.equals("yeargroup")) {
            return "4";
        }
        if (n.equals("code")) {
            return "/";
        }
        if (n.equals("language")) {
            return "en";
        }
        if (n.contains("origin")) {
            return "https://www.school.example.org";
        }
        if (n.equals("zone")) {
            return "Europe/London";
        }
        if (n.contains("url")) {
            return "https://integrator.example.org/hooks";
        }
        if (n.contains("password")) {
            return TestWorld.PASSWORD;
        }
        if (n.contains("urn")) {
            return String.format("%06d", 100000 + TestWorld.next() % 800000);
        }
        return "Fuzz " + n;
    }

    /** Path values for this school (the caller's); {@code schoolId} and {@code trustId} can be swapped for another school's. */
    private Map<String, String> pathValues(Operation op, boolean theirs) {
        Map<String, String> v = new LinkedHashMap<>();
        for (Param p : op.params()) {
            if (!"path".equals(p.in())) {
                continue;
            }
            String n = p.name();
            String value = switch (n) {
                case "schoolId" -> String.valueOf(theirs ? this.theirs.id() : mine.id());
                case "trustId" -> String.valueOf(theirs ? this.theirs.trustId() : mine.trustId());
                case "pupilId" -> String.valueOf(theirs ? theirPupil.id() : myPupil.id());
                case "groupId" -> String.valueOf(theirs ? this.theirs.registerGroupIds().get(0) : mine.registerGroupIds().get(0));
                default -> valid(p.schema(), n, 0).asText();
            };
            v.put(n, java.net.URLEncoder.encode(value, java.nio.charset.StandardCharsets.UTF_8).replace("+", "%20"));
        }
        return v;
    }

    private Map<String, String> queryValues(Operation op) {
        Map<String, String> v = new LinkedHashMap<>();
        for (Param p : op.params()) {
            if ("query".equals(p.in()) && p.required()) {
                v.put(p.name(), valid(p.schema(), p.name(), 0).asText());
            }
        }
        return v;
    }

    private JsonNode baseline(Operation op) {
        if (op.path().endsWith("/policy") || op.path().endsWith("/policy-defaults")) {
            return json("{\"marks\":{\"unresolvedNLimitSchoolDays\":5},\"messaging\":{\"quietHoursStart\":\"21:00\"}}");
        }
        return valid(op.bodySchema(), null, 0);
    }

    // ---- the bad inputs

    private List<Case> cases(Operation op) {
        Random random = new Random(SEED ^ op.id().hashCode());
        Map<String, String> path = pathValues(op, false);
        Map<String, String> query = queryValues(op);
        Map<String, String> headers = headersFor(op);
        boolean json = op.bodyType() != null && op.bodyType().contains("json");
        boolean writes = !"GET".equals(op.method());
        JsonNode base = json ? baseline(op) : null;
        String baseBody = base == null ? null : base.toString();
        String type = op.bodyType() == null ? "application/json" : op.bodyType();
        Map<Mutation, List<Case>> all = new EnumMap<>(Mutation.class);
        Consumer<Case> add = c -> all.computeIfAbsent(c.mutation(), k -> new ArrayList<>()).add(c);

        // the body as a whole
        if (writes) {
            add.accept(new Case(op, Mutation.MALFORMED_JSON, "body", path, query, "{\"a\": [1, 2", "application/json", headers));
            add.accept(new Case(op, Mutation.MALFORMED_JSON, "body", path, query, "{'single': quotes}", "application/json", headers));
            add.accept(new Case(op, Mutation.SIX_MB_BODY, "body", path, query, HUGE_BODY, "application/json", headers));
            add.accept(new Case(op, Mutation.DEEP_NESTING, "body", path, query, DEEP_JSON, "application/json", headers));
            if (json) {
                for (String scalar : List.of("42", "true", "\"text\"", "null", "[]", "-0.0e999")) {
                    add.accept(new Case(op, Mutation.SCALAR_BODY, "body", path, query, scalar, type, headers));
                }
            } else if (op.bodyType() != null) {
                for (String odd : List.of("%", "a=%zz&b=%E0%A4%A", "\u0000\u0001", "------x\r\nContent-Disposition: form-data; name=\"file\"\r\n\r\n")) {
                    add.accept(new Case(op, Mutation.SCALAR_BODY, "body", path, query, odd, type, headers));
                }
            }
        }
        // each field of the body
        if (json) {
            List<Slot> slots = new ArrayList<>();
            slotsOf(base, op.bodySchema(), slots);
            for (Slot slot : slots) {
                String kind = slot.kind();
                add.accept(bodyCase(op, Mutation.WRONG_TYPE, slot, base, wrongType(kind), path, query, type, headers));
                add.accept(bodyCase(op, Mutation.NULL_VALUE, slot, base, NODES.nullNode(), path, query, type, headers));
                if (slot.required()) {
                    add.accept(bodyCase(op, Mutation.MISSING_REQUIRED, slot, base, null, path, query, type, headers));
                }
                if ("enum".equals(kind)) {
                    add.accept(bodyCase(op, Mutation.UNKNOWN_ENUM, slot, base, NODES.textNode("NOT_A_VALUE"), path, query, type, headers));
                }
                if (kind.equals("string") || kind.equals("enum") || kind.startsWith("date") || kind.equals("time")) {
                    add.accept(bodyCase(op, Mutation.SQL_AND_EMOJI, slot, base, NODES.textNode(SQL_AND_EMOJI), path, query, type, headers));
                    add.accept(bodyCase(op, Mutation.OVERSIZED_STRING, slot, base, NODES.textNode("ü".repeat(70_000)), path, query, type, headers));
                }
                if (kind.startsWith("date") || kind.equals("time")) {
                    for (String bad : List.of("2026-02-30", "23/11/2026", "2026-11-23T25:61:00Z", "24:60", "0000-00-00", "")) {
                        add.accept(bodyCase(op, Mutation.INVALID_DATE, slot, base, NODES.textNode(bad), path, query, type, headers));
                    }
                }
                if (kind.startsWith("date")) {
                    // valid ISO dates that no DATE column holds
                    for (String far : List.of("+292278994-08-17", "-0001-01-01", "9999-12-31")) {
                        add.accept(bodyCase(op, Mutation.EXTREME_NUMBER, slot, base, NODES.textNode(far), path, query, type, headers));
                    }
                }
                if (kind.equals("integer") || kind.equals("number")) {
                    for (String n : List.of("-1", "0", "9223372036854775807", "99999999999999999999999", "1e400", "-2147483649", "3.5")) {
                        add.accept(bodyCase(op, Mutation.EXTREME_NUMBER, slot, base, json(n), path, query, type, headers));
                    }
                    Long other = otherSchools(slot.name());
                    if (other != null) {
                        add.accept(bodyCase(op, Mutation.OTHER_SCHOOLS_ID, slot, base, NODES.numberNode(other), path, query, type, headers));
                    }
                }
            }
        }
        // each parameter in the path and the query
        for (Param p : op.params()) {
            if ("header".equals(p.in())) {
                continue;
            }
            String kind = kindOf(p.schema());
            List<String> bad = new ArrayList<>();
            Mutation m;
            if ("path".equals(p.in()) && "integer".equals(kind)) {
                for (String id : List.of("abc", "-1", "0", "99999999999999999999", "1.5", "%27%20OR%201=1", "1;DROP", "%F0%9F%98%80")) {
                    add.accept(paramCase(op, Mutation.BAD_PATH_ID, p, id, path, query, headers, baseBody, type));
                }
            }
            if ("integer".equals(kind) || "number".equals(kind)) {
                for (String n : List.of("-1", "9223372036854775808", "1e400", "NaN")) {
                    add.accept(paramCase(op, Mutation.EXTREME_NUMBER, p, n, path, query, headers, baseBody, type));
                }
                add.accept(paramCase(op, Mutation.WRONG_TYPE, p, "twelve", path, query, headers, baseBody, type));
            }
            if ("enum".equals(kind)) {
                add.accept(paramCase(op, Mutation.UNKNOWN_ENUM, p, "NOT_A_VALUE", path, query, headers, baseBody, type));
            }
            if (kind.startsWith("date") || kind.equals("time")) {
                for (String d : List.of("2026-02-30", "23-11-2026", "yesterday", "99999-01-01")) {
                    add.accept(paramCase(op, Mutation.INVALID_DATE, p, d, path, query, headers, baseBody, type));
                }
                for (String far : List.of("%2B292278994-08-17", "-0001-01-01", "9999-12-31", "0001-01-01")) {
                    add.accept(paramCase(op, Mutation.EXTREME_NUMBER, p, far, path, query, headers, baseBody, type));
                }
            }
            if ("query".equals(p.in()) || !"integer".equals(kind)) {
                add.accept(paramCase(op, Mutation.SQL_AND_EMOJI, p, java.net.URLEncoder.encode(SQL_AND_EMOJI, java.nio.charset.StandardCharsets.UTF_8), path, query,
                        headers, baseBody, type));
                add.accept(paramCase(op, Mutation.OVERSIZED_STRING, p, "x".repeat(3000), path, query, headers, baseBody, type));
            }
            if (p.required() && "query".equals(p.in())) {
                add.accept(paramCase(op, Mutation.MISSING_REQUIRED, p, null, path, query, headers, baseBody, type));
            }
        }
        if (!pathValues(op, true).equals(path)) {
            add.accept(new Case(op, Mutation.OTHER_SCHOOLS_ID, "path", pathValues(op, true), query, baseBody, type, headers));
        }
        List<Case> chosen = new ArrayList<>();
        all.forEach((mutation, list) -> {
            List<Case> pool = new ArrayList<>(list);
            Collections.shuffle(pool, random);
            chosen.addAll(pool.subList(0, Math.min(PER_CLASS, pool.size())));
        });
        return chosen;
    }

    private Case control(Operation op, Map<String, String> pathValues) {
        JsonNode base = op.bodyType() != null && op.bodyType().contains("json") ? baseline(op) : null;
        return new Case(op, Mutation.CONTROL, "none", pathValues, queryValues(op), base == null ? null : base.toString(),
                op.bodyType() == null ? "application/json" : op.bodyType(), headersFor(op));
    }

    private Map<String, String> headersFor(Operation op) {
        Map<String, String> h = new LinkedHashMap<>();
        String auth = op.path().contains("/parent/") ? (op.path().endsWith("/sign-in") || op.path().endsWith("/verify") ? null : parent)
                : op.path().contains("/webhooks/twilio/") ? null : staff;
        if (auth != null) {
            h.put("Authorization", auth);
        }
        if (op.path().contains("/webhooks/twilio/")) {
            h.put("X-Twilio-Signature", "bm90LXR3aWxpbw==");
        }
        return h;
    }

    private Long otherSchools(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        if (n.startsWith("pupil")) {
            return theirPupil.id();
        }
        if (n.startsWith("registergroup")) {
            return theirs.registerGroupIds().get(0);
        }
        if (n.startsWith("contact")) {
            return theirContact;
        }
        if (n.equals("schoolid")) {
            return theirs.id();
        }
        if (n.equals("trustid")) {
            return theirs.trustId();
        }
        return null;
    }

    record Slot(List<Object> path, String name, String kind, boolean required) {
        String dotted() {
            StringBuilder sb = new StringBuilder();
            for (Object p : path) {
                if (p instanceof Integer i) {
                    sb.append('[').append(i).append(']');
                } else {
                    sb.append(sb.isEmpty() ? "" : ".").append(p);
                }
            }
            return sb.toString();
        }
    }

    private void slotsOf(JsonNode node, Map<String, Object> schema, List<Slot> out) {
        walk(node, schema == null ? Map.of() : resolve(schema), new ArrayList<>(), null, false, out);
    }

    private void walk(JsonNode node, Map<String, Object> schema, List<Object> at, String name, boolean required, List<Slot> out) {
        if (node.isObject()) {
            if (!at.isEmpty()) {
                out.add(new Slot(List.copyOf(at), name, "object", required));
            }
            List<?> req = list(schema.get("required"));
            Map<String, Object> props = map(schema.get("properties"));
            node.fields().forEachRemaining(e -> {
                List<Object> next = new ArrayList<>(at);
                next.add(e.getKey());
                walk(e.getValue(), props.containsKey(e.getKey()) ? resolve(map(props.get(e.getKey()))) : Map.of(), next, e.getKey(), req.contains(e.getKey()), out);
            });
        } else if (node.isArray()) {
            out.add(new Slot(List.copyOf(at), name, "array", required));
            if (!node.isEmpty()) {
                List<Object> next = new ArrayList<>(at);
                next.add(0);
                walk(node.get(0), resolve(map(schema.get("items"))), next, singular(name), false, out);
            }
        } else {
            out.add(new Slot(List.copyOf(at), name, schema.isEmpty() ? kindOfValue(node) : kindOf(schema), required));
        }
    }

    private static String kindOfValue(JsonNode n) {
        return n.isIntegralNumber() ? "integer" : n.isNumber() ? "number" : n.isBoolean() ? "boolean" : "string";
    }

    private String kindOf(Map<String, Object> schema) {
        Map<String, Object> s = resolve(schema);
        if (s.containsKey("enum")) {
            return "enum";
        }
        String type = String.valueOf(s.get("type"));
        String format = String.valueOf(s.get("format"));
        if ("string".equals(type) && "date".equals(format)) {
            return "date";
        }
        if ("string".equals(type) && "date-time".equals(format)) {
            return "datetime";
        }
        if ("string".equals(type) && "partial-time".equals(format)) {
            return "time";
        }
        return "null".equals(type) ? "string" : type;
    }

    private static JsonNode wrongType(String kind) {
        return switch (kind) {
            case "string", "enum", "date", "datetime", "time" -> NODES.objectNode().put("not", "text");
            case "integer", "number" -> NODES.textNode("twelve");
            case "boolean" -> NODES.textNode("maybe");
            case "array" -> NODES.textNode("not a list");
            default -> NODES.numberNode(7);
        };
    }

    private Case bodyCase(Operation op, Mutation m, Slot slot, JsonNode base, JsonNode value, Map<String, String> path, Map<String, String> query, String type,
            Map<String, String> headers) {
        JsonNode copy = base.deepCopy();
        JsonNode parent = copy;
        for (int i = 0; i < slot.path().size() - 1; i++) {
            Object p = slot.path().get(i);
            parent = p instanceof Integer idx ? parent.get(idx) : parent.get((String) p);
        }
        Object last = slot.path().get(slot.path().size() - 1);
        if (last instanceof Integer idx) {
            ArrayNode a = (ArrayNode) parent;
            if (value == null) {
                a.remove(idx);
            } else {
                a.set(idx, value);
            }
        } else {
            ObjectNode o = (ObjectNode) parent;
            if (value == null) {
                o.remove((String) last);
            } else {
                o.set((String) last, value);
            }
        }
        return new Case(op, m, slot.dotted(), path, query, copy.toString(), type, headers);
    }

    private Case paramCase(Operation op, Mutation m, Param p, String raw, Map<String, String> path, Map<String, String> query, Map<String, String> headers,
            String body, String type) {
        Map<String, String> pv = new LinkedHashMap<>(path);
        Map<String, String> qv = new LinkedHashMap<>(query);
        if ("path".equals(p.in())) {
            pv.put(p.name(), raw);
        } else if (raw == null) {
            qv.remove(p.name());
        } else {
            qv.put(p.name(), raw);
        }
        return new Case(op, m, p.name(), pv, qv, body, type, headers);
    }

    // ---- sending and judging

    private Answer send(Case c) {
        String url = c.op().path();
        for (Map.Entry<String, String> e : c.pathValues().entrySet()) {
            url = url.replace("{" + e.getKey() + "}", e.getValue());
        }
        if (!c.query().isEmpty()) {
            url += "?" + c.query().entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining("&"));
        }
        boolean writes = !"GET".equals(c.op().method());
        String before = writes ? state() : null;
        Map<String, String> headers = new LinkedHashMap<>(c.headers());
        if (c.body() != null) {
            headers.put("Content-Type", c.contentType());
        }
        Api.Response r;
        try {
            r = api.sendBytes(c.op().method(), url, null, c.body() == null ? new byte[0] : c.body().getBytes(java.nio.charset.StandardCharsets.UTF_8), headers);
        } catch (RuntimeException e) {
            failures.add(describe(c, url) + " -> no answer: " + e);
            return null;
        }
        sent++;
        byStatus.merge(r.status(), 1, Integer::sum);
        covered.computeIfAbsent(c.mutation(), k -> new java.util.TreeSet<>()).add(c.op().id());
        String what = describe(c, url) + " -> " + r.status() + " " + abbreviate(r.body());
        if (r.status() >= 500) {
            failures.add("5xx: " + what);
            return null;
        }
        Answer answer = new Answer(r.status(), Set.of());
        if (r.status() >= 400) {
            answer = judgeRefusal(c, r, what);
            if (writes) {
                lastState = null;
                String after = state();
                if (!Objects.equals(before, after)) {
                    failures.add("changed by a refused request: " + what + " tables " + diff(before, after));
                }
                lastState = after;
            }
        } else {
            if (writes) {
                lastState = null;
                if (!Objects.equals(before, state())) {
                    changedByAcceptedWrites++;
                }
            }
            if (c.mutation() == Mutation.OTHER_SCHOOLS_ID && "path".equals(c.field()) && !anonymous(c.op())) {
                failures.add("another school's id was answered: " + what);
            }
        }
        return answer;
    }

    /** The parents' sign-in is open to anyone for any school; there is no caller whose school could differ. */
    private static boolean anonymous(Operation op) {
        return op.path().endsWith("/parent/sign-in") || op.path().endsWith("/parent/verify") || op.path().contains("/webhooks/twilio/");
    }

    private Answer judgeRefusal(Case c, Api.Response r, String what) {
        Answer unread = new Answer(r.status(), Set.of());
        if (r.contentType() == null || !r.contentType().startsWith(ProblemJson.MEDIA_TYPE)) {
            failures.add("not problem+json: " + what + " (" + r.contentType() + ")");
            return unread;
        }
        JsonNode body;
        try {
            body = JSON.readTree(r.body());
        } catch (IOException e) {
            failures.add("unreadable problem: " + what);
            return unread;
        }
        Set<String> fields = new java.util.TreeSet<>();
        body.path("errors").forEach(e -> fields.add(e.path("field").asText()));
        Answer answer = new Answer(r.status(), fields);
        if (body.path("status").asInt() != r.status() || body.path("title").asText().isBlank() || body.path("code").asText().isBlank()) {
            failures.add("incomplete problem: " + what);
        }
        // another school's id is not found; where the body is refused before any id is looked at, the answer is the one
        // an id that exists nowhere gets, so the refusal tells nothing about the other school
        if (c.mutation() == Mutation.OTHER_SCHOOLS_ID && "path".equals(c.field()) && r.status() != 404 && !anonymous(c.op())
                && (nowhere == null || !nowhere.equals(answer))) {
            failures.add("another school's id in the path should be 404 (an id that exists nowhere got " + nowhere + "): " + what);
        }
        boolean bodyLevel = "body".equals(c.field());
        boolean declaresJson = c.op().bodyType() != null && c.op().bodyType().contains("json");
        if ((r.status() == 400 || r.status() == 422) && NAMES_THE_FIELD.contains(c.mutation()) && !(bodyLevel && c.op().bodyType() == null)) {
            String leaf = leaf(c.field());
            boolean named = bodyLevel && !declaresJson ? !fields.isEmpty()
                    : fields.stream().anyMatch(f -> f.equals(c.field()) || f.endsWith(leaf) || f.contains(leaf));
            // a mutation the service accepts (an absent flag read as false) leaves the answer as the plausible request's
            if (!named && !answer.equals(baseline)) {
                failures.add("does not name " + c.field() + " (the plausible request got " + baseline + "): " + what);
            }
        }
        return answer;
    }

    private static String leaf(String field) {
        String f = field.replaceAll("\\[\\d+]$", "");
        return f.contains(".") ? f.substring(f.lastIndexOf('.') + 1) : f;
    }

    private static String describe(Case c, String url) {
        String body = c.body() == null ? "" : " body " + abbreviate(c.body());
        return c.mutation() + "(" + c.field() + ") " + c.op().method() + " " + url + body;
    }

    private static String abbreviate(String s) {
        String one = s == null ? "" : s.replace('\n', ' ');
        return one.length() > 300 ? one.substring(0, 300) + "…(" + one.length() + ")" : one;
    }

    /**
     * A checksum of every table of this test's own database (CHECKSUM TABLE covers each row, so an update shows too).
     * Kept from the last refused request until something is accepted, since a refusal changed nothing.
     */
    private String state() {
        if (lastState != null) {
            return lastState;
        }
        long started = System.nanoTime();
        checksums++;
        try (Statement s = db.createStatement(); ResultSet rs = s.executeQuery("CHECKSUM TABLE " + String.join(", ", tables))) {
            StringBuilder sb = new StringBuilder();
            while (rs.next()) {
                sb.append(rs.getString(1)).append('=').append(rs.getString(2)).append('\n');
            }
            lastState = sb.toString();
            checksumNanos += System.nanoTime() - started;
            return lastState;
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String diff(String before, String after) {
        Set<String> a = Set.of(before.split("\n"));
        return java.util.Arrays.stream(after.split("\n")).filter(l -> !a.contains(l)).map(l -> l.substring(0, l.indexOf('='))).collect(Collectors.joining(","));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object o) {
        return o instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
    }

    private static List<?> list(Object o) {
        return o instanceof List<?> l ? l : List.of();
    }

    private static JsonNode json(String s) {
        try {
            return JSON.readTree(s);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
