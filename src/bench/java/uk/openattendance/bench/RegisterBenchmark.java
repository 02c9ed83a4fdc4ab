package uk.openattendance.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Date;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import uk.openattendance.school.app.CreateSchool;
import uk.openattendance.school.app.CreateTrust;
import uk.openattendance.school.app.SchoolDetails;
import uk.openattendance.school.app.SchoolService;
import uk.openattendance.school.domain.PolicyPresets;
import uk.openattendance.security.Actor;
import uk.openattendance.security.CreateStaff;
import uk.openattendance.security.Role;
import uk.openattendance.security.StaffService;

/**
 * Loads the synthetic school of shared/bench (gen_school.py) through the service's own CSV imports over HTTP and
 * prints median and p99 for the operations schools feel, beside plain JDBC batches doing the same writes.
 * Run: bench/run.sh (see README). Arguments: data directory, number of schools in the trust.
 */
public final class RegisterBenchmark {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().executor(Executors.newFixedThreadPool(64)).build();
    private static final String PASSWORD = "bench-password-2026";

    private static String base;
    private static String token;
    private static final Map<String, String> TABLE = new LinkedHashMap<>();

    public static void main(String[] given) throws Exception {
        String[] args = String.join(" ", given).trim().split("\\s+");
        Path data = Path.of(args.length > 0 ? args[0] : "target/bench-data");
        int schoolsInTrust = args.length > 1 ? Integer.parseInt(args[1]) : 20;
        BenchDatabase db = BenchDatabase.fromSettings("attendance_bench");
        DB = db;
        String url = db.url();
        // BENCH_REUSE=1 measures again over the trust a previous run loaded (after a code change), skipping the 12-minute load
        boolean reuse = "1".equals(System.getenv("BENCH_REUSE"));
        if (!reuse) {
            db.recreate();
        }
        try (ApplicationContext ctx = ApplicationContext.builder().environments("bench")
                .properties(Map.of("datasources.default.url", url, "datasources.default.username", db.user, "datasources.default.password", db.password,
                        "micronaut.server.port", "-1", "micronaut.security.token.jwt.signatures.secret.generator.secret",
                        "bench-secret-bench-secret-bench-secret-0123456789", "datasources.default.maximum-pool-size", "60",
                        "attendance.ledger.keys", "bench-2026:bsRaK4MAefXwhw7qTnNsTUGWbe7+gKKWhAVn1WkeQSQ=", "attendance.ledger.seal-private-key", "MC4CAQAwBQYDK2VwBCIEIMi3z2fsE1ofZcZwW0nIlDem1Twwc7TiGGz38m5pUNSq",
                        "attendance.secrets.key", "bench-secrets-key-bench-secrets-key-0123456789"))
                .start()) {
            EmbeddedServer server = ctx.getBean(EmbeddedServer.class).start();
            base = server.getURL().toString();
            Actor system = Actor.bootstrap("benchmark");
            SchoolService schools = ctx.getBean(SchoolService.class);
            long trust = reuse ? 1 : schools.createTrust(system, new CreateTrust("Benchmark Trust")).id();
            if (!reuse) {
                ctx.getBean(StaffService.class).createStaff(system, new CreateStaff("bench.admin@example.org", "Bench Admin", PASSWORD, Role.TRUST_ADMIN, null,
                        trust));
            }
            token = login();

            List<Long> schoolIds = new ArrayList<>(reuse ? schools.schoolIdsInTrust(trust) : List.of());
            for (int i = 0; i < schoolsInTrust && !reuse; i++) {
                schoolIds.add(schools.createSchool(system, new CreateSchool(trust, String.format("%06d", 900100 + i), PolicyPresets.SECONDARY_ACADEMY_DORSET,
                        new SchoolDetails("Benchmark Academy " + (i + 1), "Europe/London", null, "office" + i + "@bench.example.org", null, List.of()))).id());
            }
            String pupilsCsv = pupilsCsv(data);
            List<String> markChunks = markChunks(data, 100_000);
            long totalMarks = 0;
            long loadStart = System.nanoTime();
            for (int i = 0; i < schoolIds.size() && !reuse; i++) {
                long school = schoolIds.get(i);
                post("/api/v1/schools/" + school + "/imports/pupils", pupilsCsv, "text/csv", true);
                long t0 = System.nanoTime();
                for (String chunk : markChunks) {
                    JsonNode r = post("/api/v1/schools/" + school + "/imports/marks", chunk, "text/csv", true);
                    totalMarks += r.get("created").asLong();
                }
                double secs = (System.nanoTime() - t0) / 1e9;
                System.out.printf("school %d/%d loaded: %d marks in %.1f s (%.0f marks/s through the service's import)%n", i + 1, schoolIds.size(),
                        totalMarks / (i + 1), secs, (totalMarks / (double) (i + 1)) / secs);
            }
            System.out.printf("trust loaded: %d schools, %d marks in %.0f s%n", schoolIds.size(), totalMarks, (System.nanoTime() - loadStart) / 1e9);

            // Registers are saved in two schools' forms whose June-November registers no run has taken yet (each run uses a fresh
            // pair; BENCH_SAVE_SCHOOL=index overrides). Each client is one teacher with one form, as at 9:00: teachers never save the
            // same pupils at once. The baseline writes the same rows for the same forms into baseline_* copies of the tables.
            int saveIn = System.getenv().containsKey("BENCH_SAVE_SCHOOL") ? Integer.parseInt(System.getenv("BENCH_SAVE_SCHOOL"))
                    : freshPair(url, schoolIds);
            long school = schoolIds.get(saveIn);
            System.out.printf("saving registers in schools %d and %d of the trust (ids %s)%n", saveIn, saveIn + 1,
                    schoolIds.subList(saveIn, Math.min(saveIn + 2, schoolIds.size())));
            List<Form> forms = new ArrayList<>();
            for (long s : schoolIds.subList(saveIn, Math.min(saveIn + 2, schoolIds.size()))) {
                Map<String, List<Long>> byForm = new LinkedHashMap<>();
                for (JsonNode p : roll(s)) {
                    byForm.computeIfAbsent(p.get("form").asText(), k -> new ArrayList<>()).add(p.get("id").asLong());
                }
                byForm.forEach((name, ids) -> {
                    if (ids.size() >= 25) {
                        forms.add(new Form(s, name, ids, new AtomicInteger(), new AtomicInteger()));
                    }
                });
            }
            List<String[]> sessions = new ArrayList<>();
            for (LocalDate d : weekdays(LocalDate.of(2026, 6, 1), LocalDate.of(2026, 11, 20))) {
                sessions.add(new String[] {d.toString(), "AM"});
                sessions.add(new String[] {d.toString(), "PM"});
            }
            prepareBaselineTables(url);
            AtomicInteger roundRobin = new AtomicInteger();
            Op anyForm = client -> saveRegister(forms.get(roundRobin.getAndIncrement() % forms.size()), sessions);
            Op anyFormJdbc = client -> jdbcSameWrites(url, forms.get(roundRobin.getAndIncrement() % forms.size()));
            // with one school there are fewer forms than clients: two teachers then share a form, saving different sessions
            Op ownForm = client -> saveRegister(forms.get(client % forms.size()), sessions);
            Op ownFormJdbc = client -> jdbcSameWrites(url, forms.get(client % forms.size()));

            Path jfr = Path.of(System.getProperty("bench.jfr.dir", "target")).toAbsolutePath();
            // BENCH_FIGURES_ONLY=1 (with BENCH_REUSE) measures the figures alone, with a JFR of the year-to-date rounds
            boolean figuresOnly = "1".equals(System.getenv("BENCH_FIGURES_ONLY"));
            if (!figuresOnly) {
                // warm-up: the JIT and the pool, so the figures are steady-state (with 200 a run started right after the load,
                // which the imports had warmed, saved at 11 ms median at 1 client, and runs started cold with BENCH_REUSE at 15)
                timeParallel("warm-up", 4, 1000, anyForm);
                timeParallel("warm-up", 4, 1000, anyFormJdbc);
                compare("register save, 30 pupils", 1, 5, 80, anyForm, anyFormJdbc, "within 1.5x of the baseline", null);
                compare("register save, 30 pupils", 50, 5, 600, ownForm, ownFormJdbc, "within 1.5x of the baseline", jfr);
                System.out.println("JDBC same-rows baseline: " + BASELINE_RETRIES.get() + " deadlock retries");
                settle();
            } else {
                timeParallel("warm-up", 1, 30, client -> get("/api/v1/schools/" + schoolIds.get(schoolIds.size() - 1)
                        + "/attendance?groupBy=PUPIL&window=YEAR_TO_DATE&date=2026-07-31&size=500"));
            }

            // lists come in pages: size=500 is the largest, and the service still works out every pupil's figures to answer it
            String ytd = "window=YEAR_TO_DATE&date=2026-07-31";
            long ytdSchool = schoolIds.get(schoolIds.size() - 1); // never saved into, so every run reads the same 1,000 pupils
            compare("year-to-date figures, every pupil of a 1,000-pupil school", 1, 5, 10,
                    client -> get("/api/v1/schools/" + ytdSchool + "/attendance?groupBy=PUPIL&size=500&" + ytd),
                    client -> jdbcYearFigures(url, List.of(ytdSchool), false), "median < 20 ms", figuresOnly ? jfr : null);
            compare("trust persistent-absentee list (" + schoolIds.size() + " schools, " + schoolIds.size() * 1000 + " pupils)", 1, 5, 4,
                    client -> get("/api/v1/trusts/" + trust + "/attendance/persistent-absentees?size=500&" + ytd),
                    client -> jdbcYearFigures(url, schoolIds, true), "median < 150 ms", null);
            List<Long> ids = roll(school).stream().map(p -> p.get("id").asLong()).toList();
            AtomicInteger pupilNext = new AtomicInteger();
            record("one pupil's year history (marks)", timeParallel("history", 1, 200,
                    client -> get("/api/v1/schools/" + school + "/pupils/" + ids.get(pupilNext.getAndIncrement() % ids.size()) + "/marks?from=2025-09-01&to=2026-08-31&size=500")));
            record("today's absentees (one session of the whole school)", timeParallel("absent", 1, 100,
                    client -> get("/api/v1/schools/" + school + "/attendance/day/2026-05-20/AM")));

            System.out.println();
            System.out.println("| operation | clients | service median | service p99 | baseline median | baseline p99 | ratio median | ratio p99 | goal | load avg (1 min) |");
            System.out.println("| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |");
            COMPARED.forEach(System.out::println);
            System.out.println();
            System.out.println("| operation (service only) | median | p99 |");
            System.out.println("| --- | --- | --- |");
            TABLE.forEach((k, v) -> System.out.println("| " + k + " | " + v + " |"));
            long pa = get("/api/v1/trusts/" + trust + "/attendance/persistent-absentees?size=1&" + ytd).get("totalItems").asLong();
            System.out.printf("%npersistent absentees in the trust: %d (%d per school)%n", pa, pa / schoolIds.size());
            server.stop();
        }
        System.exit(0);
    }

    interface Op {
        Object run(int client) throws Exception;
    }

    record Form(long schoolId, String name, List<Long> pupilIds, AtomicInteger nextSession, AtomicInteger nextBaselineSession) {}

    private static final List<String> COMPARED = new ArrayList<>();

    /**
     * The service and its same-rows JDBC baseline in alternating rounds ({@code rounds} of {@code perRound} operations each),
     * so whatever else the shared machine is doing weighs on both alike; the 1-minute load average is read before and after.
     * With {@code jfrDir}, each service round is recorded (JFR, profile settings) and the samples' top frames printed.
     */
    private static void compare(String name, int clients, int rounds, int perRound, Op service, Op baseline, String goal, Path jfrDir) throws Exception {
        List<Long> s = new ArrayList<>();
        List<Long> b = new ArrayList<>();
        List<Path> recordings = new ArrayList<>();
        String loadBefore = loadAverage();
        for (int r = 0; r < rounds; r++) {
            jdk.jfr.Recording rec = null;
            if (jfrDir != null) {
                rec = new jdk.jfr.Recording(jdk.jfr.Configuration.getConfiguration("profile"));
                rec.start();
            }
            s.addAll(samples(name, clients, perRound, service));
            if (rec != null) {
                rec.stop();
                Path file = jfrDir.resolve((name.startsWith("register save") ? "register-save-" : "figures-") + clients + "-clients-round-" + (r + 1) + ".jfr");
                rec.dump(file);
                rec.close();
                recordings.add(file);
            }
            b.addAll(samples(name + " (baseline)", clients, perRound, baseline));
        }
        String load = loadBefore + " -> " + loadAverage();
        double[] sv = stats(s);
        double[] bv = stats(b);
        String row = String.format("| %s | %d | %.1f ms | %.1f ms | %.1f ms | %.1f ms | %.2fx | %.2fx | %s | %s |", name, clients, sv[0], sv[1], bv[0], bv[1],
                sv[0] / bv[0], sv[1] / bv[1], goal, load);
        COMPARED.add(row);
        System.out.printf("%s, %d client(s): service median %.1f ms p99 %.1f ms (n=%d); baseline median %.1f ms p99 %.1f ms (n=%d); %.2fx / %.2fx; load %s%n",
                name, clients, sv[0], sv[1], s.size(), bv[0], bv[1], b.size(), sv[0] / bv[0], sv[1] / bv[1], load);
        if (!recordings.isEmpty()) {
            printTopFrames(recordings);
        }
    }

    /**
     * Waits (at most two minutes) until the machine's CPUs are mostly idle again: after 6,000 saves the database goes
     * on flushing and purging for a while, and the figures that follow would time that work, not their own reads.
     */
    private static void settle() throws Exception {
        long start = System.nanoTime();
        int quiet = 0;
        while (quiet < 2 && System.nanoTime() - start < 120_000_000_000L) {
            long[] a = cpu();
            Thread.sleep(2000);
            long[] b = cpu();
            double idle = (double) (b[1] - a[1]) / Math.max(1, b[0] - a[0]);
            quiet = idle >= 0.6 ? quiet + 1 : 0;
        }
        System.out.printf("settled after the saves: %.0f s until the CPUs were 60%% idle for 4 s%n", (System.nanoTime() - start) / 1e9);
    }

    /** Total and idle jiffies of all CPUs, from /proc/stat. */
    private static long[] cpu() throws IOException {
        String[] f = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
        long total = 0;
        for (int i = 1; i < f.length; i++) {
            total += Long.parseLong(f[i]);
        }
        return new long[] {total, Long.parseLong(f[4]) + Long.parseLong(f[5])};
    }

    /** The 1-, 5- and 15-minute load averages, as uptime prints them. */
    private static String loadAverage() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return f[0] + " " + f[1] + " " + f[2];
        } catch (IOException e) {
            return "?";
        }
    }

    private static double[] stats(List<Long> nanos) {
        long[] sorted = nanos.stream().mapToLong(Long::longValue).sorted().toArray();
        return new double[] {sorted[sorted.length / 2] / 1e6, sorted[Math.min(sorted.length - 1, (int) Math.ceil(sorted.length * 0.99) - 1)] / 1e6};
    }

    /** JFR execution samples aggregated by their top frame, and by the first frame in the service's own code. */
    private static void printTopFrames(List<Path> recordings) throws IOException {
        Map<String, Integer> top = new HashMap<>();
        Map<String, Integer> own = new HashMap<>();
        int total = 0;
        for (Path file : recordings) {
            for (jdk.jfr.consumer.RecordedEvent e : jdk.jfr.consumer.RecordingFile.readAllEvents(file)) {
                if (!e.getEventType().getName().equals("jdk.ExecutionSample") || e.getStackTrace() == null || e.getStackTrace().getFrames().isEmpty()) {
                    continue;
                }
                total++;
                List<jdk.jfr.consumer.RecordedFrame> frames = e.getStackTrace().getFrames();
                top.merge(frameName(frames.get(0)), 1, Integer::sum);
                frames.stream().filter(f -> f.getMethod().getType().getName().startsWith("uk.openattendance.")
                        && !f.getMethod().getType().getName().startsWith("uk.openattendance.bench.")).findFirst()
                        .ifPresent(f -> own.merge(frameName(f), 1, Integer::sum));
            }
        }
        int n = total;
        System.out.printf("JFR (%d files under %s): %d execution samples%n", recordings.size(), recordings.get(0).getParent(), n);
        System.out.println("| top frame | samples | share |");
        System.out.println("| --- | --- | --- |");
        top.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed()).limit(10)
                .forEach(e -> System.out.printf("| %s | %d | %.1f%% |%n", e.getKey(), e.getValue(), 100.0 * e.getValue() / n));
        System.out.println("| first frame in the service's code | samples | share |");
        System.out.println("| --- | --- | --- |");
        own.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed()).limit(10)
                .forEach(e -> System.out.printf("| %s | %d | %.1f%% |%n", e.getKey(), e.getValue(), 100.0 * e.getValue() / n));
    }

    private static String frameName(jdk.jfr.consumer.RecordedFrame f) {
        return f.getMethod().getType().getName() + "." + f.getMethod().getName();
    }

    /** The first pair of schools in which no register from June 2026 on has been saved (the import ends in May). */
    private static int freshPair(String url, List<Long> schoolIds) throws Exception {
        try (Connection c = DriverManager.getConnection(url, DB.user, DB.password);
                PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM mark WHERE school_id = ? AND mark_date >= '2026-06-01'")) {
            for (int i = 0; i + 1 < schoolIds.size(); i += 2) {
                boolean fresh = true;
                for (long id : schoolIds.subList(i, i + 2)) {
                    ps.setLong(1, id);
                    try (java.sql.ResultSet rs = ps.executeQuery()) {
                        rs.next();
                        fresh &= rs.getLong(1) == 0;
                    }
                }
                if (fresh) {
                    return i;
                }
            }
        }
        throw new IllegalStateException("every pair of schools has had registers saved into it: reload (without BENCH_REUSE) or set BENCH_SAVE_SCHOOL");
    }

    private static void prepareBaselineTables(String url) throws Exception {
        try (Connection c = DriverManager.getConnection(url, DB.user, DB.password); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE IF NOT EXISTS baseline_mark LIKE mark");
            s.execute("ALTER TABLE baseline_mark DROP FOREIGN KEY IF EXISTS fk_mark_pupil");
            s.execute("TRUNCATE TABLE baseline_mark");
            for (String t : List.of("mark_history", "pupil_chain_head", "attendance_week", "attendance_year")) {
                s.execute("CREATE TABLE IF NOT EXISTS baseline_" + t + " LIKE " + t);
                s.execute("TRUNCATE TABLE baseline_" + t);
            }
        }
    }

    /**
     * The figures' baseline: the same yearly tally rows and pupils read by plain JDBC, each pupil's figures computed from
     * them; {@code absenteesOnly} keeps the persistent absentees (10%+ of possible sessions missed) with their names.
     */
    private static Object jdbcYearFigures(String url, List<Long> schools, boolean absenteesOnly) throws Exception {
        Connection c = connection(url);
        String in = String.join(",", Collections.nCopies(schools.size(), "?"));
        Map<Long, int[]> tallies = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT pupil_id, possible, present, approved_activity, authorised, unauthorised FROM attendance_year "
                + "WHERE school_id IN (" + in + ") AND academic_year = '2025/26'")) {
            for (int i = 0; i < schools.size(); i++) {
                ps.setLong(i + 1, schools.get(i));
            }
            try (java.sql.ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    int possible = rs.getInt(2);
                    int absent = rs.getInt(5) + rs.getInt(6);
                    if (!absenteesOnly || (possible > 0 && absent * 10L >= possible)) {
                        tallies.put(rs.getLong(1), new int[] {possible, rs.getInt(3) + rs.getInt(4), absent});
                    }
                }
            }
        }
        List<String> rows = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT id, legal_forename, legal_surname FROM pupil WHERE school_id IN (" + in + ")")) {
            for (int i = 0; i < schools.size(); i++) {
                ps.setLong(i + 1, schools.get(i));
            }
            try (java.sql.ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    int[] t = tallies.get(rs.getLong(1));
                    if (t != null) {
                        rows.add(rs.getString(2) + " " + rs.getString(3) + " " + (t[0] == 0 ? "-" : String.format("%.1f", 100.0 * t[1] / t[0])));
                    }
                }
            }
        }
        c.commit();
        return rows;
    }

    private static Connection connection(String url) throws Exception {
        Connection c = JDBC.get();
        if (c == null) {
            c = DriverManager.getConnection(url + "&rewriteBatchedStatements=true", DB.user, DB.password);
            c.setAutoCommit(false);
            JDBC.set(c);
        }
        return c;
    }

    private static List<JsonNode> roll(long school) throws Exception {
        List<JsonNode> pupils = new ArrayList<>();
        int total = get("/api/v1/schools/" + school + "/pupils?size=500&page=0").get("totalItems").asInt();
        for (int page = 0; page * 500 < total; page++) {
            get("/api/v1/schools/" + school + "/pupils?size=500&page=" + page).get("items").forEach(pupils::add);
        }
        return pupils;
    }

    private static double[] timeParallel(String name, int clients, int total, Op op) throws Exception {
        List<Long> nanos = samples(name, clients, total, op);
        double[] st = stats(nanos);
        return new double[] {st[0], st[1], nanos.size()};
    }

    /** Runs {@code total} operations over {@code clients} threads; each operation's time in nanoseconds. */
    private static List<Long> samples(String name, int clients, int total, Op op) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        ConcurrentLinkedQueue<Long> nanos = new ConcurrentLinkedQueue<>();
        AtomicInteger left = new AtomicInteger(total);
        List<Future<?>> futures = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            int client = c;
            futures.add(pool.submit(() -> {
                while (left.getAndDecrement() > 0) {
                    long t0 = System.nanoTime();
                    try {
                        op.run(client);
                    } catch (Exception e) {
                        throw new IllegalStateException(name + " failed", e);
                    }
                    nanos.add(System.nanoTime() - t0);
                }
                return null;
            }));
        }
        for (Future<?> f : futures) {
            f.get();
        }
        pool.shutdown();
        return new ArrayList<>(nanos);
    }

    private static void record(String name, double[] r) {
        String v = String.format("%.1f ms | %.1f ms", r[0], r[1]);
        TABLE.put(name, v);
        System.out.printf("%s: median %.1f ms, p99 %.1f ms (n=%d)%n", name, r[0], r[1], (int) r[2]);
    }

    private static Object saveRegister(Form form, List<String[]> sessions) throws Exception {
        String[] when = sessions.get(form.nextSession().getAndIncrement());
        StringBuilder body = new StringBuilder("{\"marks\":[");
        String present = when[1].equals("AM") ? "/" : "\\\\";
        for (int i = 0; i < Math.min(30, form.pupilIds().size()); i++) {
            if (i > 0) {
                body.append(',');
            }
            body.append("{\"pupilId\":").append(form.pupilIds().get(i)).append(",\"code\":\"").append(i == 3 ? "N" : present).append("\"}");
        }
        body.append("]}");
        return post("/api/v1/schools/" + form.schoolId() + "/registers/" + when[0] + "/" + when[1], body.toString(), "application/json", false);
    }

    private static final ThreadLocal<Connection> JDBC = new ThreadLocal<>();
    /** The benchmark's own database (BENCH_DB_* or BENCH_MYSQL_URL); the plain-JDBC baselines use it too. */
    private static BenchDatabase DB;

    /**
     * What the service writes for one register, as plain JDBC batches in one transaction: the storage cost without the
     * service. Retried when InnoDB picks it as a deadlock victim (as a client resends after the service's 409).
     */
    private static Object jdbcSameWrites(String url, Form form) throws Exception {
        int n = form.nextBaselineSession().getAndIncrement();
        for (int attempt = 1; ; attempt++) {
            try {
                return sameWritesOnce(url, form.schoolId(), form.pupilIds(), n);
            } catch (java.sql.SQLTransactionRollbackException e) {
                JDBC.get().rollback();
                BASELINE_RETRIES.incrementAndGet();
                if (attempt >= 10) {
                    throw e;
                }
            }
        }
    }

    static final AtomicInteger BASELINE_RETRIES = new AtomicInteger();

    /** One register of the form's first 30 pupils, on the form's n-th baseline day. */
    private static Object sameWritesOnce(String url, long school, List<Long> ids, int n) throws Exception {
        Connection c = connection(url);
        LocalDate date = LocalDate.of(2019, 1, 1).plusDays(n);
        List<Long> form = new ArrayList<>(ids.subList(0, Math.min(30, ids.size())));
        Collections.sort(form);
        Timestamp now = Timestamp.from(Instant.now());
        try (PreparedStatement upsert = c.prepareStatement("INSERT INTO baseline_pupil_chain_head (pupil_id, school_id, seq, hash) VALUES (?,?,0,?) "
                + "ON DUPLICATE KEY UPDATE seq = seq")) {
            for (long p : form) {
                upsert.setLong(1, p); upsert.setLong(2, school); upsert.setString(3, "0".repeat(64));
                upsert.addBatch();
            }
            upsert.executeBatch();
        }
        try (PreparedStatement lock = c.prepareStatement("SELECT pupil_id, seq, hash FROM baseline_pupil_chain_head WHERE pupil_id IN ("
                + String.join(",", Collections.nCopies(30, "?")) + ") FOR UPDATE")) {
            for (int i = 0; i < 30; i++) {
                lock.setLong(i + 1, form.get(i));
            }
            lock.executeQuery().close();
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO baseline_mark (school_id, pupil_id, register_group_id, mark_date, session, code, "
                + "minutes_late, source, version, recorded_by, recorded_at) VALUES (?,?,?,?,?,?,?,?,?,?,?)")) {
            for (long p : form) {
                ps.setLong(1, school); ps.setLong(2, p); ps.setLong(3, 1); ps.setDate(4, Date.valueOf(date)); ps.setString(5, "AM"); ps.setString(6, "/");
                ps.setInt(7, 0); ps.setString(8, "REGISTER"); ps.setInt(9, 1); ps.setString(10, "Bench Teacher (Teacher)"); ps.setTimestamp(11, now);
                ps.addBatch();
            }
            ps.executeBatch();
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO baseline_mark_history (school_id, pupil_id, seq, mark_date, session, old_code, new_code, "
                + "old_minutes_late, new_minutes_late, reason, changed_by, changed_at, prev_hash, hash) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)")) {
            for (long p : form) {
                ps.setLong(1, school); ps.setLong(2, p); ps.setLong(3, n); ps.setDate(4, Date.valueOf(date)); ps.setString(5, "AM"); ps.setString(6, null);
                ps.setString(7, "/"); ps.setInt(8, 0); ps.setInt(9, 0); ps.setString(10, null); ps.setString(11, "Bench Teacher (Teacher)");
                ps.setTimestamp(12, now); ps.setString(13, "0".repeat(64)); ps.setString(14, "f".repeat(64));
                ps.addBatch();
            }
            ps.executeBatch();
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO baseline_pupil_chain_head (pupil_id, school_id, seq, hash) VALUES (?,?,?,?) "
                + "ON DUPLICATE KEY UPDATE seq = VALUES(seq), hash = VALUES(hash)")) {
            for (long p : form) {
                ps.setLong(1, p); ps.setLong(2, school); ps.setLong(3, n); ps.setString(4, "f".repeat(64));
                ps.addBatch();
            }
            ps.executeBatch();
        }
        for (String table : List.of("baseline_attendance_week", "baseline_attendance_year")) {
            boolean week = table.endsWith("week");
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO " + table + " (school_id, pupil_id, " + (week ? "week_start" : "academic_year")
                    + ", sessions, possible, present, approved_activity, authorised, unauthorised, late_l, late_u, minutes_late, penalty_sessions) "
                    + "VALUES (?,?,?,1,1,1,0,0,0,0,0,0,0) ON DUPLICATE KEY UPDATE sessions = sessions + 1, possible = possible + 1, present = present + 1")) {
                for (long p : form) {
                    ps.setLong(1, school); ps.setLong(2, p);
                    if (week) {
                        ps.setDate(3, Date.valueOf(date.with(java.time.temporal.TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY))));
                    } else {
                        ps.setString(3, "2018/19");
                    }
                    ps.addBatch();
                }
                ps.executeBatch();
            }
        }
        c.commit();
        return null;
    }

    static String pupilsCsv(Path data) throws IOException {
        List<String> lines = Files.readAllLines(data.resolve("pupils.csv"));
        StringBuilder csv = new StringBuilder("upn,legal_forename,legal_surname,date_of_birth,year_group,register_group,form,start_date\n");
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split(",");
            int year = Integer.parseInt(f[4]);
            csv.append(f[1]).append(',').append(f[3]).append(',').append(f[2]).append(',').append(2025 - 5 - year).append("-03-01,").append(year)
                    .append(",Whole school,").append(f[5]).append(",2025-09-01\n");
        }
        return csv.toString();
    }

    /** marks.csv rewritten with UPNs, in chunks small enough for one request each. */
    static List<String> markChunks(Path data, int rowsPerChunk) throws IOException {
        Map<String, String> upnByNo = new HashMap<>();
        List<String> pupils = Files.readAllLines(data.resolve("pupils.csv"));
        for (String line : pupils.subList(1, pupils.size())) {
            String[] f = line.split(",");
            upnByNo.put(f[0], f[1]);
        }
        List<String> chunks = new ArrayList<>();
        StringBuilder chunk = new StringBuilder();
        int rows = 0;
        List<String> marks = Files.readAllLines(data.resolve("marks.csv"));
        for (String line : marks.subList(1, marks.size())) {
            if (rows == 0) {
                chunk.append("upn,date,session,code,minutes_late\n");
            }
            String[] f = line.split(",", -1);
            chunk.append(upnByNo.get(f[0])).append(',').append(f[1]).append(',').append(f[2]).append(',').append(f[3]).append(',').append(f[4]).append('\n');
            if (++rows == rowsPerChunk) {
                chunks.add(chunk.toString());
                chunk = new StringBuilder();
                rows = 0;
            }
        }
        if (rows > 0) {
            chunks.add(chunk.toString());
        }
        return chunks;
    }

    private static List<LocalDate> weekdays(LocalDate from, LocalDate to) {
        List<LocalDate> out = new ArrayList<>();
        for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
            if (d.getDayOfWeek() != DayOfWeek.SATURDAY && d.getDayOfWeek() != DayOfWeek.SUNDAY) {
                out.add(d);
            }
        }
        return out;
    }

    private static String login() throws Exception {
        JsonNode r = post("/api/v1/auth/login", "{\"username\":\"bench.admin@example.org\",\"password\":\"" + PASSWORD + "\"}", "application/json", false);
        return "Bearer " + r.get("access_token").asText();
    }

    private static JsonNode get(String path) throws Exception {
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(base + path)).header("Authorization", token == null ? "" : token).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new IllegalStateException(path + " -> " + r.statusCode() + " " + r.body());
        }
        return JSON.readTree(r.body());
    }

    private static JsonNode post(String path, String body, String type, boolean longRunning) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", type).POST(HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            b.header("Authorization", token);
        }
        if (longRunning) {
            b.timeout(java.time.Duration.ofMinutes(30));
        }
        HttpResponse<String> r = HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200 && r.statusCode() != 201) {
            throw new IllegalStateException(path + " -> " + r.statusCode() + " " + r.body().substring(0, Math.min(2000, r.body().length())));
        }
        return JSON.readTree(r.body());
    }
}
