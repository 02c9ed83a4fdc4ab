package uk.openattendance.platform.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;
import uk.openattendance.platform.settings.SettingsRules;

/**
 * What an operator gets from infra/: every manifest under infra/k8s parsed as Kubernetes reads it, and the service's
 * settings resolved the way the pod would resolve them (application.yml's placeholders filled from the container's
 * environment), so a manifest that would start a replica which sends nothing, cannot check Twilio's signatures, runs
 * as root, trusts any database certificate or runs an image other than the one the Dockerfile builds fails here and
 * not on a school's first morning.
 */
class KubernetesManifestsTest {
    private static final Path K8S = Path.of("infra/k8s");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)(?::([^}]*))?}");

    private static final List<Map<String, Object>> documents = new ArrayList<>();
    private static final StringBuilder comments = new StringBuilder();
    private static Map<String, Object> deployment;
    private static Map<String, Object> container;
    private static Map<String, String> environment;
    private static Map<String, String> applicationYml;

    @BeforeAll
    static void readManifests() throws IOException {
        try (Stream<Path> files = Files.list(K8S)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".yaml") || f.toString().endsWith(".yml")).sorted().toList()) {
                String text = Files.readString(file);
                text.lines().filter(l -> l.strip().startsWith("#")).forEach(l -> comments.append(l).append('\n'));
                for (Object doc : new Yaml().loadAll(text)) {
                    if (doc != null) {
                        documents.add(map(doc));
                    }
                }
            }
        }
        deployment = only("Deployment", "attendance");
        container = list(podSpec(deployment).get("containers")).stream().map(KubernetesManifestsTest::map)
                .filter(c -> "attendance".equals(c.get("name"))).findFirst().orElseThrow();
        environment = resolvedEnvironment(container);
        try (InputStream in = KubernetesManifestsTest.class.getResourceAsStream("/application.yml")) {
            applicationYml = new LinkedHashMap<>();
            for (Object doc : new Yaml().loadAll(in)) {
                flatten("", doc, applicationYml);
            }
        }
    }

    @Test
    void everyManifestIsAKubernetesObjectWithAKindAndAName() {
        assertThat(documents).isNotEmpty();
        for (Map<String, Object> doc : documents) {
            assertThat(doc).containsKeys("apiVersion", "kind", "metadata");
            assertThat(map(doc.get("metadata")).get("name")).as("name of a %s", doc.get("kind")).isNotNull();
        }
        assertThat(documents).extracting(d -> d.get("kind")).contains("Deployment", "Service", "ConfigMap", "PodDisruptionBudget", "StatefulSet");
        // Kubernetes refuses a ConfigMap whose value is a number or a boolean (DB_POOL_SIZE: 20): each must be quoted
        for (Map<String, Object> doc : documents) {
            if ("ConfigMap".equals(doc.get("kind"))) {
                map(doc.get("data")).forEach((k, v) -> assertThat(v).as("%s in %s", k, name(doc)).isInstanceOf(String.class));
            }
        }
    }

    @Test
    void theServiceIsConfiguredEntirelyFromSecretsAndConfigMapsThatExist() {
        for (Object e : list(container.get("env"))) {
            Map<String, Object> env = map(e);
            Map<String, Object> from = env.get("valueFrom") == null ? null : map(env.get("valueFrom"));
            assertThat(from).as("%s is set in the Deployment itself; put it in attendance-config or a Secret", env.get("name")).isNotNull();
            assertThat(from.keySet()).as("where %s comes from", env.get("name")).containsAnyOf("secretKeyRef", "configMapKeyRef");
            if (from.containsKey("configMapKeyRef")) {
                Map<String, Object> ref = map(from.get("configMapKeyRef"));
                assertThat(configMap((String) ref.get("name"))).as("ConfigMap %s", ref.get("name")).containsKey((String) ref.get("key"));
            } else {
                Map<String, Object> ref = map(from.get("secretKeyRef"));
                // Secrets are made outside git: the manifests' instructions must make every key the service reads
                assertThat(comments.toString()).as("how to create Secret %s", ref.get("name")).contains("create secret generic " + ref.get("name"));
                assertThat(comments.toString()).as("key %s of Secret %s", ref.get("key"), ref.get("name"))
                        .containsAnyOf("--from-literal=" + ref.get("key") + "=", "--from-file=" + ref.get("key"));
            }
        }
    }

    @Test
    void everySettingTheServiceRequiresInProductionIsSetAndTheStartupCheckPasses() {
        // the start-up check's own rules, over the settings as this pod resolves them
        assertThat(SettingsRules.problems(p -> Optional.ofNullable(setting(p)))).isEmpty();
        // with the default sink ("store") production would keep every text and send none, and the check cannot know
        assertThat(setting(SettingsRules.NOTIFY_SINK)).isEqualTo("send");
        assertThat(setting(SettingsRules.PUBLIC_BASE_URL)).startsWith("https://");
        // checked at start by LedgerKeys and SecretBox, and the database's: never a default, never a literal, never optional
        for (String property : List.of(SettingsRules.JWT_SECRET, "attendance.secrets.key", "attendance.ledger.keys", "attendance.ledger.seal-private-key",
                "datasources.default.password", "notify.twilio.auth-token")) {
            assertThat(sourceOf(property)).as(property).startsWith("Secret ");
        }
        for (String property : List.of("datasources.default.url", "datasources.default.username", SettingsRules.NOTIFY_SINK, SettingsRules.PUBLIC_BASE_URL,
                "notify.twilio.account-sid", "notify.twilio.from", "notify.smtp.host", "notify.smtp.from")) {
            assertThat(sourceOf(property)).as(property).matches("(Secret|ConfigMap) .*");
        }
        assertThat(setting("datasources.default.url")).startsWith("jdbc:mysql://").doesNotContain("127.0.0.1").doesNotContain("localhost");
        assertThat(setting("datasources.default.username")).isNotEqualTo("root");
    }

    @Test
    void theDatabaseIsReachedOverTlsThatChecksTheServerAgainstAMountedCa() {
        String mode = setting("datasources.default.data-source-properties.sslMode");
        assertThat(mode).isIn("VERIFY_IDENTITY", "VERIFY_CA", "REQUIRED");
        String url = setting("datasources.default.url");
        assertThat(url).doesNotContainIgnoringCase("sslMode=PREFERRED").doesNotContainIgnoringCase("sslMode=DISABLED").doesNotContainIgnoringCase("useSSL=false");
        Map<String, String> query = query(url);
        String store = query.get("trustCertificateKeyStoreUrl");
        assertThat(store).as("the CA the server's certificate is checked against").startsWith("file:");
        String path = store.substring("file:".length());
        Map<String, Object> mount = list(container.get("volumeMounts")).stream().map(KubernetesManifestsTest::map)
                .filter(m -> path.startsWith(m.get("mountPath") + "/")).findFirst().orElseThrow(() -> new AssertionError(path + " is not mounted"));
        assertThat(mount.get("readOnly")).isEqualTo(true);
        Map<String, Object> volume = volume(podSpec(deployment), (String) mount.get("name"));
        assertThat(volume).containsKey("secret");
        String secret = (String) map(volume.get("secret")).get("secretName");
        String file = path.substring(path.lastIndexOf('/') + 1);
        assertThat(comments.toString()).contains("create secret generic " + secret).contains("--from-file=" + file);
        // and the MySQL these manifests run refuses connections without TLS
        Map<String, Object> mysql = list(podSpec(only("StatefulSet", "attendance-mysql")).get("containers")).stream().map(KubernetesManifestsTest::map)
                .findFirst().orElseThrow();
        assertThat(list(mysql.get("args"))).contains("--require-secure-transport=ON").anyMatch(a -> a.toString().startsWith("--ssl-cert="));
    }

    @Test
    void aReplicaHasFiveMinutesToMigrateAndStartThenIsRestartedWithinAMinuteOfHanging() {
        Map<String, Object> startup = map(container.get("startupProbe"));
        Map<String, Object> liveness = map(container.get("livenessProbe"));
        Map<String, Object> readiness = map(container.get("readinessProbe"));
        assertThat(path(startup)).isEqualTo("/health/liveness");
        assertThat(path(liveness)).isEqualTo("/health/liveness");
        assertThat(path(readiness)).isEqualTo("/health/readiness");
        // Kubernetes' defaults: period 10 s, failure threshold 3, no initial delay
        assertThat(window(startup)).as("seconds a first start (migrating, or waiting on Flyway's lock) may take").isGreaterThanOrEqualTo(300);
        assertThat(window(liveness)).as("seconds a hung replica keeps its traffic").isLessThanOrEqualTo(60);
        assertThat(number(liveness, "initialDelaySeconds", 0)).as("the startup probe covers the start").isZero();
    }

    @Test
    void migrationsRunOnceWhenReplicasStartTogether() throws IOException {
        boolean job = documents.stream().anyMatch(d -> "Job".equals(d.get("kind")));
        if (!job) {
            // no migration Job: every replica migrates at start, serialised by Flyway's MySQL named lock
            assertThat(applicationYml.get("flyway.datasources.default.enabled")).isEqualTo("true");
            assertThat(window(map(container.get("startupProbe")))).isGreaterThanOrEqualTo(300);
        }
        assertThat(Files.readString(Path.of("infra/SCALING.md"))).contains("## Migrations").contains("GET_LOCK");
    }

    @Test
    void everyContainerRunsAsNonRootOnAReadOnlyRootFilesystemWithNoPrivileges() {
        int pods = 0;
        for (Map<String, Object> doc : documents) {
            Map<String, Object> spec = podSpecOrNull(doc);
            if (spec == null) {
                continue;
            }
            pods++;
            Map<String, Object> pod = spec.get("securityContext") == null ? Map.of() : map(spec.get("securityContext"));
            assertThat(spec.get("automountServiceAccountToken")).as("%s mounts an API token it never uses", name(doc)).isEqualTo(false);
            List<Object> all = new ArrayList<>(list(spec.get("containers")));
            if (spec.get("initContainers") != null) {
                all.addAll(list(spec.get("initContainers")));
            }
            for (Object c : all) {
                Map<String, Object> ctr = map(c);
                Map<String, Object> own = ctr.get("securityContext") == null ? Map.of() : map(ctr.get("securityContext"));
                String what = name(doc) + "/" + ctr.get("name");
                assertThat(own.getOrDefault("runAsNonRoot", pod.get("runAsNonRoot"))).as("%s runAsNonRoot", what).isEqualTo(true);
                Object user = own.getOrDefault("runAsUser", pod.get("runAsUser"));
                assertThat(user).as("%s runAsUser", what).isNotNull().isNotEqualTo(0);
                assertThat(own.get("readOnlyRootFilesystem")).as("%s readOnlyRootFilesystem", what).isEqualTo(true);
                assertThat(own.get("allowPrivilegeEscalation")).as("%s allowPrivilegeEscalation", what).isEqualTo(false);
                assertThat(list(map(own.get("capabilities")).get("drop"))).as("%s capabilities dropped", what).contains("ALL");
            }
        }
        assertThat(pods).isGreaterThanOrEqualTo(2);
        // the JVM needs somewhere to write: an emptyDir at /tmp, the directory the image points java.io.tmpdir at
        Map<String, Object> tmp = list(container.get("volumeMounts")).stream().map(KubernetesManifestsTest::map)
                .filter(m -> "/tmp".equals(m.get("mountPath"))).findFirst().orElseThrow(() -> new AssertionError("nothing writable at /tmp"));
        assertThat(volume(podSpec(deployment), (String) tmp.get("name"))).containsKey("emptyDir");
    }

    @Test
    void theImageRunsTheUserTheManifestExpectsAndSizesItselfForAContainer() throws IOException {
        String dockerfile = Files.readString(Path.of("infra/Dockerfile"));
        Matcher user = Pattern.compile("(?m)^USER (\\d+)(?::(\\d+))?\\s*$").matcher(dockerfile);
        assertThat(user.find()).as("a numeric USER, so runAsNonRoot can check it").isTrue();
        assertThat(Integer.parseInt(user.group(1))).isNotZero().isEqualTo(map(podSpec(deployment).get("securityContext")).get("runAsUser"));
        String options = dockerfile.lines().filter(l -> l.contains("JAVA_TOOL_OPTIONS=")).findFirst().orElseThrow();
        assertThat(options).contains("-XX:MaxRAMPercentage=").contains("-XX:+ExitOnOutOfMemoryError").contains("-Djava.io.tmpdir=/tmp");
        assertThat(dockerfile).containsPattern("(?m)^HEALTHCHECK .*").contains("/health/liveness");
    }

    @Test
    void theImageTagIsTheVersionThePomAndTheDockerfileBuild() throws IOException {
        String pom = Files.readString(Path.of("pom.xml"));
        Matcher project = Pattern.compile("<artifactId>attendance</artifactId>\\s*<version>([^<]+)</version>").matcher(pom);
        assertThat(project.find()).isTrue();
        String version = project.group(1);
        String dockerfile = Files.readString(Path.of("infra/Dockerfile"));
        assertThat(group(dockerfile, "(?m)^ARG VERSION=(\\S+)")).as("the Dockerfile's VERSION").isEqualTo(version);
        assertThat(dockerfile).contains("/src/target/attendance-${VERSION}.jar");
        assertThat(group(dockerfile, "-t open-attendance:(\\S+)")).as("the tag the Dockerfile says to build").isEqualTo(version);
        for (Map<String, Object> doc : documents) {
            Map<String, Object> spec = podSpecOrNull(doc);
            for (Object c : spec == null ? List.of() : list(spec.get("containers"))) {
                String image = (String) map(c).get("image");
                if (image.startsWith("open-attendance")) {
                    assertThat(image).as("image of %s", name(doc)).isEqualTo("open-attendance:" + version);
                }
            }
        }
    }

    @Test
    void replicasAreSpreadOverNodesAndADrainAlwaysLeavesOneServing() {
        Map<String, Object> spec = map(deployment.get("spec"));
        int replicas = (Integer) spec.get("replicas");
        assertThat(replicas).isGreaterThanOrEqualTo(2);
        Map<String, Object> labels = map(map(map(spec.get("template")).get("metadata")).get("labels"));
        Map<String, Object> antiAffinity = map(map(podSpec(deployment).get("affinity")).get("podAntiAffinity"));
        List<Map<String, Object>> terms = new ArrayList<>();
        for (Object t : list(antiAffinity.getOrDefault("preferredDuringSchedulingIgnoredDuringExecution", List.of()))) {
            terms.add(map(map(t).get("podAffinityTerm")));
        }
        for (Object t : list(antiAffinity.getOrDefault("requiredDuringSchedulingIgnoredDuringExecution", List.of()))) {
            terms.add(map(t));
        }
        assertThat(terms).anySatisfy(t -> {
            assertThat(t.get("topologyKey")).isEqualTo("kubernetes.io/hostname");
            assertThat(labels).containsAllEntriesOf(map(map(t.get("labelSelector")).get("matchLabels")));
        });
        Map<String, Object> budget = map(documents.stream().filter(d -> "PodDisruptionBudget".equals(d.get("kind")))
                .filter(d -> labels.entrySet().containsAll(map(map(map(d.get("spec")).get("selector")).get("matchLabels")).entrySet())).findFirst()
                .orElseThrow(() -> new AssertionError("no PodDisruptionBudget selects the service's pods")).get("spec"));
        int mayGo = budget.containsKey("maxUnavailable") ? (Integer) budget.get("maxUnavailable") : replicas - (Integer) budget.get("minAvailable");
        assertThat(mayGo).as("replicas a drain may take at once").isBetween(1, replicas - 1);
        Map<String, Object> rolling = map(map(spec.get("strategy")).get("rollingUpdate"));
        assertThat(rolling.get("maxUnavailable")).isEqualTo(0);
    }

    // --- reading manifests as Kubernetes does

    /** The container's environment, each variable's value as the pod would see it and where it came from. */
    private static final Map<String, String> sources = new LinkedHashMap<>();

    private static Map<String, String> resolvedEnvironment(Map<String, Object> ctr) {
        Map<String, String> env = new LinkedHashMap<>();
        for (Object e : list(ctr.get("env"))) {
            Map<String, Object> var = map(e);
            String name = (String) var.get("name");
            if (var.get("value") != null) {
                env.put(name, String.valueOf(var.get("value")));
                sources.put(name, "literal");
                continue;
            }
            Map<String, Object> from = map(var.get("valueFrom"));
            if (from.containsKey("configMapKeyRef")) {
                Map<String, Object> ref = map(from.get("configMapKeyRef"));
                Object value = configMap((String) ref.get("name")).get(ref.get("key"));
                if (value != null) {
                    env.put(name, String.valueOf(value));
                }
                sources.put(name, "ConfigMap " + ref.get("name") + "/" + ref.get("key"));
            } else if (from.containsKey("secretKeyRef")) {
                Map<String, Object> ref = map(from.get("secretKeyRef"));
                // not in git: stand in a value as long as a real key (the start-up check measures some)
                env.put(name, "from-secret-" + ref.get("name") + "-" + ref.get("key") + "-0123456789abcdef0123456789abcdef");
                sources.put(name, (Boolean.TRUE.equals(ref.get("optional")) ? "optional " : "") + "Secret " + ref.get("name") + "/" + ref.get("key"));
            }
        }
        return env;
    }

    /** A property of application.yml with its ${ENV:default} placeholders filled from the pod's environment. */
    private static String setting(String property) {
        String raw = applicationYml.get(property);
        if (raw == null) {
            return null;
        }
        Matcher m = PLACEHOLDER.matcher(raw);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String value = environment.get(m.group(1));
            if (value == null) {
                value = m.group(2) == null ? "" : m.group(2).replace("`", "");
            }
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        m.appendTail(out);
        String resolved = out.toString().strip();
        return resolved.isEmpty() ? null : resolved;
    }

    /** Where the environment variable behind a property comes from: "Secret name/key", "ConfigMap name/key", "literal" or "unset". */
    private static String sourceOf(String property) {
        String raw = Objects.requireNonNull(applicationYml.get(property), property + " is not in application.yml");
        Matcher m = PLACEHOLDER.matcher(raw);
        assertThat(m.find()).as("%s is read from the environment", property).isTrue();
        return sources.getOrDefault(m.group(1), "unset " + m.group(1));
    }

    private static void flatten(String prefix, Object node, Map<String, String> out) {
        if (node instanceof Map<?, ?> m) {
            m.forEach((k, v) -> flatten(prefix.isEmpty() ? String.valueOf(k) : prefix + "." + k, v, out));
        } else if (node != null && !(node instanceof List<?>)) {
            out.put(prefix, String.valueOf(node));
        }
    }

    private static Map<String, Object> only(String kind, String name) {
        return documents.stream().filter(d -> kind.equals(d.get("kind")) && name.equals(map(d.get("metadata")).get("name"))).findFirst()
                .orElseThrow(() -> new AssertionError("no " + kind + " " + name + " in " + K8S));
    }

    private static Map<String, Object> configMap(String name) {
        return map(only("ConfigMap", name).get("data"));
    }

    private static Map<String, Object> podSpec(Map<String, Object> doc) {
        return Objects.requireNonNull(podSpecOrNull(doc), name(doc) + " has no pod template");
    }

    private static Map<String, Object> podSpecOrNull(Map<String, Object> doc) {
        Object spec = doc.get("spec");
        if (spec == null || !List.of("Deployment", "StatefulSet", "DaemonSet", "Job", "CronJob").contains(doc.get("kind"))) {
            return null;
        }
        Map<String, Object> s = map(spec);
        if ("CronJob".equals(doc.get("kind"))) {
            s = map(map(s.get("jobTemplate")).get("spec"));
        }
        return map(map(s.get("template")).get("spec"));
    }

    private static Map<String, Object> volume(Map<String, Object> spec, String name) {
        return list(spec.get("volumes")).stream().map(KubernetesManifestsTest::map).filter(v -> name.equals(v.get("name"))).findFirst()
                .orElseThrow(() -> new AssertionError("no volume " + name));
    }

    private static String name(Map<String, Object> doc) {
        return doc.get("kind") + " " + map(doc.get("metadata")).get("name");
    }

    private static String path(Map<String, Object> probe) {
        return (String) map(probe.get("httpGet")).get("path");
    }

    /** Seconds from the first check until the kubelet gives up: initial delay plus period times failure threshold. */
    private static int window(Map<String, Object> probe) {
        return number(probe, "initialDelaySeconds", 0) + number(probe, "periodSeconds", 10) * number(probe, "failureThreshold", 3);
    }

    private static int number(Map<String, Object> probe, String key, int otherwise) {
        Object v = probe.get(key);
        return v == null ? otherwise : (Integer) v;
    }

    private static Map<String, String> query(String jdbcUrl) {
        Map<String, String> out = new LinkedHashMap<>();
        int q = jdbcUrl.indexOf('?');
        if (q >= 0) {
            for (String pair : jdbcUrl.substring(q + 1).split("&")) {
                int eq = pair.indexOf('=');
                out.put(pair.substring(0, Math.max(eq, 0)), URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return out;
    }

    private static String group(String text, String regex) {
        Matcher m = Pattern.compile(regex).matcher(text);
        return m.find() ? m.group(1) : null;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object o) {
        return o == null ? Map.of() : (Map<String, Object>) o;
    }

    @SuppressWarnings("unchecked")
    private static List<Object> list(Object o) {
        return o == null ? List.of() : (List<Object>) o;
    }
}
