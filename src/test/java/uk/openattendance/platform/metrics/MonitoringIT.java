package uk.openattendance.platform.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.util.GreenMail;
import com.sun.net.httpserver.HttpServer;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.yaml.snakeyaml.Yaml;
import uk.openattendance.fixtures.Api;
import uk.openattendance.fixtures.RealProviders;
import uk.openattendance.fixtures.TestWorld;
import uk.openattendance.fixtures.TwilioFake;
import uk.openattendance.notify.app.Dispatcher;
import uk.openattendance.platform.time.MutableClock;
import uk.openattendance.register.app.RegisterService;
import uk.openattendance.register.app.SubmitRegister;
import uk.openattendance.roll.app.ContactCommand;
import uk.openattendance.roll.app.ContactService;
import uk.openattendance.roll.app.PupilView;
import uk.openattendance.roll.domain.Channel;
import uk.openattendance.schedule.app.Scheduler;
import uk.openattendance.school.app.RegisterGroupService;
import uk.openattendance.school.domain.PolicyPresets;
import uk.openattendance.school.domain.Session;
import uk.openattendance.security.Actor;
import uk.openattendance.security.Role;
import uk.openattendance.webhooks.app.WebhookDispatcher;

/**
 * The operator's view: after a morning with a register, first-day texts through the Twilio fake, its jobs and a
 * webhook post, /prometheus shows the business metrics, and every metric the committed alert rules and dashboard query
 * is one the running service exports. Gauges are read across the whole test database (other tests' rows too), so the
 * values are checked as changes, never as totals.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MonitoringIT implements TestPropertyProvider {
    static final ZoneId LONDON = ZoneId.of("Europe/London");
    static final LocalDate MONDAY = LocalDate.of(2026, 11, 23);
    static final Actor SYSTEM = Actor.bootstrap("tests");
    static final Path ALERTS = Path.of("infra/monitoring/alerts.yaml");
    static final Path DASHBOARD = Path.of("infra/monitoring/attendance-dashboard.json");

    TwilioFake twilio;
    GreenMail smtp;
    final Set<String> exported = new TreeSet<>();

    @Inject EmbeddedServer server;
    @Inject TestWorld world;
    @Inject MutableClock clock;
    @Inject Scheduler scheduler;
    @Inject Dispatcher dispatcher;
    @Inject WebhookDispatcher webhooks;
    @Inject RegisterService registers;
    @Inject RegisterGroupService groups;
    @Inject ContactService contacts;
    @Inject GaugeRefresher gauges;

    @Override
    public Map<String, String> getProperties() {
        twilio = RealProviders.twilio();
        smtp = RealProviders.smtp();
        return RealProviders.properties(twilio, smtp);
    }

    @AfterAll
    void stop() {
        twilio.close();
        smtp.stop();
    }

    @Test
    void aMorningsTextsShowAsDueThenSentAndTheOutboxBacklogDrains() throws Exception {
        twilio.reset();
        at("08:30");
        Map<String, Double> start = scrape();
        TestWorld.School school = absentMorning(3);
        at("09:21"); // six minutes after the preset's first-text time (09:15): the job starts late
        Map<String, Double> before = scrape();
        scheduler.tick(List.of(school.id()));
        Map<String, Double> written = scrape();
        assertThat(delta(before, written, "attendance_first_day_texts{state=\"due\"}")).as("three families to text").isEqualTo(3);
        assertThat(delta(before, written, "attendance_first_day_texts{state=\"pending\"}")).isEqualTo(3);
        assertThat(written.get("attendance_first_day_texts_unsent_age_seconds")).as("due at 09:15, written and unsent at 09:21").isGreaterThanOrEqualTo(360);
        assertThat(written.get("attendance_outbox_messages{purpose=\"FIRST_DAY_ABSENCE\",status=\"due\"}")).isGreaterThanOrEqualTo(3);
        assertThat(delta(before, written, "attendance_job_runs_total{kind=\"FIRST_DAY_TEXT\",outcome=\"DONE\"}")).isEqualTo(1);
        assertThat(written.get("attendance_job_lag_seconds_max{kind=\"FIRST_DAY_TEXT\"}")).as("due 09:15, started 09:21").isGreaterThanOrEqualTo(360);

        at("09:23");
        assertThat(scrape().get("attendance_outbox_oldest_age_seconds{purpose=\"FIRST_DAY_ABSENCE\",status=\"due\"}")).as("written at 09:21, due since")
                .isGreaterThanOrEqualTo(120);

        dispatcher.dispatchDue(List.of(school.id()));
        Map<String, Double> sent = scrape();
        assertThat(twilio.accepted()).hasSize(3);
        assertThat(delta(written, sent, "attendance_first_day_texts{state=\"sent\"}")).isEqualTo(3);
        assertThat(delta(written, sent, "attendance_first_day_texts{state=\"pending\"}")).isEqualTo(-3);
        assertThat(delta(written, sent, "attendance_messages_sent_total{channel=\"SMS\",purpose=\"FIRST_DAY_ABSENCE\"}")).isEqualTo(3);
        assertThat(delta(start, sent, "attendance_register_saves_seconds_count{outcome=\"ok\"}")).isEqualTo(1);
        assertThat(sent.keySet()).as("no pupil or school ids in any label").noneMatch(k -> k.startsWith("attendance_") && (k.contains("school")
                || k.contains("pupil")));
    }

    @Test
    void aWebhookRefusedOnceIsCountedAsARetryThenADelivery() throws Exception {
        at("10:00");
        TestWorld.School school = world.school(world.trust(), PolicyPresets.PRIMARY_GLOUCESTERSHIRE);
        Api api = new Api(server.getURL().toString());
        String head = world.staffLogin(api, Role.HEADTEACHER, school.id(), null);
        List<Integer> answers = new ArrayList<>(List.of(503));
        HttpServer receiver = receiver(answers);
        try {
            var made = api.post("/api/v1/schools/" + school.id() + "/webhooks", head, "{\"url\":\"http://127.0.0.1:" + receiver.getAddress().getPort()
                    + "/hook\",\"events\":[\"leave.decided\"]}");
            assertThat(made.status()).as(made.body()).isEqualTo(201);
            Map<String, Double> before = scrape();
            world.approvedLeaveRequest(api, school, head, MONDAY);
            webhooks.dispatchDue();
            clock.advance(Duration.ofMinutes(2));
            webhooks.dispatchDue();
            Map<String, Double> after = scrape();
            assertThat(delta(before, after, "attendance_webhook_deliveries_total{outcome=\"retried\"}")).isEqualTo(1);
            assertThat(delta(before, after, "attendance_webhook_deliveries_total{outcome=\"delivered\"}")).isEqualTo(1);
            assertThat(delta(before, after, "attendance_webhook_delivery_failures_total{reason=\"http_5xx\"}")).isEqualTo(1);
        } finally {
            receiver.stop(0);
        }
    }

    @Test
    void everyMetricTheAlertRulesAndTheDashboardQueryIsOneTheServiceExports() throws Exception {
        aMorningsTextsShowAsDueThenSentAndTheOutboxBacklogDrains();
        aWebhookRefusedOnceIsCountedAsARetryThenADelivery();
        Map<String, List<String>> expressions = new TreeMap<>();
        expressions.putAll(alertExpressions());
        expressions.putAll(dashboardExpressions());
        assertThat(expressions).as("alerts: first-day texts, outbox age, a failed job, webhook failures").containsKeys("alert FirstDayTextsNotSent",
                "alert OutboxMessageWaitingTooLong", "alert JobFailed", "alert WebhookDeliveriesFailed");
        Map<String, Set<String>> unknown = new TreeMap<>();
        expressions.forEach((where, exprs) -> exprs.forEach(e -> {
            Set<String> names = PromQl.metricNames(e);
            assertThat(names).as(where + ": " + e).isNotEmpty();
            names.stream().filter(n -> !exported.contains(n)).forEach(n -> unknown.computeIfAbsent(where, k -> new TreeSet<>()).add(n));
        }));
        assertThat(unknown).as("metrics named in infra/monitoring that /prometheus does not export (exported: " + exported + ")").isEmpty();
    }

    // ---- helpers ----------------------------------------------------------------------------------------------------

    /** A school whose register is taken with {@code n} pupils absent (N), each with a parent who has a mobile. */
    TestWorld.School absentMorning(int n) {
        TestWorld.School school = world.school(world.trust(), PolicyPresets.PRIMARY_GLOUCESTERSHIRE);
        List<PupilView> pupils = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            PupilView p = world.pupil(school, "Metric" + i, "Morning" + TestWorld.next());
            contacts.addContact(SYSTEM, school.id(), p.id(), new ContactCommand("Parent " + i, "Mother", true, true, 1,
                    String.format("07700 900%03d", TestWorld.next() % 1000), null, Channel.SMS, false, null));
            pupils.add(p);
        }
        LocalTime opens = groups.registerGroups(SYSTEM, school.id()).get(0).timing(Session.AM).opensAt();
        clock.set(LocalDateTime.of(MONDAY, opens.plusMinutes(1)), LONDON);
        registers.submit(SYSTEM, school.id(), MONDAY, Session.AM, new SubmitRegister(pupils.stream()
                .map(p -> new SubmitRegister.Entry(p.id(), "N", null, null, null)).toList(), null));
        return school;
    }

    void at(String time) {
        clock.set(LocalDateTime.of(MONDAY, LocalTime.parse(time)), LONDON);
    }

    /** Refreshes the database gauges and reads /prometheus as a scraper does; remembers every series name seen. */
    Map<String, Double> scrape() throws Exception {
        gauges.refreshNow();
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(server.getURL() + "/prometheus")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(200);
        Map<String, Double> series = new TreeMap<>();
        for (String line : r.body().split("\n")) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            int space = line.lastIndexOf(' ');
            String key = line.substring(0, space);
            int brace = key.indexOf('{');
            exported.add(brace < 0 ? key : key.substring(0, brace));
            series.put(key, Double.parseDouble(line.substring(space + 1)));
        }
        return series;
    }

    static double delta(Map<String, Double> before, Map<String, Double> after, String series) {
        assertThat(after).as("series " + series).containsKey(series);
        return after.get(series) - before.getOrDefault(series, 0.0);
    }

    @SuppressWarnings("unchecked")
    static Map<String, List<String>> alertExpressions() throws IOException {
        Map<String, Object> doc = new Yaml().load(Files.readString(ALERTS));
        Map<String, List<String>> out = new TreeMap<>();
        for (Map<String, Object> group : (List<Map<String, Object>>) doc.get("groups")) {
            for (Map<String, Object> rule : (List<Map<String, Object>>) group.get("rules")) {
                String name = rule.containsKey("alert") ? "alert " + rule.get("alert") : "record " + rule.get("record");
                List<String> exprs = new ArrayList<>(List.of(String.valueOf(rule.get("expr"))));
                // a query inside an annotation's template is a query too
                Matcher m = Pattern.compile("query \"((?:[^\"\\\\]|\\\\.)*)\"").matcher(String.valueOf(rule.get("annotations")));
                while (m.find()) {
                    exprs.add(m.group(1).replace("\\\"", "\""));
                }
                out.put(name, exprs);
            }
        }
        return out;
    }

    static Map<String, List<String>> dashboardExpressions() throws IOException {
        JsonNode dashboard = new ObjectMapper().readTree(Files.readString(DASHBOARD));
        Map<String, List<String>> out = new TreeMap<>();
        for (JsonNode panel : dashboard.get("panels")) {
            for (JsonNode target : panel.path("targets")) {
                out.computeIfAbsent("panel " + panel.get("title").asText(), k -> new ArrayList<>()).add(target.get("expr").asText());
            }
        }
        assertThat(out).as("dashboard panels with queries").hasSizeGreaterThan(10);
        return out;
    }

    static HttpServer receiver(List<Integer> answers) throws IOException {
        HttpServer receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/hook", exchange -> {
            exchange.getRequestBody().readAllBytes();
            Integer status;
            synchronized (answers) {
                status = answers.isEmpty() ? 204 : answers.remove(0);
            }
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        receiver.start();
        return receiver;
    }
}
