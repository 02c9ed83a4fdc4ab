package uk.openattendance.bench;

import com.sun.net.httpserver.HttpServer;
import io.micronaut.context.ApplicationContext;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
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
 * Issue 12's benchmark: first-day texts for SCHOOLS schools (the shared bench school, replicated) with a provider that
 * takes LATENCY ms per text, sent by two instances of the service (two application contexts on one database, each
 * with THREADS dispatcher threads). Prints the time from the first-text job's due time to the last text accepted,
 * the median and p99 per text (due time to accepted), and duplicates: texts the provider accepted twice for one
 * recipient and body (must be 0). Run: bench/never-twice.sh (see README).
 */
public final class NeverTwiceBenchmark {
    static final String TOKEN = "bench-twilio-auth-token-0123456789";
    static final ZoneId LONDON = ZoneId.of("Europe/London");
    static final LocalDate DAY = LocalDate.of(2026, 11, 23);

    record Pupil(int no, String forename, String surname, String form, boolean absent) {}

    public static void main(String[] given) throws Exception {
        String[] args = String.join(" ", given).trim().split("\\s+");
        int schoolCount = Integer.parseInt(args[0]);
        int latencyMillis = Integer.parseInt(args[1]);
        int threads = Integer.parseInt(args[2]);
        Path school = Path.of(args[3]);
        List<Pupil> roll = readSchool(school);
        String url = "jdbc:mysql://127.0.0.1:3306/attendance_nevertwice_bench?createDatabaseIfNotExist=true";
        try (Connection c = DriverManager.getConnection("jdbc:mysql://127.0.0.1:3306/", "root", ""); Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS attendance_nevertwice_bench");
            s.execute("CREATE DATABASE attendance_nevertwice_bench CHARACTER SET utf8mb4");
        }

        // the provider: every text takes LATENCY ms, stored as it arrives, as Twilio stores it before answering
        Map<String, AtomicInteger> byRecipientAndBody = new ConcurrentHashMap<>();
        ConcurrentLinkedQueue<Long> acceptedAtNanos = new ConcurrentLinkedQueue<>();
        AtomicInteger accepted = new AtomicInteger();
        System.setProperty("sun.net.httpserver.nodelay", "true");
        HttpServer fake = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 400);
        fake.createContext("/2010-04-01/Accounts/", ex -> {
            String form = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            byte[] body;
            int status;
            if (ex.getRequestMethod().equals("POST")) {
                Map<String, String> f = form(form);
                byRecipientAndBody.computeIfAbsent(f.get("To") + "\n" + f.get("Body"), k -> new AtomicInteger()).incrementAndGet();
                int n = accepted.incrementAndGet();
                try {
                    Thread.sleep(latencyMillis);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                acceptedAtNanos.add(System.nanoTime());
                body = ("{\"sid\":\"SM" + String.format("%032d", n) + "\",\"status\":\"queued\"}").getBytes(StandardCharsets.UTF_8);
                status = 201;
            } else {
                // a list request (asked only about a text in doubt): none of these were lost
                body = "{\"messages\":[],\"next_page_uri\":null,\"page\":0,\"page_size\":100}".getBytes(StandardCharsets.UTF_8);
                status = 200;
            }
            ex.getResponseHeaders().add("Content-Type", "application/json");
            ex.sendResponseHeaders(status, body.length);
            ex.getResponseBody().write(body);
            ex.close();
        });
        fake.setExecutor(Executors.newFixedThreadPool(Math.max(16, 4 * threads)));
        fake.start();

        BenchClock.set(LocalDateTime.of(DAY, LocalTime.of(8, 40)).atZone(LONDON).toInstant());
        ApplicationContext first = instance(url, fake.getAddress().getPort());
        ApplicationContext second = instance(url, fake.getAddress().getPort());
        try {
            Actor system = Actor.bootstrap("never-twice benchmark");
            SchoolService schools = first.getBean(SchoolService.class);
            RollImportService imports = first.getBean(RollImportService.class);
            PupilService pupilService = first.getBean(PupilService.class);
            RegisterService registers = first.getBean(RegisterService.class);
            long trust = schools.createTrust(system, new CreateTrust("Never Twice Benchmark Trust")).id();
            long setup = System.nanoTime();
            int absences = 0;
            for (int i = 0; i < schoolCount; i++) {
                long id = schools.createSchool(system, new CreateSchool(trust, String.format("%06d", 810100 + i), PolicyPresets.SECONDARY_ACADEMY_DORSET,
                        new SchoolDetails("Never Twice Academy " + (i + 1), "Europe/London", "01632 960" + String.format("%03d", i), "office" + i
                                + "@bench.example.org", null, List.of()))).id();
                StringBuilder pupils = new StringBuilder("upn,legal_forename,legal_surname,date_of_birth,year_group,register_group,start_date,form\n");
                StringBuilder contacts = new StringBuilder("upn,name,relationship,parental_responsibility,lives_with_pupil,priority,mobile\n");
                Map<String, Pupil> byUpn = new HashMap<>();
                for (Pupil p : roll) {
                    String upn = String.format("N%03d%09d", i, p.no());
                    byUpn.put(upn, p);
                    pupils.append(upn).append(',').append(p.forename()).append(',').append(p.surname()).append(",2012-05-01,9,Whole school,2025-09-01,")
                            .append(p.form()).append('\n');
                    // Ofcom's drama range has 1,000 numbers: pupils 1,000 apart share a parent, as siblings do
                    contacts.append(upn).append(",Parent ").append(p.surname()).append(",Mother,yes,yes,1,07700 900").append(String.format("%03d", p.no() % 1000))
                            .append('\n');
                }
                imports.importPupils(system, id, pupils.toString());
                imports.importContacts(system, id, contacts.toString());
                List<SubmitRegister.Entry> marks = new ArrayList<>();
                for (PupilView p : pupilService.wholeRoll(system, id)) {
                    boolean absent = byUpn.get(p.upn()).absent();
                    absences += absent ? 1 : 0;
                    marks.add(new SubmitRegister.Entry(p.id(), absent ? "N" : "/", null, null, null));
                }
                BenchClock.set(LocalDateTime.of(DAY, LocalTime.of(8, 50)).atZone(LONDON).toInstant());
                registers.submit(system, id, DAY, Session.AM, new SubmitRegister(marks, null));
            }
            System.out.printf("set-up: %d schools x %d pupils (%s), %d unexplained absences, in %.0f s%n", schoolCount, roll.size(), school, absences,
                    (System.nanoTime() - setup) / 1e9);

            Scheduler scheduler = first.getBean(Scheduler.class);
            scheduler.tick(); // plans the day's jobs; nothing is due at 08:50
            // the Dorset preset's first texts are due at 09:15: time starts there and runs on in real time
            Instant due = LocalDateTime.of(DAY, LocalTime.of(9, 15)).atZone(LONDON).toInstant();
            BenchClock.set(due);
            long start = System.nanoTime();
            ExecutorService pool = Executors.newFixedThreadPool(2 * threads + 2);
            // both instances' schedulers wake at the due time; each job runs on one of them
            Future<Scheduler.Tick> tickA = pool.submit(() -> scheduler.tick());
            Future<Scheduler.Tick> tickB = pool.submit(() -> second.getBean(Scheduler.class).tick());
            List<Future<Integer>> sending = new ArrayList<>();
            for (ApplicationContext instance : List.of(first, second)) {
                Dispatcher dispatcher = instance.getBean(Dispatcher.class);
                for (int d = 0; d < threads; d++) {
                    sending.add(pool.submit(() -> {
                        int sent = 0;
                        int idle = 0;
                        while (true) {
                            boolean jobsFinished = tickA.isDone() && tickB.isDone();
                            Dispatcher.Pass pass = dispatcher.dispatchDue();
                            sent += pass.sent();
                            if (pass.sent() + pass.retried() + pass.failed() + pass.cancelled() == 0) {
                                if (jobsFinished && ++idle > 3) {
                                    return sent;
                                }
                                Thread.sleep(20);
                            } else {
                                idle = 0;
                            }
                        }
                    }));
                }
            }
            int jobs = tickA.get().done() + tickB.get().done();
            int sent = 0;
            for (Future<Integer> f : sending) {
                sent += f.get();
            }
            long last = acceptedAtNanos.stream().mapToLong(Long::longValue).max().orElse(start);
            List<Double> perText = acceptedAtNanos.stream().map(t -> (t - start) / 1e9).sorted().toList();
            int duplicates = byRecipientAndBody.values().stream().mapToInt(n -> n.get() - 1).sum();
            Map<String, Integer> outbox = outboxByStatus(url);
            int rows = outbox.values().stream().mapToInt(Integer::intValue).sum();
            pool.shutdownNow();
            System.out.println();
            System.out.println("| measure | figure |");
            System.out.println("| --- | --- |");
            System.out.printf("| schools x pupils, unexplained absences | %d x %d, %d |%n", schoolCount, roll.size(), absences);
            System.out.printf("| provider latency per text; instances x dispatcher threads | %d ms; 2 x %d |%n", latencyMillis, threads);
            System.out.printf("| jobs due by the first-text time run (each on one instance) | %d |%n", jobs);
            System.out.printf("| texts accepted by the provider / outbox rows | %d / %d %s |%n", accepted.get(), rows, outbox);
            System.out.printf("| due time to last text accepted | %.1f s |%n", (last - start) / 1e9);
            System.out.printf("| per text, due time to accepted: median / p99 | %.1f s / %.1f s |%n", pct(perText, 50), pct(perText, 99));
            System.out.printf("| duplicates (same recipient and body accepted twice) | %d |%n", duplicates);
        } finally {
            second.close();
            first.close();
            fake.stop(0);
        }
        System.exit(0);
    }

    static ApplicationContext instance(String url, int fakePort) {
        return ApplicationContext.builder().environments("bench", "notifybench").properties(Map.ofEntries(
                Map.entry("datasources.default.url", url), Map.entry("datasources.default.username", "root"), Map.entry("datasources.default.password", ""),
                Map.entry("datasources.default.maximum-pool-size", "20"), Map.entry("micronaut.server.port", "-1"),
                Map.entry("attendance.secrets.key", "bench-secrets-key-bench-secrets-key-0123456789"),
                Map.entry("micronaut.security.token.jwt.signatures.secret.generator.secret", "bench-secret-bench-secret-bench-secret-0123456789"),
                Map.entry("attendance.ledger.keys", "bench-2026:bsRaK4MAefXwhw7qTnNsTUGWbe7+gKKWhAVn1WkeQSQ="),
                Map.entry("attendance.ledger.seal-private-key", "MC4CAQAwBQYDK2VwBCIEIMi3z2fsE1ofZcZwW0nIlDem1Twwc7TiGGz38m5pUNSq"),
                Map.entry("notify.sink", "send"), Map.entry("notify.dispatcher.enabled", "false"), Map.entry("schedule.enabled", "false"),
                // batches a slow provider can finish well inside the 60 s lease (10 x 1.5 s)
                Map.entry("notify.dispatcher.batch-size", System.getProperty("bench.batch", "10")),
                Map.entry("notify.twilio.account-sid", "AC00000000000000000000000000000000"), Map.entry("notify.twilio.auth-token", TOKEN),
                Map.entry("notify.twilio.from", "+447700900000"), Map.entry("notify.twilio.api-base-url", "http://127.0.0.1:" + fakePort),
                Map.entry("notify.smtp.host", "127.0.0.1"), Map.entry("notify.smtp.port", "2525"), Map.entry("notify.smtp.from", "bench@example.org"),
                Map.entry("attendance.public-base-url", "http://127.0.0.1:8080"))).start();
    }

    /** The shared bench school: its pupils, and who is absent (any absence code) on its first day's morning. */
    static List<Pupil> readSchool(Path dir) throws Exception {
        List<String> pupils = Files.readAllLines(dir.resolve("pupils.csv"));
        List<String> marks = Files.readAllLines(dir.resolve("marks.csv"));
        String firstDay = Files.readAllLines(dir.resolve("days.csv")).get(1).trim();
        Set<Integer> absent = new HashSet<>();
        for (String line : marks.subList(1, marks.size())) {
            String[] m = line.split(",", -1);
            if (m[1].equals(firstDay) && m[2].equals("AM") && !m[3].equals("/") && !m[3].equals("L")) {
                absent.add(Integer.parseInt(m[0]));
            }
        }
        List<Pupil> out = new ArrayList<>();
        for (String line : pupils.subList(1, pupils.size())) {
            String[] p = line.split(",", -1);
            int no = Integer.parseInt(p[0]);
            out.add(new Pupil(no, p[3], p[2], p[5], absent.contains(no)));
        }
        return out;
    }

    static Map<String, Integer> outboxByStatus(String url) throws Exception {
        Map<String, Integer> out = new java.util.TreeMap<>();
        try (Connection c = DriverManager.getConnection(url, "root", ""); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT status, COUNT(*) FROM outbox_message GROUP BY status")) {
            while (rs.next()) {
                out.put(rs.getString(1), rs.getInt(2));
            }
        }
        return out;
    }

    static double pct(List<Double> sorted, int p) {
        return sorted.isEmpty() ? 0 : sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1));
    }

    static Map<String, String> form(String body) {
        Map<String, String> out = new HashMap<>();
        for (String pair : body.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                out.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8), URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return out;
    }
}
