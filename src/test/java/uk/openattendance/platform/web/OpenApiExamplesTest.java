package uk.openattendance.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * Every operation in openapi/attendance.yaml shows an integrator what to send and what comes back: an example on its
 * request body, if it has one, and on its success response, if that has a body. An example may sit on the media type
 * or on the schema it names (a list's items count, and so do the items of a page or change-feed envelope, whose other
 * fields are the same for every list), which is where the controllers' records put them. A binary body (a PDF letter,
 * an SVG chart, a multipart upload whose every part is a file) needs none: its bytes say nothing an integrator could copy.
 *
 * <p>Operations still without one are listed in openapi-examples-not-yet.txt; the list may only shrink, so an operation
 * that gains its examples must leave it, and no new operation may join it.
 */
class OpenApiExamplesTest {
    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch");
    private static final Path NOT_YET = Path.of("src/test/resources/openapi-examples-not-yet.txt");

    @Test
    void everyOperationHasAnExampleOfItsRequestBodyAndOfItsSuccessResponse() throws IOException {
        Map<String, Object> doc = new Yaml().load(Files.readString(Path.of("openapi/attendance.yaml")));
        Map<String, Object> schemas = map(map(doc.get("components")).get("schemas"));
        Set<String> notYet = Files.readAllLines(NOT_YET).stream().map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#"))
                .collect(Collectors.toCollection(TreeSet::new));

        List<String> lacking = new ArrayList<>();
        Set<String> operations = new TreeSet<>();
        for (Map.Entry<String, Object> path : map(doc.get("paths")).entrySet()) {
            for (Map.Entry<String, Object> method : map(path.getValue()).entrySet()) {
                if (!METHODS.contains(method.getKey())) {
                    continue;
                }
                Map<String, Object> operation = map(method.getValue());
                String id = (String) operation.get("operationId");
                operations.add(id);
                List<String> missing = missing(operation, schemas);
                if (!missing.isEmpty() && !notYet.contains(id)) {
                    lacking.add(id + " (" + method.getKey().toUpperCase() + " " + path.getKey() + "): no example of its " + String.join(" or ", missing));
                }
                if (missing.isEmpty() && notYet.contains(id)) {
                    lacking.add(id + " has its examples now: take it off " + NOT_YET);
                }
            }
        }
        for (String id : notYet) {
            if (!operations.contains(id)) {
                lacking.add(id + " is in " + NOT_YET + " but is no operation of the file");
            }
        }
        assertThat(lacking).as("operations without examples (put @Schema(example = ...) on the record, or an @ExampleObject)").isEmpty();
    }

    private static List<String> missing(Map<String, Object> operation, Map<String, Object> schemas) {
        List<String> missing = new ArrayList<>();
        Map<String, Object> body = map(operation.get("requestBody"));
        if (!body.isEmpty() && !hasExample(map(body.get("content")), schemas)) {
            missing.add("request body");
        }
        Map<String, Object> responses = map(operation.get("responses"));
        responses.keySet().stream().filter(code -> code.startsWith("2")).sorted().findFirst().ifPresent(code -> {
            Map<String, Object> content = map(map(responses.get(code)).get("content"));
            if (!content.isEmpty() && !hasExample(content, schemas)) {
                missing.add(code + " response");
            }
        });
        return missing;
    }

    private static boolean hasExample(Map<String, Object> content, Map<String, Object> schemas) {
        if (!content.isEmpty() && content.entrySet().stream().allMatch(e -> binary(e.getKey()) || onlyFiles(e.getKey(), map(e.getValue())))) {
            return true;
        }
        return content.values().stream().map(OpenApiExamplesTest::map)
                .anyMatch(media -> media.containsKey("example") || media.containsKey("examples") || schemaHasExample(map(media.get("schema")), schemas, 0));
    }

    private static boolean binary(String mediaType) {
        return mediaType.equals("application/pdf") || mediaType.startsWith("image/") || mediaType.equals("application/octet-stream");
    }

    private static boolean onlyFiles(String mediaType, Map<String, Object> media) {
        Map<String, Object> parts = map(map(media.get("schema")).get("properties"));
        return mediaType.equals("multipart/form-data") && !parts.isEmpty()
                && parts.values().stream().allMatch(part -> "binary".equals(map(part).get("format")));
    }

    @SuppressWarnings("unchecked")
    private static boolean schemaHasExample(Map<String, Object> schema, Map<String, Object> schemas, int depth) {
        if (schema.isEmpty() || depth > 5) {
            return false;
        }
        if (schema.containsKey("example")) {
            return true;
        }
        if (schema.get("$ref") instanceof String ref) {
            return schemaHasExample(map(schemas.get(ref.substring(ref.lastIndexOf('/') + 1))), schemas, depth + 1);
        }
        if ("array".equals(schema.get("type"))) {
            return schemaHasExample(map(schema.get("items")), schemas, depth + 1);
        }
        Map<String, Object> envelopeItems = map(map(schema.get("properties")).get("items"));
        if ("array".equals(envelopeItems.get("type"))) {
            return schemaHasExample(envelopeItems, schemas, depth + 1);
        }
        if (schema.get("allOf") instanceof List<?> all && all.size() == 1) {
            return schemaHasExample(map(all.get(0)), schemas, depth + 1);
        }
        return false;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object o) {
        return o instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
    }
}
