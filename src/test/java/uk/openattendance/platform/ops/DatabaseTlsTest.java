package uk.openattendance.platform.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/** Production talks to its database over TLS unless told otherwise; only the embedded demo and the tests, whose MariaDB has none, turn it off. */
class DatabaseTlsTest {

    @Test
    void productionDatabaseConnectionsRequireTlsByDefault() throws Exception {
        String mode = sslMode("/application.yml");
        assertThat(mode).isEqualTo("${DB_SSL_MODE:REQUIRED}");
        assertThat(properties("/application.yml")).doesNotContainKey("useSSL");
    }

    @Test
    void theKubernetesManifestAsksForTlsThatVerifiesTheServerToo() throws Exception {
        // KubernetesManifestsTest resolves the whole setting and checks the CA is mounted; this is the plain-text guard
        String manifest = Files.readString(Path.of("infra/k8s/attendance.yaml"));
        assertThat(manifest).contains("DB_SSL_MODE: VERIFY_IDENTITY").doesNotContain("sslMode=PREFERRED").doesNotContain("useSSL=false");
    }

    @Test
    void onlyTheEmbeddedDemoAndTheTestsTurnTlsOff() throws Exception {
        assertThat(sslMode("/application-demo.yml")).isEqualTo("DISABLED");
        assertThat(sslMode("/application-test.yml")).isEqualTo("DISABLED");
    }

    private static String sslMode(String resource) throws Exception {
        return (String) properties(resource).get("sslMode");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> properties(String resource) throws Exception {
        try (InputStream in = DatabaseTlsTest.class.getResourceAsStream(resource)) {
            Map<String, Object> root = new Yaml().load(in);
            Map<String, Object> datasources = (Map<String, Object>) root.get("datasources");
            Map<String, Object> def = (Map<String, Object>) datasources.get("default");
            return (Map<String, Object>) def.get("data-source-properties");
        }
    }
}
