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
 * An integrator whose POST timed out must be able to send it again without creating the thing twice: every operation
 * that answers 201 Created takes an Idempotency-Key, except the few whose first answer holds a secret shown once (a
 * replay would have to keep that secret) or a file upload (retrying one stores the same bytes under the same
 * checksum, which the office sees and can remove).
 */
class OpenApiIdempotencyTest {
    private static final Map<String, String> WITHOUT_A_KEY = Map.of(
            "createApiClient", "the API key is shown in the first answer only; a replay would have to store it in clear",
            "subscribeWebhook", "the signing secret is shown in the first answer only; a replay would have to store it in clear",
            "attachToMyLeaveRequest", "a file upload: the same file again is stored under the same checksum and can be removed",
            "attachLeaveDocument", "a file upload: the same file again is stored under the same checksum and can be removed");

    @Test
    void everyCreatingPostTakesAnIdempotencyKey() throws IOException {
        Map<String, Object> doc = new Yaml().load(Files.readString(Path.of("openapi/attendance.yaml")));
        List<String> lacking = new ArrayList<>();
        int creating = 0;
        for (Map.Entry<String, Object> path : map(doc.get("paths")).entrySet()) {
            Map<String, Object> post = map(map(path.getValue()).get("post"));
            if (post.isEmpty() || !map(post.get("responses")).containsKey("201")) {
                continue;
            }
            creating++;
            String id = (String) post.get("operationId");
            boolean hasKey = list(post.get("parameters")).stream().anyMatch(p -> "Idempotency-Key".equals(map(p).get("name")));
            if (!hasKey && !WITHOUT_A_KEY.containsKey(id)) {
                lacking.add(id + " (POST " + path.getKey() + ")");
            }
        }
        System.out.printf("[figure] creating POSTs: %d; without an Idempotency-Key by design: %d%n", creating, WITHOUT_A_KEY.size());
        assertThat(lacking).as("creating POSTs without an Idempotency-Key (take one with @Header(Created.IDEMPOTENCY_KEY) and answer with Created)").isEmpty();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object o) {
        return o instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
    }

    @SuppressWarnings("unchecked")
    private static List<Object> list(Object o) {
        return o instanceof List<?> l ? (List<Object>) l : List.of();
    }
}
