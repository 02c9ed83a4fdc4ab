package uk.openattendance.app.demo;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import uk.openattendance.fixtures.Api;

/**
 * The embedded default's first start: the demo trust loads in bulk (rolls and marks through the imports, schools on two
 * workers) into an empty database of its own, and what it loaded holds up as any other data would: every pupil's history
 * chain verifies, every mark is its history's last entry, the weekly tallies add up to the marks, and the sign-ins the
 * banner prints work. The test clock stands on Monday 23 November 2026, so the term so far is 2 September to 20 November.
 */
@MicronautTest(environments = "demo", transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DemoTrustIT implements TestPropertyProvider {
    @Inject EmbeddedServer server;

    private String jdbcUrl;
    private Api api;

    /** A database of its own, emptied first: the loader loads only into a database without schools. */
    @Override
    public Map<String, String> getProperties() {
        String shared = System.getenv().getOrDefault("IT_DB_URL", "jdbc:mysql://127.0.0.1:3306/attendance_it?createDatabaseIfNotExist=true");
        String server = shared.substring(0, shared.indexOf('/', "jdbc:mysql://".length()));
        String name = shared.substring(server.length() + 1).replaceAll("\\?.*", "") + "_demo_trust";
        try (Connection c = DriverManager.getConnection(server + "/?sslMode=DISABLED&allowPublicKeyRetrieval=true", "root", "");
                Statement st = c.createStatement()) {
            st.executeUpdate("DROP DATABASE IF EXISTS `" + name + "`");
            st.executeUpdate("CREATE DATABASE `" + name + "` CHARACTER SET utf8mb4");
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        jdbcUrl = server + "/" + name;
        // the demo's own ledger key, as the embedded run uses it (the test configuration names a key of its own as current)
        return Map.of("datasources.default.url", jdbcUrl, "attendance.ledger.current-key-id", "demo-2026");
    }

    @BeforeAll
    void start() {
        api = new Api(server.getURL().toString());
    }

    @Test
    void everyDemoSchoolsHistoryVerifiesIntactAndEachMarkIsItsLastEntry() {
        String admin = api.login("trust.admin@example.org", DemoTrustLoader.PASSWORD);
        List<Long> schools = schoolIds(admin);
        assertThat(schools).hasSize(5);
        long entries = 0;
        for (long id : schools) {
            var r = api.get("/api/v1/schools/" + id + "/mark-history/verification", admin);
            assertThat(r.status()).as(r.body()).isEqualTo(200);
            JsonNode check = r.json();
            assertThat(check.get("intact").asBoolean()).as(r.body()).isTrue();
            assertThat(check.get("brokenChains").asInt()).isZero();
            assertThat(check.get("markMismatchCount").asInt()).isZero();
            assertThat(check.get("pupilsChecked").asInt()).isBetween(260, 340);
            // one entry per mark: the demo only ever writes first entries
            assertThat(check.get("entriesChecked").asLong()).isEqualTo(check.get("marksChecked").asLong());
            entries += check.get("entriesChecked").asLong();
        }
        // 1,500 pupils, two sessions on each of the 53 school days to Friday 20 November (half term 26-30 October)
        assertThat(entries).isEqualTo(1_500L * 2 * 53);
    }

    @Test
    void theWeeklyTalliesOfEveryDemoSchoolAddUpToItsMarks() throws SQLException {
        try (Connection c = DriverManager.getConnection(jdbcUrl + "?sslMode=DISABLED&allowPublicKeyRetrieval=true", "root", "");
                Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT m.school_id, m.marks, w.sessions, y.sessions FROM (SELECT school_id, COUNT(*) AS marks FROM mark "
                        + "GROUP BY school_id) m JOIN (SELECT school_id, SUM(sessions) AS sessions FROM attendance_week GROUP BY school_id) w "
                        + "ON w.school_id = m.school_id JOIN (SELECT school_id, SUM(sessions) AS sessions FROM attendance_year GROUP BY school_id) y "
                        + "ON y.school_id = m.school_id")) {
            int schools = 0;
            while (rs.next()) {
                schools++;
                assertThat(rs.getLong(3)).as("school %d's weeks", rs.getLong(1)).isEqualTo(rs.getLong(2));
                assertThat(rs.getLong(4)).as("school %d's year", rs.getLong(1)).isEqualTo(rs.getLong(2));
            }
            assertThat(schools).isEqualTo(5);
        }
    }

    @Test
    void theHeadteacherAndOfficeSignInsTheBannerPrintsWork() {
        for (int n = 1; n <= 5; n++) {
            for (String who : List.of("head", "office")) {
                String token = api.login(who + "@school" + n + ".example.org", DemoTrustLoader.PASSWORD);
                var r = api.get("/api/v1/schools", token);
                assertThat(r.status()).as(r.body()).isEqualTo(200);
                assertThat(r.json().get("items")).hasSize(1);
            }
        }
    }

    private List<Long> schoolIds(String token) {
        var r = api.get("/api/v1/schools", token);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        List<Long> ids = new ArrayList<>();
        r.json().get("items").forEach(s -> ids.add(s.get("id").asLong()));
        return ids;
    }
}
