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

            // a rerun saves registers in the second school, whose June-November registers the first run left untaken
            // Registers are saved in two schools' forms (a rerun picks two untouched schools with BENCH_SAVE_SCHOOL=index).
            // Under load each client is one teacher with one form, as at 9:00: teachers never save the same pupils at once.
            int saveIn = reuse ? Integer.parseInt(System.getenv().getOrDefault("BENCH_SAVE_SCHOOL", "3")) : 0;
            long school = schoolIds.get(saveIn);
            List<Form> forms = new ArrayList<>();
            for (long s : schoolIds.subList(saveIn, Math.min(saveIn + 2, schoolIds.size()))) {
                Map<String, List<Long>> byForm = new LinkedHashMap<>();
                for (JsonNode p : roll(s)) {
                    byForm.computeIfAbsent(p.get("form").asText(), k -> new ArrayList<>()).add(p.get("id").asLong());
                }
                byForm.forEach((name, ids) -> {
                    if (ids.size() >= 25) {
                        forms.add(new Form(s, name, ids, new AtomicInteger()));
                    }
                });
            }
            List<String[]> sessions = new ArrayList<>();
            for (LocalDate d : weekdays(LocalDate.of(2026, 6, 1), LocalDate.of(2026, 11, 20))) {
                sessions.add(new String[] {d.toString(), "AM"});
                sessions.add(new String[] {d.toString(), "PM"});
            }
            AtomicInteger roundRobin = new AtomicInteger();
            Op anyForm = client -> saveRegister(forms.get(roundRobin.getAndIncrement() % forms.size()), sessions);
            // with one school there are fewer forms than clients: two teachers then share a form, saving different sessions
            Op ownForm = client -> saveRegister(forms.get(client % forms.size()), sessions);

            // warm-up: the JIT and the pool, so the figures are steady-state
            timeParallel("warm-up", 4, 200, anyForm);
            record("register save, 30 pupils, 1 client", timeParallel("save", 1, 400, anyForm));
            record("register save, 30 pupils, 50 clients (one form each)", timeParallel("save", 50, 3000, ownForm));
            List<Long> ids = roll(school).stream().map(p -> p.get("id").asLong()).toList();

            try (Connection c = DriverManager.getConnection(url, DB.user, DB.password)) {
                try (Statement s = c.createStatement()) {
                    s.execute("CREATE TABLE IF NOT EXISTS baseline_mark LIKE mark");
                    s.execute("ALTER TABLE baseline_mark DROP FOREIGN KEY IF EXISTS fk_mark_pupil");
                    s.execute("TRUNCATE TABLE baseline_mark");
                    for (String t : List.of("mark_history", "pupil_chain_head", "attendance_week", "attendance_year")) {
                        s.execute("CREATE TABLE IF NOT EXISTS baseline_" + t + " LIKE " + t);
                        s.execute("TRUNCATE TABLE baseline_" + t);
                    }
                }
            }
            AtomicInteger baseNext = new AtomicInteger();
            record("JDBC baseline: 30-row batch insert, 1 client", timeParallel("jdbc", 1, 400, client -> jdbcSave(url, school, ids, baseNext.getAndIncrement())));
            record("JDBC baseline: 30-row batch insert, 50 clients", timeParallel("jdbc", 50, 3000, client -> jdbcSave(url, school, ids, baseNext.getAndIncrement())));
            AtomicInteger sameNext = new AtomicInteger(100_000);
            record("JDBC baseline, same rows as the service (marks, history, chain heads, week and year tallies), 1 client",
                    timeParallel("jdbc-same", 1, 400, client -> jdbcSameWrites(url, school, ids, sameNext.getAndIncrement(), client)));
            record("JDBC baseline, same rows as the service, 50 clients (one form each)",
                    timeParallel("jdbc-same", 50, 3000, client -> jdbcSameWrites(url, school, ids, sameNext.getAndIncrement(), client)));
            System.out.println("JDBC same-rows baseline: " + BASELINE_RETRIES.get() + " deadlock retries at 50 clients (forms overlap: 50 clients share a 1,000-pupil roll)");

            String ytd = "window=YEAR_TO_DATE&date=2026-07-31";
            record("year-to-date figures, every pupil of a 1,000-pupil school", timeParallel("ytd", 1, 30,
                    client -> get("/api/v1/schools/" + school + "/attendance?groupBy=PUPIL&" + ytd)));
            record("trust persistent-absentee list (" + schoolIds.size() + " schools)", timeParallel("trust-pa", 1, 10,
                    client -> get("/api/v1/trusts/" + trust + "/attendance/persistent-absentees?" + ytd)));
            AtomicInteger pupilNext = new AtomicInteger();
            record("one pupil's year history (marks)", timeParallel("history", 1, 200,
                    client -> get("/api/v1/schools/" + school + "/pupils/" + ids.get(pupilNext.getAndIncrement() % ids.size()) + "/marks?from=2025-09-01&to=2026-08-31")));
            record("today's absentees (one session of the whole school)", timeParallel("absent", 1, 100,
                    client -> get("/api/v1/schools/" + school + "/attendance/day/2026-05-20/AM")));

            System.out.println();
            System.out.println("| operation | median | p99 |");
            System.out.println("| --- | --- | --- |");
            TABLE.forEach((k, v) -> System.out.println("| " + k + " | " + v + " |"));
            JsonNode pa = get("/api/v1/trusts/" + trust + "/attendance/persistent-absentees?" + ytd);
            System.out.printf("%npersistent absentees in the trust: %d (%d per school)%n", pa.size(), pa.size() / schoolIds.size());
            server.stop();
        }
        System.exit(0);
    }

    interface Op {
        Object run(int client) throws Exception;
    }

    record Form(long schoolId, String name, List<Long> pupilIds, AtomicInteger nextSession) {}

    private static List<JsonNode> roll(long school) throws Exception {
        List<JsonNode> pupils = new ArrayList<>();
        int total = get("/api/v1/schools/" + school + "/pupils?size=500&page=0").get("totalItems").asInt();
        for (int page = 0; page * 500 < total; page++) {
            get("/api/v1/schools/" + school + "/pupils?size=500&page=" + page).get("items").forEach(pupils::add);
        }
        return pupils;
    }

    private static double[] timeParallel(String name, int clients, int total, Op op) throws Exception {
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
        long[] sorted = nanos.stream().mapToLong(Long::longValue).sorted().toArray();
        return new double[] {sorted[sorted.length / 2] / 1e6, sorted[Math.min(sorted.length - 1, (int) Math.ceil(sorted.length * 0.99) - 1)] / 1e6, sorted.length};
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

    private static Object jdbcSave(String url, long school, List<Long> ids, int n) throws Exception {
        Connection c = JDBC.get();
        if (c == null) {
            c = DriverManager.getConnection(url + "&rewriteBatchedStatements=true", DB.user, DB.password);
            c.setAutoCommit(false);
            JDBC.set(c);
        }
        LocalDate date = LocalDate.of(2020, 1, 1).plusDays(n / 40);
        String session = n % 2 == 0 ? "AM" : "PM";
        int offset = (n / 2 % 20) * 30;
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO baseline_mark (school_id, pupil_id, register_group_id, mark_date, session, code, "
                + "minutes_late, source, version, recorded_by, recorded_at) VALUES (?,?,?,?,?,?,?,?,?,?,?)")) {
            for (int i = 0; i < 30; i++) {
                ps.setLong(1, school);
                ps.setLong(2, ids.get((offset + i) % ids.size()));
                ps.setLong(3, 1);
                ps.setDate(4, Date.valueOf(date));
                ps.setString(5, session);
                ps.setString(6, "/");
                ps.setInt(7, 0);
                ps.setString(8, "REGISTER");
                ps.setInt(9, 1);
                ps.setString(10, "Bench Teacher (Teacher)");
                ps.setTimestamp(11, Timestamp.from(Instant.now()));
                ps.addBatch();
            }
            ps.executeBatch();
        }
        c.commit();
        return null;
    }

    /** What the service writes for one register, as plain JDBC batches in one transaction: the storage cost without the service. */
    /** As {@link #sameWritesOnce}, retried when InnoDB picks it as a deadlock victim (as a client resends after the service's 409). */
    private static Object jdbcSameWrites(String url, long school, List<Long> ids, int n, int client) throws Exception {
        for (int attempt = 1; ; attempt++) {
            try {
                return sameWritesOnce(url, school, ids, n, client);
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

    private static Object sameWritesOnce(String url, long school, List<Long> ids, int n, int client) throws Exception {
        Connection c = JDBC.get();
        if (c == null) {
            c = DriverManager.getConnection(url + "&rewriteBatchedStatements=true", DB.user, DB.password);
            c.setAutoCommit(false);
            JDBC.set(c);
        }
        LocalDate date = LocalDate.of(2019, 1, 1).plusDays(n);
        int offset = (client % 30) * 30;
        List<Long> form = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            form.add(ids.get((offset + i) % ids.size()));
        }
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
