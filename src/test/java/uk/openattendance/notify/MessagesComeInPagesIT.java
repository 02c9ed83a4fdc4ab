package uk.openattendance.notify;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import uk.openattendance.fixtures.Api;
import uk.openattendance.fixtures.TestWorld;
import uk.openattendance.notify.persistence.NewMessage;
import uk.openattendance.notify.persistence.OutboxStore;
import uk.openattendance.security.Role;

/**
 * The office's list of texts and emails is paged by the database with a counted total, so an integrator walks it with
 * one loop like every other list; its spreadsheet export is every message, never the page the JSON would show.
 */
@MicronautTest(transactional = false)
class MessagesComeInPagesIT {
    private static final int SENT = 7;

    @Inject EmbeddedServer server;
    @Inject TestWorld world;
    @Inject OutboxStore store;
    @Inject java.time.Clock clock;

    private Api api;
    private TestWorld.School school;
    private String office;
    private String messages;

    @BeforeEach
    void sevenTextsQueuedForTomorrow() {
        api = new Api(server.getURL().toString());
        school = world.school();
        office = world.staffLogin(api, Role.OFFICE, school.id(), null);
        messages = "/api/v1/schools/" + school.id() + "/messages";
        // due tomorrow, so no dispatcher sends (and changes) them while the test reads the list
        Instant tomorrow = clock.instant().plusSeconds(86_400);
        store.enqueue(IntStream.range(0, SENT).mapToObj(i -> new NewMessage(school.id(), school.id() + ":paging:" + i, "FIRST_DAY_ABSENCE", 1, "SMS",
                null, String.format("+4477009006%02d", i), null, "Pip Pagewell was not in school this morning (text " + i + ")", List.of(),
                LocalDate.of(2026, 11, 23), null, null, tomorrow)).toList(), clock.instant());
    }

    @Test
    void theMessagesListComesInPagesOfTheSizeAskedWithTheTotalsCounted() {
        JsonNode first = page(messages + "?size=5");
        JsonNode second = page(messages + "?size=5&page=1");
        assertThat(first.get("page").asInt()).isZero();
        assertThat(first.get("size").asInt()).isEqualTo(5);
        assertThat(first.get("totalItems").asLong()).isEqualTo(SENT);
        assertThat(first.get("totalPages").asInt()).isEqualTo(2);
        assertThat(first.get("items")).hasSize(5);
        assertThat(second.get("page").asInt()).isEqualTo(1);
        assertThat(second.get("totalItems").asLong()).isEqualTo(SENT);
        assertThat(second.get("items")).hasSize(2);

        List<Long> ids = new ArrayList<>();
        first.get("items").forEach(m -> ids.add(m.get("id").asLong()));
        second.get("items").forEach(m -> ids.add(m.get("id").asLong()));
        assertThat(ids).as("every message once, newest first across the pages").doesNotHaveDuplicates().hasSize(SENT)
                .isSortedAccordingTo((a, b) -> Long.compare(b, a));

        JsonNode beyond = page(messages + "?size=5&page=2");
        assertThat(beyond.get("items")).isEmpty();
        assertThat(beyond.get("totalItems").asLong()).isEqualTo(SENT);
        assertThat(page(messages + "?size=5&purpose=LATENESS").get("totalItems").asLong()).as("the total counts what the filter lists").isZero();
    }

    @Test
    void aPageSizeOutOfRangeIsRefusedNamingTheField() {
        for (String bad : List.of("?size=0", "?size=501", "?page=-1")) {
            Api.Response r = api.get(messages + bad, office);
            assertThat(r.status()).as(bad + " " + r.body()).isBetween(400, 499);
            assertThat(r.contentType()).startsWith("application/problem+json");
            assertThat(r.body()).contains(bad.contains("page") ? "\"page\"" : "\"size\"");
        }
    }

    @Test
    void aCsvOfTheMessagesHoldsEveryRowWhateverPageSizeIsAsked() {
        Api.Response csv = api.send("GET", messages + "?size=2", office, null, Map.of("Accept", "text/csv"));
        assertThat(csv.status()).as(csv.body()).isEqualTo(200);
        assertThat(csv.contentType()).startsWith("text/csv");
        List<String> lines = csv.body().lines().filter(l -> !l.isBlank()).toList();
        assertThat(lines.get(0)).contains("body");
        assertThat(lines.subList(1, lines.size())).as("a row for each of the " + SENT + " messages, not the page of 2").hasSize(SENT)
                .allMatch(l -> l.contains("Pip Pagewell"));
    }

    private JsonNode page(String path) {
        Api.Response r = api.get(path, office);
        assertThat(r.status()).as(path + " " + r.body()).isEqualTo(200);
        return r.json();
    }
}
