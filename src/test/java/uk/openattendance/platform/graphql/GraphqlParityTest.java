package uk.openattendance.platform.graphql;

import static org.assertj.core.api.Assertions.assertThat;

import graphql.language.FieldDefinition;
import graphql.language.ObjectTypeDefinition;
import graphql.schema.idl.SchemaParser;
import graphql.schema.idl.TypeDefinitionRegistry;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * Third-party front ends only speak GraphQL, so every REST read and write must have a GraphQL twin (issue 16). An
 * operation maps to the root field named like its operationId without a leading list/get, or to the field named in
 * {@link #EXPLICIT}; the few that cannot exist in GraphQL are in {@link #REST_ONLY}, each with its reason.
 */
class GraphqlParityTest {

    /** Operations GraphQL does not and should not carry, with why. */
    static final Map<String, String> REST_ONLY = Map.ofEntries(
            Map.entry("logIn", "issues the bearer token every GraphQL call needs; GraphQL is for callers already signed in"),
            Map.entry("requestPasswordReset", "public, before any token: a credential flow stays on the auth endpoints"),
            Map.entry("setPassword", "a credential flow (reset tokens, first password) stays on the auth endpoints"),
            Map.entry("startParentSignIn", "public, before any token: a parent asks for a one-time code"),
            Map.entry("verifyParentCode", "public, before any token: exchanges the one-time code for a token"),
            Map.entry("receiveSms", "Twilio webhook: Twilio posts signed form data, not GraphQL"),
            Map.entry("receiveStatus", "Twilio webhook: Twilio posts signed form data, not GraphQL"),
            Map.entry("attachLeaveDocument", "file upload (multipart); GraphQL lists the documents on LeaveRequest.documents"),
            Map.entry("attachToMyLeaveRequest", "file upload (multipart); GraphQL lists the documents on LeaveRequest.documents"),
            Map.entry("getLeaveDocument", "a file download (the uploaded bytes), not JSON"),
            Map.entry("getLetterPdf", "a PDF download, not JSON"),
            Map.entry("getMyLetterPdf", "a PDF download, not JSON"),
            Map.entry("printLetters", "answers a PDF print run, not JSON"),
            Map.entry("printQueuedLetters", "answers a PDF print run, not JSON"),
            Map.entry("importPupils", "a CSV file upload"),
            Map.entry("importContacts", "a CSV file upload"),
            Map.entry("importMarks", "a CSV file upload"),
            Map.entry("createStaff", "carries the new account's first password: credentials travel only on the REST auth and staff endpoints, "
                    + "never in GraphQL query text that explorers, clients and proxies keep"),
            Map.entry("getLedgerSeal", "a signed JSON document downloaded as a file to keep; GraphQL lists the seals (ledgerSeals) with their download"),
            Map.entry("verifySchoolHistoryAgainstSeal", "uploads the signed seal file exactly as downloaded, so its signature can be checked"));

    /** Operations whose GraphQL twin is not named by the convention: a root field, or Type.field reached from one. */
    static final Map<String, String> EXPLICIT = Map.ofEntries(
            Map.entry("reviewTemplate", "Mutation.reviewMessageTemplate"),
            Map.entry("submitRegister", "Mutation.takeRegister"),
            Map.entry("requestLeaveForMyChild", "Mutation.requestMyChildsLeave"),
            Map.entry("getSchoolAttendance", "Query.attendance"),
            Map.entry("getSchoolAttendanceChart", "Query.attendanceChart"),
            Map.entry("getPupilAttendanceChart", "Query.attendanceChart"),
            Map.entry("getRegisterGroupAttendanceChart", "Query.attendanceChart"),
            Map.entry("listPenaltyNoticeCandidates", "Query.penaltyNoticeMonitor"),
            Map.entry("listInbound", "Query.inboundMessages"),
            Map.entry("listWebhooks", "Query.webhookSubscriptions"),
            Map.entry("getWebhook", "Query.webhookSubscription"),
            Map.entry("listWebhookDeliveries", "Query.webhookDeliveries"),
            Map.entry("listRegisterGroups", "School.registerGroups"),
            Map.entry("listPupils", "School.pupils"),
            Map.entry("listTemplates", "Query.messageTemplates"),
            Map.entry("saveTemplate", "Mutation.saveMessageTemplate"),
            Map.entry("resetTemplate", "Mutation.resetMessageTemplate"));

    /** Operations still without a GraphQL twin: this list only shrinks; the test prints its size. */
    static final Set<String> NOT_YET = Set.of();

    record Operation(String id, String method, String path) {}

    static List<Operation> restOperations() throws Exception {
        Map<String, Object> doc = new Yaml().load(Files.readString(Path.of("openapi/attendance.yaml")));
        @SuppressWarnings("unchecked")
        Map<String, Map<String, Object>> paths = (Map<String, Map<String, Object>>) doc.get("paths");
        List<Operation> out = new ArrayList<>();
        paths.forEach((path, ops) -> ops.forEach((method, op) -> {
            if (Set.of("get", "post", "put", "patch", "delete").contains(method)) {
                @SuppressWarnings("unchecked")
                String id = String.valueOf(((Map<String, Object>) op).get("operationId"));
                out.add(new Operation(id, method.toUpperCase(), path));
            }
        }));
        return out;
    }

    /** Type.field for every field of Query, Mutation and the object types, extensions included. */
    static Set<String> graphqlCoordinates(TypeDefinitionRegistry reg) {
        Set<String> out = new TreeSet<>();
        reg.types().values().forEach(t -> {
            if (t instanceof ObjectTypeDefinition o) {
                o.getFieldDefinitions().forEach(f -> out.add(o.getName() + "." + f.getName()));
                reg.objectTypeExtensions().getOrDefault(o.getName(), List.of())
                        .forEach(x -> x.getFieldDefinitions().forEach(f -> out.add(o.getName() + "." + f.getName())));
            }
        });
        return out;
    }

    static List<FieldDefinition> rootFields(TypeDefinitionRegistry reg, String type) {
        List<FieldDefinition> out = new ArrayList<>(((ObjectTypeDefinition) reg.getType(type).orElseThrow()).getFieldDefinitions());
        reg.objectTypeExtensions().getOrDefault(type, List.of()).forEach(x -> out.addAll(x.getFieldDefinitions()));
        return out;
    }

    /** listLetters → letters, getLeaveRequest → leaveRequest, reportAbsence → reportAbsence. */
    static String conventional(String operationId) {
        String rest = operationId.replaceFirst("^(list|get)(?=[A-Z])", "");
        return Character.toLowerCase(rest.charAt(0)) + rest.substring(1);
    }

    static String twin(String operationId, Set<String> coordinates) {
        if (EXPLICIT.containsKey(operationId)) {
            return EXPLICIT.get(operationId);
        }
        String field = conventional(operationId);
        for (String root : List.of("Query." + field, "Mutation." + field, "Query." + operationId, "Mutation." + operationId)) {
            if (coordinates.contains(root)) {
                return root;
            }
        }
        return null;
    }

    @Test
    void everyRestOperationHasAGraphqlTwinOverTheSameServiceUnlessListedAsRestOnly() throws Exception {
        TypeDefinitionRegistry reg = new SchemaParser().parse(new File("graphql/attendance.graphqls"));
        Set<String> coordinates = graphqlCoordinates(reg);
        List<Operation> ops = restOperations();
        int queries = rootFields(reg, "Query").size();
        int mutations = rootFields(reg, "Mutation").size();
        Map<String, String> unmapped = new TreeMap<>();
        Set<String> mappedButListedNotYet = new TreeSet<>();
        for (Operation o : ops) {
            String twin = twin(o.id(), coordinates);
            if (REST_ONLY.containsKey(o.id())) {
                continue;
            }
            if (twin == null || !coordinates.contains(twin)) {
                if (!NOT_YET.contains(o.id())) {
                    unmapped.put(o.id(), o.method() + " " + o.path());
                }
            } else if (NOT_YET.contains(o.id())) {
                mappedButListedNotYet.add(o.id());
            }
        }
        System.out.printf("[figure] GraphQL root fields: %d (%d queries, %d mutations); REST operations: %d, REST-only %d, "
                + "GraphQL parity not yet: %d%n", queries + mutations, queries, mutations, ops.size(), REST_ONLY.size(), NOT_YET.size());
        assertThat(unmapped).as("REST operations with no GraphQL twin: add the field (same service method) or list it REST-only with a reason")
                .isEmpty();
        assertThat(mappedButListedNotYet).as("operations that now have a GraphQL twin: take them off NOT_YET").isEmpty();
        Set<String> ids = new TreeSet<>();
        ops.forEach(o -> ids.add(o.id()));
        Set<String> stale = new TreeSet<>(REST_ONLY.keySet());
        stale.addAll(EXPLICIT.keySet());
        stale.addAll(NOT_YET);
        stale.removeAll(ids);
        assertThat(stale).as("listed operations the OpenAPI file no longer has").isEmpty();
    }

    @Test
    void theNamingConventionDropsAListOrGetPrefix() {
        assertThat(conventional("listLetters")).isEqualTo("letters");
        assertThat(conventional("getLeaveRequest")).isEqualTo("leaveRequest");
        assertThat(conventional("reportAbsence")).isEqualTo("reportAbsence");
        assertThat(conventional("getaway")).isEqualTo("getaway");
    }
}
