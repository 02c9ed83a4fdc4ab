package uk.openattendance.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * Every list the API returns comes in the one envelope, {@code Page<T>} {items, page, size, totalItems, totalPages}, so
 * an integrator writes one loop for all of them and never meets a list that silently stops at some server limit. The
 * test reads openapi/attendance.yaml: a GET whose JSON success response is a bare array fails it.
 * A POST that creates several things (one absence report per child) may answer with what it created: that is no list.
 */
class OpenApiPagedListsTest {
    private static final List<String> ENVELOPE = List.of("items", "page", "size", "totalItems", "totalPages");

    @Test
    void everyListAnswersWithThePageEnvelope() throws IOException {
        Map<String, Object> doc = new Yaml().load(Files.readString(Path.of("openapi/attendance.yaml")));
        Map<String, Object> schemas = map(map(doc.get("components")).get("schemas"));
        List<String> wrong = new ArrayList<>();
        for (Map.Entry<String, Object> path : map(doc.get("paths")).entrySet()) {
            Map<String, Object> get = map(map(path.getValue()).get("get"));
            if (get.isEmpty()) {
                continue;
            }
            String id = (String) get.get("operationId");
            if (bareArray(get, schemas)) {
                wrong.add(id + " (GET " + path.getKey() + ") answers with a bare array: return Page<T> and take page and size");
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
