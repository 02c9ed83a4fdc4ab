package uk.openattendance.bench;

import io.micronaut.context.ApplicationContext;
import java.awt.image.BufferedImage;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.PDFRenderer;
import uk.openattendance.letters.app.LetterRuns;
import uk.openattendance.letters.app.LetterService;
import uk.openattendance.letters.app.LetterView;
import uk.openattendance.register.app.MarkImportService;
import uk.openattendance.roll.app.RollImportService;
import uk.openattendance.school.app.CreateSchool;
import uk.openattendance.school.app.CreateTrust;
import uk.openattendance.school.app.SchoolDetails;
import uk.openattendance.school.app.SchoolService;
import uk.openattendance.school.domain.PolicyPresets;
import uk.openattendance.security.Actor;

/**
 * Issue #5's benchmark: a half-termly letter run for a 1,500-pupil school loaded from shared/bench's generator (7 weeks
 * of marks), then drafts per second, PDFs rendered per second (goal: 100 letters/s), bulk approval, emailing, the size
 * of a 200-letter print run, and a PNG of one letter's first page for the docs. Run: bench/letters.sh (see README).
 */
public final class LetterBenchmark {
    static final ZoneId LONDON = ZoneId.of("Europe/London");

    public static void main(String[] given) throws Exception {
        String[] args = String.join(" ", given).trim().split("\\s+");
        Path data = Path.of(args[0]);
        Path png = args.length > 1 ? Path.of(args[1]) : null;
        List<String> days = Files.readAllLines(data.resolve("days.csv"));
        LocalDate lastDay = LocalDate.parse(days.get(days.size() - 1).split(",")[0]);
        BenchDatabase db = BenchDatabase.fromSettings("attendance_letter_bench");
        String url = db.url();
        db.recreate();
        BenchClock.set(LocalDateTime.of(lastDay, LocalTime.of(16, 0)).atZone(LONDON).toInstant());
        try (ApplicationContext ctx = ApplicationContext.builder().environments("bench", "notifybench").properties(Map.ofEntries(
                Map.entry("datasources.default.url", url), Map.entry("datasources.default.username", db.user), Map.entry("datasources.default.password", db.password),
                Map.entry("micronaut.server.port", "-1"), Map.entry("notify.dispatcher.enabled", "false"), Map.entry("schedule.enabled", "false"),
                Map.entry("attendance.ledger.keys", "bench-2026:bsRaK4MAefXwhw7qTnNsTUGWbe7+gKKWhAVn1WkeQSQ="),
                Map.entry("attendance.ledger.seal-private-key", "MC4CAQAwBQYDK2VwBCIEIMi3z2fsE1ofZcZwW0nIlDem1Twwc7TiGGz38m5pUNSq"),
                Map.entry("webhooks.dispatcher.enabled", "false"), Map.entry("attendance.secrets.key", "bench-secrets-key-bench-secrets-key-0123456789"),
                Map.entry("micronaut.security.token.jwt.signatures.secret.generator.secret", "bench-secret-bench-secret-bench-secret-0123456789")))
                .start()) {
            Actor system = Actor.bootstrap("letter benchmark");
            SchoolService schools = ctx.getBean(SchoolService.class);
            long trust = schools.createTrust(system, new CreateTrust("Letter Benchmark Trust")).id();
            long school = schools.createSchool(system, new CreateSchool(trust, "800900", PolicyPresets.SECONDARY_ACADEMY_DORSET,
                    new SchoolDetails("Letter Bench Academy", "Europe/London", "01632 960900", "office@letterbench.example.org",
                            "1 Bench Lane, Exampleton EX1 1AA", List.of()))).id();
            long setup = System.nanoTime();
            RollImportService roll = ctx.getBean(RollImportService.class);
            String pupils = RegisterBenchmark.pupilsCsv(data);
            roll.importPupils(system, school, pupils);
            StringBuilder contacts = new StringBuilder("upn,name,relationship,parental_responsibility,lives_with_pupil,priority,mobile,email\n");
            List<String> lines = pupils.lines().skip(1).toList();
            for (int i = 0; i < lines.size(); i++) {
                String[] f = lines.get(i).split(",");
                contacts.append(f[0]).append(",Parent ").append(f[2]).append(",Mother,yes,yes,1,07700 900").append(String.format("%03d", i % 1000))
                        .append(",parent").append(i).append("@example.org\n");
            }
            roll.importContacts(system, school, contacts.toString());
            MarkImportService marks = ctx.getBean(MarkImportService.class);
            int markRows = 0;
            for (String chunk : RegisterBenchmark.markChunks(data, 50_000)) {
                markRows += marks.importMarks(system, school, chunk).rows();
            }
            System.out.printf("set-up: %d pupils, %d school days to %s, %d marks imported in %.1f s%n", lines.size(), days.size() - 1, lastDay, markRows,
                    (System.nanoTime() - setup) / 1e9);

            LetterService letters = ctx.getBean(LetterService.class);
            LetterRuns runs = ctx.getBean(LetterRuns.class);
            long t0 = System.nanoTime();
            LetterRuns.RunResult run = runs.run(system, school, lastDay);
            double runSeconds = (System.nanoTime() - t0) / 1e9;
            t0 = System.nanoTime();
            LetterRuns.RunResult again = runs.run(system, school, lastDay);
            double againSeconds = (System.nanoTime() - t0) / 1e9;
            List<LetterView> drafts = letters.list(system, school, "DRAFT");
            List<Long> ids = drafts.stream().map(LetterView::id).toList();

            // warm the renderer (fonts, templates) once, as a running service would be
            letters.pdf(system, school, ids.get(0));
            // on a shared machine the wall clock also counts the neighbours; the rendering thread's own CPU time does not
            ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
            long cpu0 = cpu.getCurrentThreadCpuTime();
            t0 = System.nanoTime();
            long pdfBytes = 0;
            for (long id : ids) {
                pdfBytes += letters.pdf(system, school, id).length;
            }
            double pdfSeconds = (System.nanoTime() - t0) / 1e9;
            double pdfCpuSeconds = (cpu.getCurrentThreadCpuTime() - cpu0) / 1e9;
            ExecutorService pool = Executors.newFixedThreadPool(2);
            t0 = System.nanoTime();
            List<Future<byte[]>> parallel = new ArrayList<>();
            for (long id : ids) {
                parallel.add(pool.submit(() -> letters.pdf(system, school, id)));
            }
            for (Future<byte[]> f : parallel) {
                f.get();
            }
            double pdf2Seconds = (System.nanoTime() - t0) / 1e9;
            pool.shutdown();

            t0 = System.nanoTime();
            LetterService.Approval approval = letters.approve(system, school, ids);
            double approveSeconds = (System.nanoTime() - t0) / 1e9;
            List<Long> printIds = ids.subList(0, Math.min(200, ids.size()));
            List<Long> emailIds = ids.subList(printIds.size(), ids.size());
            t0 = System.nanoTime();
            byte[] printRun = letters.printRun(system, school, printIds);
            double printSeconds = (System.nanoTime() - t0) / 1e9;
            t0 = System.nanoTime();
            LetterService.Emailed emailed = emailIds.isEmpty() ? new LetterService.Emailed(0, 0, List.of(), 0, List.of()) : letters.email(system, school, emailIds);
            double emailSeconds = (System.nanoTime() - t0) / 1e9;

            System.out.println();
            System.out.println("| half-termly letter run, 1,500-pupil school (Dorset preset: 95% / 90% ladder with escalation, and the penalty-notice warning) | figure |");
            System.out.println("| --- | --- |");
            System.out.printf("| pupils checked | %d |%n", run.pupilsChecked());
            System.out.printf("| letters drafted | %d %s |%n", run.drafted(), run.byKind());
            System.out.printf("| run time (figures, ladder, triggers, drafting) | %.2f s |%n", runSeconds);
            System.out.printf("| drafts per second | %.0f |%n", run.drafted() / runSeconds);
            System.out.printf("| the same run again (nothing new to draft) | %.2f s, %d drafted |%n", againSeconds, again.drafted());
            System.out.printf("| PDFs rendered, 1 thread | %d in %.2f s = %.0f letters/s (goal 100/s), %.1f KB each; %.0f letters per second of the thread's CPU |%n",
                    ids.size(), pdfSeconds, ids.size() / pdfSeconds, pdfBytes / 1024.0 / ids.size(), ids.size() / pdfCpuSeconds);
            System.out.printf("| PDFs rendered, 2 threads | %.2f s = %.0f letters/s |%n", pdf2Seconds, ids.size() / pdf2Seconds);
            System.out.printf("| bulk approval | %d in %.2f s |%n", approval.approved(), approveSeconds);
            System.out.printf("| print run of %d letters | %.2f s, %.1f MB (%.1f KB per letter) |%n", printIds.size(), printSeconds,
                    printRun.length / 1024.0 / 1024.0, printRun.length / 1024.0 / printIds.size());
            System.out.printf("| emailing %d letters (PDF attached, queued to the outbox) | %.2f s, %d emails |%n", emailed.letters(), emailSeconds,
                    emailed.emails());
            if (png != null) {
                long shown = drafts.stream().filter(l -> l.kind().equals("ATTENDANCE_BELOW_90")).map(LetterView::id).findFirst().orElse(ids.get(0));
                try (PDDocument doc = Loader.loadPDF(letters.pdf(system, school, shown))) {
                    BufferedImage page = new PDFRenderer(doc).renderImageWithDPI(0, 110);
                    Files.createDirectories(png.toAbsolutePath().getParent());
                    ImageIO.write(page, "png", png.toFile());
                    System.out.println("first page of letter " + shown + " written to " + png);
                }
            }
        }
    }
}
