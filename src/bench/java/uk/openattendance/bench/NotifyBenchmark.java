package uk.openattendance.bench;

import com.sun.net.httpserver.HttpServer;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import uk.openattendance.notify.app.Dispatcher;
import uk.openattendance.register.app.RegisterService;
import uk.openattendance.register.app.SubmitRegister;
import uk.openattendance.roll.app.PupilService;
import uk.openattendance.roll.app.PupilView;
import uk.openattendance.roll.app.RollImportService;
import uk.openattendance.schedule.app.Scheduler;
import uk.openattendance.school.app.CreateSchool;
import uk.openattendance.school.app.CreateTrust;
import uk.openattendance.school.app.SchoolDetails;
import uk.openattendance.school.app.SchoolService;
import uk.openattendance.school.domain.PolicyPresets;
import uk.openattendance.school.domain.Session;
import uk.openattendance.security.Actor;

/**
 * Issue #4's benchmark: first-day texts for 20 schools of 1,500 pupils with 5% unexplained absence, from the moment the
 * first-text job is due to every message accepted by a local fake of Twilio's API; then signed inbound replies per
 * second through the webhook. Run: bench/notify.sh (see README).
 */
public final class NotifyBenchmark {
    static final String TOKEN = "bench-twilio-auth-token-0123456789";
    static final String PUBLIC = "http://127.0.0.1:8080";
    static final ZoneId LONDON = ZoneId.of("Europe/London");
    static final LocalDate DAY = LocalDate.of(2026, 11, 23);
    static final String[] REPLIES = {"Sorry {n} is poorly today", "{n} has a temperature, keeping them off", "{n} has a dentist appointment this morning",
        "Running late, on our way", "{n} has been sick in the night", "We are on holiday, back next week", "Can you call me please?",
        "{n} has a tummy bug", "{n} has an ear infection, back on Wednesday", "ok"};

    public static void main(String[] given) throws Exception {
        String[] args = String.join(" ", given).trim().split("\\s+");
        int schoolCount = args.length > 0 && !args[0].isEmpty() ? Integer.parseInt(args[0]) : 20;
        int pupilsPerSchool = args.length > 1 ? Integer.parseInt(args[1]) : 1500;
        int dispatchers = args.length > 2 ? Integer.parseInt(args[2]) : 4;
        BenchDatabase db = BenchDatabase.fromSettings("attendance_notify_bench");
        String url = db.url();
        db.recreate();
        AtomicInteger accepted = new AtomicInteger();
        AtomicLong lastAcceptedNanos = new AtomicLong();
        // without TCP_NODELAY the JDK's server answers each request after a 40 ms delayed-ACK stall: the fake, not the service, would be measured
        System.setProperty("sun.net.httpserver.nodelay", "true");
        HttpServer fake = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 200);
        fake.createContext("/2010-04-01/Accounts/", ex -> {
            ex.getRequestBody().readAllBytes();
            int n = accepted.incrementAndGet();
            lastAcceptedNanos.set(System.nanoTime());
            byte[] body = ("{\"sid\":\"SM" + String.format("%032d", n) + "\",\"status\":\"queued\"}").getBytes(StandardCharsets.UTF_8);
            ex.getResponseHeaders().add("Content-Type", "application/json");
            ex.sendResponseHeaders(201, body.length);
            ex.getResponseBody().write(body);
            ex.close();
        });
        fake.setExecutor(Executors.newFixedThreadPool(16));
        fake.start();

        BenchClock.set(LocalDateTime.of(DAY, java.time.LocalTime.of(8, 40)).atZone(LONDON).toInstant());
        try (ApplicationContext ctx = ApplicationContext.builder().environments("bench", "notifybench").properties(Map.ofEntries(
                Map.entry("datasources.default.url", url), Map.entry("datasources.default.username", db.user), Map.entry("datasources.default.password", db.password),
                Map.entry("datasources.default.maximum-pool-size", "40"), Map.entry("micronaut.server.port", "-1"),
                Map.entry("attendance.secrets.key", "bench-secrets-key-bench-secrets-key-0123456789"),
                Map.entry("micronaut.security.token.jwt.signatures.secret.generator.secret", "bench-secret-bench-secret-bench-secret-0123456789"),
                Map.entry("attendance.ledger.keys", "bench-2026:bsRaK4MAefXwhw7qTnNsTUGWbe7+gKKWhAVn1WkeQSQ="),
                Map.entry("attendance.ledger.seal-private-key", "MC4CAQAwBQYDK2VwBCIEIMi3z2fsE1ofZcZwW0nIlDem1Twwc7TiGGz38m5pUNSq"),
                Map.entry("notify.sink", "send"), Map.entry("notify.dispatcher.enabled", "false"), Map.entry("schedule.enabled", "false"),
                Map.entry("notify.twilio.account-sid", "AC00000000000000000000000000000000"), Map.entry("notify.twilio.auth-token", TOKEN),
                Map.entry("notify.twilio.from", "+447700900000"), Map.entry("notify.twilio.api-base-url", "http://127.0.0.1:" + fake.getAddress().getPort()),
                Map.entry("notify.smtp.host", "127.0.0.1"), Map.entry("notify.smtp.port", System.getenv().getOrDefault("BENCH_SMTP_PORT", "2525")), Map.entry("notify.smtp.from", "bench@example.org"),
                Map.entry("attendance.public-base-url", PUBLIC))).start()) {
            EmbeddedServer server = ctx.getBean(EmbeddedServer.class).start();
            Actor system = Actor.bootstrap("notify benchmark");
            SchoolService schools = ctx.getBean(SchoolService.class);
            RollImportService imports = ctx.getBean(RollImportService.class);
            PupilService pupilService = ctx.getBean(PupilService.class);
            RegisterService registers = ctx.getBean(RegisterService.class);
            long trust = schools.createTrust(system, new CreateTrust("Notify Benchmark Trust")).id();
            List<Long> schoolIds = new ArrayList<>();
            List<String[]> absentFamilies = new ArrayList<>();
            long setup = System.nanoTime();
            for (int i = 0; i < schoolCount; i++) {
                long id = schools.createSchool(system, new CreateSchool(trust, String.format("%06d", 800100 + i), PolicyPresets.SECONDARY_ACADEMY_DORSET,
                        new SchoolDetails("Notify Bench Academy " + (i + 1), "Europe/London", "01632 960" + String.format("%03d", i), "office" + i
                                + "@bench.example.org", null, List.of()))).id();
                schoolIds.add(id);
                StringBuilder pupils = new StringBuilder("upn,legal_forename,legal_surname,date_of_birth,year_group,register_group,start_date,form\n");
                StringBuilder contacts = new StringBuilder("upn,name,relationship,parental_responsibility,lives_with_pupil,priority,mobile\n");
                for (int p = 0; p < pupilsPerSchool; p++) {
                    String upn = String.format("B%03d%09d", i, p);
                    pupils.append(upn).append(",Pupil").append(p).append(",Bench").append(p % 700).append(",2012-05-01,9,Whole school,2025-09-01,9")
                            .append((char) ('A' + p % 8)).append('\n');
                    // Ofcom's drama range has 1,000 numbers: pupils 1,000 apart share a parent, as siblings do
                    contacts.append(upn).append(",Parent Bench").append(p % 1000).append(",Mother,yes,yes,1,07700 900").append(String.format("%03d", p % 1000))
                            .append('\n');
                }
                imports.importPupils(system, id, pupils.toString());
                imports.importContacts(system, id, contacts.toString());
                List<PupilView> roll = pupilService.wholeRoll(system, id);
                List<SubmitRegister.Entry> marks = new ArrayList<>();
                for (PupilView p : roll) {
                    int n = Integer.parseInt(p.legalForename().substring("Pupil".length()));
                    boolean absent = n % 20 == 0;
                    marks.add(new SubmitRegister.Entry(p.id(), absent ? "N" : "/", null, null, null));
                    if (absent) {
                        absentFamilies.add(new String[] {"+447700900" + String.format("%03d", n % 1000), p.legalForename()});
                    }
                }
                BenchClock.set(LocalDateTime.of(DAY, java.time.LocalTime.of(8, 50)).atZone(LONDON).toInstant());
                registers.submit(system, id, DAY, Session.AM, new SubmitRegister(marks, null));
            }
            System.out.printf("set-up: %d schools x %d pupils, registers taken with %d unexplained absences, in %.0f s%n", schoolCount, pupilsPerSchool,
                    absentFamilies.size(), (System.nanoTime() - setup) / 1e9);

            Scheduler scheduler = ctx.getBean(Scheduler.class);
            Dispatcher dispatcher = ctx.getBean(Dispatcher.class);
            scheduler.tick(); // plans the day's jobs for every school; nothing is due yet at 08:50
            // the Dorset preset's first text is due at 09:15, ten minutes after its register closes (the policy's wait, not processing)
            BenchClock.set(LocalDateTime.of(DAY, java.time.LocalTime.of(9, 15)).atZone(LONDON).toInstant());
            long start = System.nanoTime();
            ExecutorService pool = Executors.newFixedThreadPool(dispatchers + 1);
            Future<Scheduler.Tick> ticking = pool.submit(() -> scheduler.tick());
            List<Future<Integer>> sending = new ArrayList<>();
            for (int d = 0; d < dispatchers; d++) {
                // each thread is one instance's dispatcher timer, run back to back instead of every 2 s
                sending.add(pool.submit(() -> {
                    int sent = 0;
                    while (true) {
                        boolean jobsFinished = ticking.isDone();
                        int n = dispatcher.dispatchDue().sent();
                        sent += n;
                        if (n == 0) {
                            if (jobsFinished) {
                                return sent;
                            }
                            Thread.sleep(5);
                        }
                    }
                }));
            }
            Scheduler.Tick tick = ticking.get();
            double jobsDone = (System.nanoTime() - start) / 1e9;
            int sent = 0;
            for (Future<Integer> f : sending) {
                sent += f.get();
            }
            sent += dispatcher.dispatchDue().sent();
            double firstDay = (lastAcceptedNanos.get() - start) / 1e9;
            System.out.printf("first-day texts: %d jobs run (all finished after %.2f s), %d texts accepted by the fake provider in %.2f s from the first-text "
                    + "time (%d dispatcher threads as instances; goal under 10 s)%n", tick.done(), jobsDone, accepted.get(), firstDay, dispatchers);

            // inbound replies, signed as Twilio signs them, through the real webhook over HTTP
            int replies = Integer.parseInt(System.getenv().getOrDefault("BENCH_REPLIES", "3000"));
            HttpClient http = HttpClient.newBuilder().executor(Executors.newFixedThreadPool(16)).build();
            List<HttpRequest> requests = new ArrayList<>();
            for (int r = 0; r < replies; r++) {
                String[] family = absentFamilies.get(r % absentFamilies.size());
                Map<String, String> params = Map.of("MessageSid", "SMbench" + r, "From", family[0], "To", "+447700900000", "AccountSid",
                        "AC00000000000000000000000000000000", "Body", REPLIES[r % REPLIES.length].replace("{n}", family[1]));
                requests.add(signed(server.getURL() + "/api/v1/webhooks/twilio/sms", params));
            }
            AtomicInteger ok = new AtomicInteger();
            ExecutorService clients = Executors.newFixedThreadPool(16);
            long t0 = System.nanoTime();
            List<Future<?>> inFlight = new ArrayList<>();
            for (HttpRequest req : requests) {
                inFlight.add(clients.submit(() -> {
                    HttpResponse<String> resp = http.send(req, HttpResponse.BodyHandlers.ofString());
                    if (resp.statusCode() == 200) {
                        ok.incrementAndGet();
                    }
                    return null;
                }));
            }
            for (Future<?> f : inFlight) {
                f.get();
            }
            double secs = (System.nanoTime() - t0) / 1e9;
            System.out.printf("inbound replies: %d of %d answered 200 in %.2f s = %.0f replies/s with signature checks, stored and read (16 clients; goal 200/s)%n",
                    ok.get(), replies, secs, replies / secs);
            System.out.println();
            System.out.println("| measure | figure | goal |");
            System.out.println("| --- | --- | --- |");
            System.out.printf("| first-day texts, %d schools x %d pupils, %d unexplained absences: first-text time to last text accepted | %.2f s (%d texts) | under 10 s |%n",
                    schoolCount, pupilsPerSchool, absentFamilies.size(), firstDay, accepted.get());
            System.out.printf("| inbound replies through the signed webhook | %.0f /s | 200 /s |%n", replies / secs);
            pool.shutdownNow();
            clients.shutdownNow();
        } finally {
            fake.stop(0);
        }
        System.exit(0);
    }

    private static HttpRequest signed(String url, Map<String, String> params) throws Exception {
        StringBuilder data = new StringBuilder(PUBLIC + "/api/v1/webhooks/twilio/sms");
        new TreeMap<>(params).forEach((k, v) -> data.append(k).append(v));
        Mac mac = Mac.getInstance("HmacSHA1");
        mac.init(new SecretKeySpec(TOKEN.getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
        String signature = Base64.getEncoder().encodeToString(mac.doFinal(data.toString().getBytes(StandardCharsets.UTF_8)));
        StringBuilder form = new StringBuilder();
        params.forEach((k, v) -> form.append(form.length() == 0 ? "" : "&").append(URLEncoder.encode(k, StandardCharsets.UTF_8)).append('=')
                .append(URLEncoder.encode(v, StandardCharsets.UTF_8)));
        return HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/x-www-form-urlencoded").header("X-Twilio-Signature", signature)
                .POST(HttpRequest.BodyPublishers.ofString(form.toString())).build();
    }
}
