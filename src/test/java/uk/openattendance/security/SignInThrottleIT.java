package uk.openattendance.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.context.annotation.Property;
import io.micronaut.context.annotation.Value;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import uk.openattendance.fixtures.Api;
import uk.openattendance.fixtures.TestWorld;

/**
 * Guessing staff passwords or farming parents' codes is throttled per account and per client address, in the
 * database, so every replica refuses the same guesser (StaffAccessIT shows it with two replicas); an unknown account
 * costs the same time and answers the same.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Property(name = "attendance.sign-in.trust-forwarded-for", value = "true")
@Property(name = "attendance.sign-in.staff-failures-per-address", value = "8")
@Property(name = "attendance.sign-in.parent-requests-per-address", value = "3")
class SignInThrottleIT {
    private static final Actor SYSTEM = Actor.system("tests");

    @Inject EmbeddedServer server;
    @Inject TestWorld world;
    @Inject StaffService staff;
    @Value("${datasources.default.url}") String dbUrl;

    Api api;
    TestWorld.School school;

    @BeforeAll
    void oneSchool() {
        api = new Api(server.getURL().toString());
        school = world.school();
    }

    @Test
    void aGuessedPasswordIsLockedOutAfterFiveFreeFailuresAndTheRightPasswordIsRefusedDuringTheLockout() {
        String email = teacher();
        String from = address();
        for (int i = 1; i <= 6; i++) {
            var r = login(api, email, "guess-" + i, from);
            assertThat(r.status()).as("failure " + i + " is judged").isEqualTo(401);
            assertThat(r.json().get("code").asText()).isEqualTo("SIGN_IN_FAILED");
        }
        var locked = login(api, email, TestWorld.PASSWORD, address());
        assertThat(locked.status()).as("the right password, even from elsewhere, waits out the lockout").isEqualTo(429);
        assertThat(locked.contentType()).startsWith("application/problem+json");
        assertThat(locked.json().get("code").asText()).isEqualTo("TOO_MANY_SIGN_INS");
        assertThat(locked.header("Retry-After")).isEqualTo("60");
    }

    @Test
    void aLockedUnknownAccountAnswersExactlyAsALockedRealOne() {
        String real = teacher();
        String unknown = "nobody" + TestWorld.next() + "x" + ThreadLocalRandom.current().nextInt(1_000_000) + "@example.org";
        for (int i = 1; i <= 6; i++) {
            var a = login(api, real, "guess-" + i, address());
            var b = login(api, unknown, "guess-" + i, address());
            assertThat(b.status()).isEqualTo(a.status()).isEqualTo(401);
            assertThat(b.body()).isEqualTo(a.body());
        }
        var realLocked = login(api, real, TestWorld.PASSWORD, address());
        var unknownLocked = login(api, unknown, TestWorld.PASSWORD, address());
        assertThat(realLocked.status()).isEqualTo(429);
        assertThat(unknownLocked.status()).isEqualTo(429);
        assertThat(unknownLocked.body()).isEqualTo(realLocked.body());
        assertThat(unknownLocked.header("Retry-After")).isEqualTo(realLocked.header("Retry-After"));
    }

    @Test
    void oneAddressTryingManyAccountsIsLockedAsAWhole() {
        String from = address();
        for (int i = 0; i < 9; i++) {
            assertThat(login(api, "spray" + TestWorld.next() + "@example.org", "Winter2026!", from).status()).isEqualTo(401);
        }
        String fresh = teacher();
        var r = login(api, fresh, TestWorld.PASSWORD, from);
        assertThat(r.status()).as("the ninth failure from this address locked it, whichever account it tries next").isEqualTo(429);
        assertThat(login(api, fresh, TestWorld.PASSWORD, address()).status()).as("the account itself is not locked").isEqualTo(200);
    }

    @Test
    void anUnknownAccountTakesAsLongToRefuseAsAWrongPassword() {
        int tries = 10;
        // two accounts, five failures each: within their free failures, so every try is judged
        List<String> real = List.of(teacher(), teacher());
        // warm up both paths once (class loading, the JIT, the pool)
        login(api, teacher(), "warm-up", address());
        login(api, "warm" + TestWorld.next() + "@example.org", "warm-up", address());
        long[] known = new long[tries];
        long[] unknown = new long[tries];
        for (int i = 0; i < tries; i++) {
            long t0 = System.nanoTime();
            assertThat(login(api, real.get(i % 2), "not-the-password", address()).status()).isEqualTo(401);
            long t1 = System.nanoTime();
            assertThat(login(api, "ghost" + TestWorld.next() + "@example.org", "not-the-password", address()).status()).isEqualTo(401);
            long t2 = System.nanoTime();
            known[i] = t1 - t0;
            unknown[i] = t2 - t1;
        }
        double realMs = median(known) / 1e6;
        double unknownMs = median(unknown) / 1e6;
        System.out.printf("[figure] staff sign-in refused: real account median %.1f ms, unknown account median %.1f ms (%d tries each)%n",
                realMs, unknownMs, tries);
        assertThat(unknownMs / realMs).as("unknown / real time").isBetween(0.5, 2.0);
    }

    @Test
    void failedSignInsAreAuditedWithTheAccountTheAddressAndTheOutcome() throws Exception {
        String email = "audited" + TestWorld.next() + "x" + ThreadLocalRandom.current().nextInt(1_000_000) + "@example.org";
        long id = staff.createStaff(SYSTEM, new CreateStaff(email, "Audit Teacher", TestWorld.PASSWORD, Role.TEACHER, school.id(), null)).id();
        String from = address();
        login(api, email, "wrong", from);
        String ghost = "ghost" + TestWorld.next() + "x" + ThreadLocalRandom.current().nextInt(1_000_000) + "@example.org";
        login(api, ghost, "wrong", from);
        login(api, email, TestWorld.PASSWORD, from);

        List<String> rows = new ArrayList<>();
        try (Connection c = database(); PreparedStatement ps = c.prepareStatement(
                "SELECT sign_in, staff_id, account_hash, outcome, attempted_at FROM sign_in_audit WHERE client_address = ? ORDER BY id")) {
            ps.setString(1, from);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    long staffId = rs.getLong(2);
                    String who = rs.wasNull() ? "-" : Long.toString(staffId);
                    rows.add(rs.getString(1) + " " + who + " " + rs.getString(4) + " " + (rs.getTimestamp(5) != null));
                    assertThat(rs.getString(3)).hasSize(64).doesNotContain("@");
                }
            }
        }
        assertThat(rows).containsExactly("STAFF " + id + " WRONG_PASSWORD true", "STAFF - UNKNOWN_ACCOUNT true");
        try (Connection c = database(); PreparedStatement ps = c.prepareStatement(
                "SELECT (SELECT COUNT(*) FROM sign_in_audit WHERE account_hash = ? OR client_address = ?)"
                        + " + (SELECT COUNT(*) FROM sign_in_throttle WHERE key_hash = ?)")) {
            ps.setString(1, ghost);
            ps.setString(2, ghost);
            ps.setString(3, ghost);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                assertThat(rs.getInt(1)).as("the email typed is never stored in clear").isZero();
            }
        }
    }

    @Test
    void parentsAskingForCodesAreThrottledPerAddress() {
        String from = address();
        String path = "/api/v1/public/schools/" + school.id() + "/parent/sign-in";
        for (int i = 0; i < 3; i++) {
            var r = api.send("POST", path, null, "{\"mobile\":\"07700 900" + String.format("%03d", 900 + i) + "\"}", Map.of("X-Forwarded-For", from));
            assertThat(r.status()).isEqualTo(202);
        }
        var refused = api.send("POST", path, null, "{\"mobile\":\"07700 900950\"}", Map.of("X-Forwarded-For", from));
        assertThat(refused.status()).isEqualTo(429);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.header("Retry-After")).isEqualTo("60");
        assertThat(api.send("POST", path, null, "{\"mobile\":\"07700 900950\"}", Map.of("X-Forwarded-For", address())).status())
                .as("another address is not held up").isEqualTo(202);
    }

    private String teacher() {
        String email = "teacher" + TestWorld.next() + "x" + ThreadLocalRandom.current().nextInt(1_000_000) + "@example.org";
        staff.createStaff(SYSTEM, new CreateStaff(email, "Test Teacher", TestWorld.PASSWORD, Role.TEACHER, school.id(), null));
        return email;
    }

    /** A documentation-range address no earlier run used (the database, and its lockouts, outlive each run). */
    private static String address() {
        byte[] b = new byte[6];
        ThreadLocalRandom.current().nextBytes(b);
        String h = HexFormat.of().formatHex(b);
        return "2001:db8:" + h.substring(0, 4) + ":" + h.substring(4, 8) + ":" + h.substring(8, 12) + "::1";
    }

    private static Api.Response login(Api api, String email, String password, String from) {
        return api.send("POST", "/api/v1/auth/login", null, "{\"username\":\"" + email + "\",\"password\":\"" + password + "\"}",
                Map.of("X-Forwarded-For", "198.51.100.7, " + from));
    }

    private Connection database() throws Exception {
        Properties p = new Properties();
        p.setProperty("user", "root");
        p.setProperty("password", "");
        p.setProperty("sslMode", "DISABLED");
        return DriverManager.getConnection(dbUrl, p);
    }

    private static double median(long[] values) {
        long[] sorted = values.clone();
        java.util.Arrays.sort(sorted);
        return sorted.length % 2 == 1 ? sorted[sorted.length / 2] : (sorted[sorted.length / 2 - 1] + sorted[sorted.length / 2]) / 2.0;
    }
}
