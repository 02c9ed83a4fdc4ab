package uk.openattendance.app.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import uk.openattendance.fixtures.Api;
import uk.openattendance.fixtures.TestWorld;

/**
 * Production's first start on an empty database of its own: BOOTSTRAP_* makes the first trust and platform
 * administrator and prints a one-time link; the administrator sets a password through it, signs in, creates a school
 * and gives it a headteacher, who signs in. The settings are then refused on the next start; a password reset works once.
 */
class BootstrapIT {
    private static final String DEFAULT_URL = "jdbc:mysql://127.0.0.1:3306/attendance_it?createDatabaseIfNotExist=true";
    private static final Pattern LINK = Pattern.compile("(https?://\\S+)/account/set-password\\.html#token=([A-Za-z0-9_-]+)");
    private final String database = "attendance_it_bootstrap_" + Long.toString(System.nanoTime() % 1_000_000_000L, 36);
    private final String url = freshDatabase();

    private String freshDatabase() {
        String base = System.getenv().getOrDefault("IT_DB_URL", DEFAULT_URL);
        // the same server as every IT, a database of this test's own: the bootstrap is consumed once per database
        return base.replaceFirst("(jdbc:mysql://[^/]+/)[^?]*", "$1" + database);
    }

    private Map<String, Object> settings(String email, String trust) {
        Map<String, Object> s = new HashMap<>();
        s.put("datasources.default.url", url.contains("createDatabaseIfNotExist") ? url : url + (url.contains("?") ? "&" : "?") + "createDatabaseIfNotExist=true");
        s.put("attendance.bootstrap.admin-email", email);
        s.put("attendance.bootstrap.admin-name", "Pat Operator");
        s.put("attendance.bootstrap.trust-name", trust);
        return s;
    }

    /** Runs something while capturing what the service prints on its console (the bootstrap's and reset's links). */
    private static String console(Supplier<?> action, Object[] result) {
        PrintStream original = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setOut(new PrintStream(new TeeStream(original, captured), true, StandardCharsets.UTF_8));
        try {
            result[0] = action.get();
        } finally {
            System.setOut(original);
        }
        return captured.toString(StandardCharsets.UTF_8);
    }

    @Test
    void theBootstrapLinkLetsTheFirstAdministratorSetAPasswordCreateASchoolAndGiveItAHeadWhoSignsIn() throws Exception {
        String admin = "operator" + TestWorld.next() + "@example.org";
        Object[] started = new Object[1];
        String printed = console(() -> ApplicationContext.run(EmbeddedServer.class, settings(admin, "First Trust"), "test"), started);
        EmbeddedServer server = (EmbeddedServer) started[0];
        try {
            Matcher link = LINK.matcher(printed);
            assertThat(link.find()).as(printed).isTrue();
            Api api = new Api(server.getURL().toString());
            assertThat(api.get("/account/set-password.html", null).body()).contains("Set your password");
            assertThat(signIn(api, admin, "a-password-nobody-was-told")).as("nobody knows the first random password").isEqualTo(401);

            String token = link.group(2);
            String password = "the operator's own passphrase";
            assertThat(api.post("/api/v1/auth/password", null, "{\"token\":\"" + token + "\",\"password\":\"" + password + "\"}").status()).isEqualTo(204);
            var again = api.post("/api/v1/auth/password", null, "{\"token\":\"" + token + "\",\"password\":\"another passphrase here\"}");
            assertThat(again.status()).as("the link works once").isEqualTo(400);
            assertThat(again.body()).contains("token");

            String bearer = api.login(admin, password);
            assertThat(bearer).isNotNull();
            long trustId = scalar("SELECT trust_id FROM platform_bootstrap WHERE id = 1");
            assertThat(scalar("SELECT COUNT(*) FROM trust")).isEqualTo(1);
            var school = api.post("/api/v1/schools", bearer, """
                    {"trustId":%d,"urn":"%06d","presetKey":"primary-gloucestershire","details":{"name":"First School","zone":"Europe/London",
                     "email":"office@first.example.org","allowedOrigins":["https://first.example.org"]}}""".formatted(trustId, 100000 + TestWorld.next() % 800000));
            assertThat(school.status()).as(school.body()).isEqualTo(201);
            long schoolId = school.json().get("id").asLong();
            var listed = api.get("/api/v1/schools", bearer);
            assertThat(listed.body()).as("the platform administrator sees the school it created").contains("First School");

            String head = "head" + TestWorld.next() + "@example.org";
            var made = api.post("/api/v1/staff", bearer, """
                    {"email":"%s","displayName":"Harriet Head","password":"%s","role":"HEADTEACHER","schoolId":%d}""".formatted(head, TestWorld.PASSWORD, schoolId));
            assertThat(made.status()).as(made.body()).isEqualTo(201);
            String headBearer = api.login(head, TestWorld.PASSWORD);
            assertThat(api.get("/api/v1/schools/" + schoolId, headBearer).status()).isEqualTo(200);
            assertThat(api.get("/api/v1/schools/" + schoolId + "/pupils", bearer).status())
                    .as("the platform administrator manages schools, not their pupils").isIn(403, 404);

            // a reset: the same answer for an unknown email; the link (on the console with the store sink) works once
            assertThat(api.post("/api/v1/auth/password-reset", null, "{\"email\":\"nobody" + TestWorld.next() + "@example.org\"}").status()).isEqualTo(202);
            Object[] r = new Object[1];
            String resetPrinted = console(() -> api.post("/api/v1/auth/password-reset", null, "{\"email\":\"" + head + "\"}"), r);
            assertThat(((Api.Response) r[0]).status()).isEqualTo(202);
            Matcher reset = LINK.matcher(resetPrinted);
            assertThat(reset.find()).as(resetPrinted).isTrue();
            assertThat(api.post("/api/v1/auth/password", null, "{\"token\":\"" + reset.group(2) + "\",\"password\":\"a brand new passphrase\"}").status())
                    .isEqualTo(204);
            assertThat(api.login(head, "a brand new passphrase")).isNotNull();
            assertThat(signIn(api, head, TestWorld.PASSWORD)).as("the old password stops working").isEqualTo(401);
        } finally {
            server.getApplicationContext().close();
        }

        // the next start with BOOTSTRAP_* still set (even different) makes nothing
        Object[] restarted = new Object[1];
        String second = console(() -> ApplicationContext.run(EmbeddedServer.class, settings("someone.else@example.org", "Second Trust"), "test"), restarted);
        ((EmbeddedServer) restarted[0]).getApplicationContext().close();
        assertThat(second).doesNotContain("set-password.html");
        assertThat(scalar("SELECT COUNT(*) FROM trust")).isEqualTo(1);
        assertThat(scalar("SELECT COUNT(*) FROM staff WHERE email = 'someone.else@example.org'")).isZero();
        try (Connection c = DriverManager.getConnection(url.replaceFirst("\\?.*", "") + "?sslMode=DISABLED", "root", "")) {
            c.createStatement().execute("DROP DATABASE " + database);
        }
    }

    private static int signIn(Api api, String email, String password) {
        return api.post("/api/v1/auth/login", null, "{\"username\":\"" + email + "\",\"password\":\"" + password + "\"}").status();
    }

    private long scalar(String sql) throws Exception {
        try (Connection c = DriverManager.getConnection(url.replaceFirst("\\?.*", "") + "?sslMode=DISABLED", "root", "");
                ResultSet rs = c.createStatement().executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static final class TeeStream extends java.io.OutputStream {
        private final java.io.OutputStream a;
        private final java.io.OutputStream b;

        TeeStream(java.io.OutputStream a, java.io.OutputStream b) {
            this.a = a;
            this.b = b;
        }

        @Override
        public void write(int x) throws java.io.IOException {
            a.write(x);
            b.write(x);
        }

        @Override
        public void write(byte[] bytes, int off, int len) throws java.io.IOException {
            a.write(bytes, off, len);
            b.write(bytes, off, len);
        }
    }
}
