package uk.openattendance.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.micronaut.context.ApplicationContext;
import io.micronaut.context.annotation.Value;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import uk.openattendance.fixtures.Api;
import uk.openattendance.fixtures.OwnStatementCount;
import uk.openattendance.fixtures.TestWorld;

/**
 * Tokens carry and must carry our issuer, audience, expiry and a not-before that has passed; they last the configured
 * eight hours; a weak signing key stops the service from starting; a removed account or a revoked key is refused at
 * once on every replica; health details are for platform administrators.
 */
@MicronautTest(transactional = false)
@io.micronaut.context.annotation.Property(name = OwnStatementCount.PROPERTY, value = OwnStatementCount.VALUE)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StaffAccessIT {
    private static final Actor SYSTEM = Actor.system("tests");

    @Inject EmbeddedServer server;
    @Inject TestWorld world;
    @Inject StaffService staff;
    @Inject ActorResolver actors;
    @Value("${micronaut.security.token.jwt.signatures.secret.generator.secret}") String secret;
    @Value("${datasources.default.url}") String dbUrl;

    Api api;
    Api replica;
    EmbeddedServer second;
    TestWorld.School school;
    String head;

    @BeforeAll
    void aSchoolAndASecondReplica() {
        api = new Api(server.getURL().toString());
        second = ApplicationContext.run(EmbeddedServer.class, Map.of(), "test");
        replica = new Api(second.getURL().toString());
        school = world.school();
        head = world.staffLogin(api, Role.HEADTEACHER, school.id(), null);
    }

    @AfterAll
    void stopTheSecondReplica() {
        second.close();
    }

    @Test
    void aTokenWeSignedWithEverythingRightIsAccepted() throws Exception {
        long id = teacher("rightful").id();
        assertThat(api.get("/api/v1/me", bearer(forged(id, c -> {}))).status()).isEqualTo(200);
    }

    @Test
    void tokensWithAFutureNotBeforeNoExpiryAForeignIssuerTheWrongAudienceOrPastExpiryAreRefused() throws Exception {
        long id = teacher("forged").id();
        Instant now = Instant.now();
        Map<String, Consumer<JWTClaimsSet.Builder>> forgeries = Map.of(
                "nbf in the future", c -> c.notBeforeTime(Date.from(now.plusSeconds(3600))),
                "no exp", c -> c.expirationTime(null),
                "foreign issuer", c -> c.issuer("https://evil.example.org/open-attendance"),
                "no issuer", c -> c.issuer(null),
                "wrong audience", c -> c.audience("some-other-api"),
                "no audience", c -> c.audience((String) null),
                "expired", c -> c.expirationTime(Date.from(now.minusSeconds(60))));
        forgeries.forEach((what, change) -> {
            var r = api.get("/api/v1/me", bearer(forged(id, change)));
            assertThat(r.status()).as(what).isEqualTo(401);
            assertThat(r.contentType()).as(what).startsWith("application/problem+json");
        });
    }

    @Test
    void aStaffTokenLastsEightHoursByDefaultAndNamesOurIssuerAndAudience() throws Exception {
        String email = teacher("lifetime").email();
        var r = login(api, email, TestWorld.PASSWORD);
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.json().get("expires_in").asInt()).isEqualTo(28800);
        assertThat(r.json().get("token_type").asText()).isEqualTo("Bearer");
        JWTClaimsSet claims = SignedJWT.parse(r.json().get("access_token").asText()).getJWTClaimsSet();
        assertThat(claims.getIssuer()).isEqualTo("open-attendance");
        assertThat(claims.getAudience()).containsExactly("open-attendance-api");
        assertThat(claims.getExpirationTime().getTime() - claims.getIssueTime().getTime()).isEqualTo(28_800_000L);
    }

    @Test
    void aServiceWithAShortJwtSecretRefusesToStartAndSaysWhy() {
        assertThatThrownBy(() -> ApplicationContext.run(Map.of("micronaut.security.token.jwt.signatures.secret.generator.secret", "only-24-bytes-of-secret!"),
                "test").close())
                .satisfies(e -> assertThat(messages(e)).contains("JWT_SECRET is 24 bytes").contains("at least 32 bytes"));
    }

    @Test
    void aRemovedTeachersTokenIsRefusedAtOnceOnEveryReplicaAndTheyCannotSignInAgain() {
        StaffView teacher = teacher("removed");
        String token = api.login(teacher.email(), TestWorld.PASSWORD);
        assertThat(api.get("/api/v1/me", token).status()).isEqualTo(200);
        assertThat(replica.get("/api/v1/me", token).status()).as("the second replica has served the teacher").isEqualTo(200);

        var removed = api.send("DELETE", "/api/v1/staff/" + teacher.id(), head, null, Map.of());
        assertThat(removed.status()).isEqualTo(204);

        assertThat(api.get("/api/v1/me", token).status()).isEqualTo(401);
        assertThat(replica.get("/api/v1/me", token).status()).as("refused on the other replica at its very next request").isEqualTo(401);
        assertThat(replica.graphql(token, "{ __typename }").status()).isEqualTo(401);
        var again = login(api, teacher.email(), TestWorld.PASSWORD);
        assertThat(again.status()).isEqualTo(401);
        assertThat(api.send("DELETE", "/api/v1/staff/" + teacher.id(), head, null, Map.of()).status()).as("already removed").isEqualTo(404);
        assertThat(row("SELECT CONCAT(display_name, ' removed by ', removed_by, ' at ', removed_at IS NOT NULL) FROM staff WHERE id = ?", teacher.id()))
                .as("the name stays for the history; who removed it and when are kept")
                .isEqualTo("Test Teacher removed by staff:" + api.get("/api/v1/me", head).json().get("principalId").asLong() + " at 1");
    }

    @Test
    void aSignInLockoutStartedOnOneReplicaHoldsOnAnother() {
        String email = teacher("lockout").email();
        for (int i = 1; i <= 6; i++) {
            Api either = i % 2 == 0 ? replica : api;
            assertThat(login(either, email, "guess-" + i).status()).isEqualTo(401);
        }
        var locked = login(replica, email, TestWorld.PASSWORD);
        assertThat(locked.status()).as("the sixth failure, counted on either replica, locked the account on the second").isEqualTo(429);
        assertThat(locked.header("Retry-After")).isEqualTo("60");
        assertThat(login(api, email, TestWorld.PASSWORD).status()).as("and on the first").isEqualTo(429);
    }

    @Test
    void onlyAnAdministratorOfTheTeachersSchoolMayRemoveThem() {
        StaffView teacher = teacher("kept");
        TestWorld.School elsewhere = world.school();
        String otherHead = world.staffLogin(api, Role.HEADTEACHER, elsewhere.id(), null);
        String colleague = world.staffLogin(api, Role.TEACHER, school.id(), null);
        assertThat(api.send("DELETE", "/api/v1/staff/" + teacher.id(), otherHead, null, Map.of()).status()).isEqualTo(404);
        assertThat(api.send("DELETE", "/api/v1/staff/" + teacher.id(), colleague, null, Map.of()).status()).isEqualTo(403);
        assertThat(api.login(teacher.email(), TestWorld.PASSWORD)).isNotBlank();
    }

    @Test
    void aRevokedApiKeyIsRefusedAtOnceOnEveryReplica() {
        String key = world.apiKey(school.id(), Set.of(Permission.SCHOOL_READ, Permission.ROLL_READ));
        assertThat(api.get("/api/v1/schools/" + school.id() + "/pupils", key).status()).isEqualTo(200);
        assertThat(replica.get("/api/v1/schools/" + school.id() + "/pupils", key).status()).isEqualTo(200);
        long clientId = actors.resolve(staff.authenticateApiKey(key).orElseThrow()).principalId();

        assertThat(api.send("DELETE", "/api/v1/api-clients/" + clientId, head, null, Map.of()).status()).isEqualTo(204);

        assertThat(api.get("/api/v1/schools/" + school.id() + "/pupils", key).status()).isEqualTo(401);
        assertThat(replica.get("/api/v1/schools/" + school.id() + "/pupils", key).status()).isEqualTo(401);
        assertThat(row("SELECT CONCAT('revoked by ', revoked_by, ' at ', revoked_at IS NOT NULL) FROM api_client WHERE id = ?", clientId))
                .isEqualTo("revoked by staff:" + api.get("/api/v1/me", head).json().get("principalId").asLong() + " at 1");
    }

    @Test
    void healthDetailsAreHiddenFromATeacherAndAnIntegratorAndShownToAPlatformAdministrator() {
        String teacher = world.staffLogin(api, Role.TEACHER, school.id(), null);
        String key = world.apiKey(school.id(), Set.of(Permission.SCHOOL_READ));
        String email = "platform" + TestWorld.next() + "@example.org";
        staff.createPlatformAdmin(email, "Platform Admin", TestWorld.PASSWORD);
        String admin = api.login(email, TestWorld.PASSWORD);

        for (String caller : new String[] {null, teacher, key}) {
            var r = api.get("/health", caller);
            assertThat(r.status()).isEqualTo(200);
            assertThat(r.json().get("status").asText()).isEqualTo("UP");
            assertThat(r.json().path("details").isNull() || r.json().path("details").isMissingNode()).as(r.body()).isTrue();
        }
        var r = api.get("/health", admin);
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.json().path("details").isObject()).as(r.body()).isTrue();
        assertThat(r.json().path("details").toString()).as("the database's health is among the details").contains("jdbc");
    }

    @Test
    void resolvingASignedInTeacherAfreshCostsOneReadOfTheAccountAndItsRoles() {
        // Counted in statements the service's own connections send, not timed: a busy machine must not fail it, and
        // the figure that matters (a fresh read on every request, so a removed role takes effect at once) is the count.
        StaffView teacher = teacher("cost");
        String principal = ActorResolver.STAFF_PREFIX + teacher.id();
        for (int i = 0; i < 300; i++) {
            actors.resolve(principal);
        }
        int n = 2000;
        long statements = OwnStatementCount.read();
        long t0 = System.nanoTime();
        for (int i = 0; i < n; i++) {
            actors.resolve(principal);
        }
        double micros = (System.nanoTime() - t0) / 1e3 / n;
        double perRequest = (double) (OwnStatementCount.read() - statements) / n;
        System.out.printf("[figure] resolving a signed-in teacher afresh (account and roles, nothing kept): %.2f statements, %.0f microseconds per request%n",
                perRequest, micros);
        assertThat(perRequest).isEqualTo(1.0);
    }

    private StaffView teacher(String what) {
        String email = what + TestWorld.next() + "x" + System.nanoTime() % 100_000 + "@example.org";
        return staff.createStaff(SYSTEM, new CreateStaff(email, "Test Teacher", TestWorld.PASSWORD, Role.TEACHER, school.id(), null));
    }

    private String forged(long staffId, Consumer<JWTClaimsSet.Builder> change) {
        try {
            Instant now = Instant.now();
            JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder().subject(ActorResolver.STAFF_PREFIX + staffId).issuer("open-attendance")
                    .audience("open-attendance-api").issueTime(Date.from(now)).notBeforeTime(Date.from(now.minusSeconds(5)))
                    .expirationTime(Date.from(now.plusSeconds(600)));
            change.accept(claims);
            SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims.build());
            jwt.sign(new MACSigner(secret.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
            return jwt.serialize();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private String row(String sql, long id) {
        java.util.Properties p = new java.util.Properties();
        p.setProperty("user", "root");
        p.setProperty("password", "");
        p.setProperty("sslMode", "DISABLED");
        try (var c = java.sql.DriverManager.getConnection(dbUrl, p); var ps = c.prepareStatement(sql)) {
            ps.setLong(1, id);
            try (var rs = ps.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Api.Response login(Api api, String email, String password) {
        return api.post("/api/v1/auth/login", null, "{\"username\":\"" + email + "\",\"password\":\"" + password + "\"}");
    }

    private static String bearer(String jwt) {
        return "Bearer " + jwt;
    }

    private static String messages(Throwable e) {
        StringBuilder sb = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause()) {
            sb.append(t.getMessage()).append(" | ");
        }
        return sb.toString();
    }
}
