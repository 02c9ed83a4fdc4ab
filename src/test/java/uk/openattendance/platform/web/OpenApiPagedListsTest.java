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
 * Every list the API returns comes in the one envelope, {@code Page<T>} {items, page, size, totalItems, totalPages}, so
 * an integrator writes one loop for all of them and never meets a list that silently stops at some server limit. The
 * test reads openapi/attendance.yaml: a GET whose JSON success response is a bare array fails it.
 *
 * <p>Operations not paged yet are listed in openapi-bare-lists-not-yet.txt; the list may only shrink, so an operation
 * that is paged must leave it, and no new operation may join it.
 */
class OpenApiPagedListsTest {
    private static final Path NOT_YET = Path.of("src/test/resources/openapi-bare-lists-not-yet.txt");
    private static final List<String> ENVELOPE = List.of("items", "page", "size", "totalItems", "totalPages");

    @Test
    void everyListAnswersWithThePageEnvelope() throws IOException {
        Map<String, Object> doc = new Yaml().load(Files.readString(Path.of("openapi/attendance.yaml")));
        Map<String, Object> schemas = map(map(doc.get("components")).get("schemas"));
        Set<String> notYet = Files.readAllLines(NOT_YET).stream().map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#"))
                .collect(Collectors.toCollection(TreeSet::new));

        List<String> wrong = new ArrayList<>();
        Set<String> operations = new TreeSet<>();
        for (Map.Entry<String, Object> path : map(doc.get("paths")).entrySet()) {
            Map<String, Object> get = map(map(path.getValue()).get("get"));
            if (get.isEmpty()) {
                continue;
            }
            String id = (String) get.get("operationId");
            operations.add(id);
            boolean bare = bareArray(get, schemas);
            if (bare && !notYet.contains(id)) {
                wrong.add(id + " (GET " + path.getKey() + ") answers with a bare array: return Page<T> and take page and size");
            }
            if (!bare && notYet.contains(id)) {
                wrong.add(id + " is paged now: take it off " + NOT_YET);
            }
        }
        for (String id : notYet) {
            if (!operations.contains(id)) {
                wrong.add(id + " is in " + NOT_YET + " but is no GET operation of the file");
            }
        }
        assertThat(wrong).as("lists that are not in the Page envelope").isEmpty();
    }

    @Test
    void everyPageSchemaCarriesWhatAClientNeedsToFetchTheNext() throws IOException {
        Map<String, Object> doc = new Yaml().load(Files.readString(Path.of("openapi/attendance.yaml")));
        Map<String, Object> schemas = map(map(doc.get("components")).get("schemas"));
        List<String> pages = schemas.keySet().stream().filter(name -> name.startsWith("Page_")).sorted().toList();
        assertThat(pages).as("the Page envelopes of the document").isNotEmpty();
        for (String name : pages) {
            Map<String, Object> page = map(schemas.get(name));
            assertThat(map(page.get("properties")).keySet()).as(name).containsAll(ENVELOPE);
            assertThat(map(map(page.get("properties")).get("items")).get("type")).as(name + ".items").isEqualTo("array");
        }
    }

    /** Whether a 2xx JSON body of the operation is an array (directly or through the schema it names). */
    private static boolean bareArray(Map<String, Object> operation, Map<String, Object> schemas) {
        Map<String, Object> responses = map(operation.get("responses"));
        for (Map.Entry<String, Object> response : responses.entrySet()) {
            if (!String.valueOf(response.getKey()).startsWith("2")) {
                continue;
            }
            for (Map.Entry<String, Object> media : map(map(response.getValue()).get("content")).entrySet()) {
                if (media.getKey().contains("json") && "array".equals(resolve(map(map(media.getValue()).get("schema")), schemas).get("type"))) {
                    return true;
                }
            }
        }
        return false;
    }

    private static Map<String, Object> resolve(Map<String, Object> schema, Map<String, Object> schemas) {
        for (int depth = 0; depth < 5 && schema.get("$ref") instanceof String ref; depth++) {
            schema = map(schemas.get(ref.substring(ref.lastIndexOf('/') + 1)));
        }
        return schema;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object o) {
        return o instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
    }
}
