package uk.openattendance.app.demo;

import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.runtime.event.annotation.EventListener;
import io.micronaut.runtime.server.event.ServerStartupEvent;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import uk.openattendance.letters.app.LetterRuns;
import uk.openattendance.register.app.MarkImportService;
import uk.openattendance.roll.app.RollImportService;
import uk.openattendance.school.app.CalendarService;
import uk.openattendance.school.app.CreateSchool;
import uk.openattendance.school.app.CreateTrust;
import uk.openattendance.school.app.RegisterGroupService;
import uk.openattendance.school.app.RegisterGroupView;
import uk.openattendance.school.app.SchoolDetails;
import uk.openattendance.school.app.SchoolService;
import uk.openattendance.school.app.SchoolView;
import uk.openattendance.school.app.TermCommand;
import uk.openattendance.school.domain.PolicyPreset;
import uk.openattendance.school.domain.PolicyPresets;
import uk.openattendance.security.Actor;
import uk.openattendance.security.CreateApiClient;
import uk.openattendance.security.CreateStaff;
import uk.openattendance.security.Permission;
import uk.openattendance.security.Role;
import uk.openattendance.security.StaffService;

/**
 * First start of the embedded default: a demo trust with one school per policy preset, a few hundred fictional pupils
 * each with this term's marks so far and the letters they call for, and logins printed to the console. Loaded through
 * the same services and CSV imports the API uses (so the history chains verify like any others), in bulk: each
 * school's roll is one import, and its term of marks another.
 */
@Singleton
@Requires(env = "demo")
public class DemoTrustLoader {
    static final String PASSWORD = "demo-password-2026";
    private static final Logger LOG = LoggerFactory.getLogger(DemoTrustLoader.class);
    // the one caller besides the day planner with every permission everywhere: it creates the trust and its schools
    private static final Actor SYSTEM = Actor.bootstrap("demo loader");
    // two workers: the machine this must be quick on has two cores, and the database server needs its share of them
    private static final int WORKERS = 2;
    private static final AtomicInteger THREADS = new AtomicInteger();

    private final SchoolService schools;
    private final RegisterGroupService groups;
    private final CalendarService calendars;
    private final RollImportService imports;
    private final StaffService staff;
    private final MarkImportService marks;
    private final LetterRuns letters;
    private final Clock clock;
    private final String dataDir;

    public DemoTrustLoader(SchoolService schools, RegisterGroupService groups, CalendarService calendars, RollImportService imports, StaffService staff,
            MarkImportService marks, LetterRuns letters, Clock clock, @Value("${attendance.demo.data-dir:.embedded-db}") String dataDir) {
        this.dataDir = dataDir;
        this.schools = schools;
        this.marks = marks;
        this.letters = letters;
        this.clock = clock;
        this.groups = groups;
        this.calendars = calendars;
        this.imports = imports;
        this.staff = staff;
    }

    @EventListener
    public void onStartup(StartupEvent event) {
        if (schools.schools(SYSTEM, new uk.openattendance.platform.paging.PageRequest(0, 1)).totalItems() > 0) {
            LOG.info("Demo data already loaded; sign in as head@school1.example.org / {}", PASSWORD);
            return;
        }
        try (DemoProgress p = DemoProgress.start(LOG)) {
            load(p);
        }
    }

    /**
     * The trust and each school's set-up (school, terms, roll, contacts) on this thread, one school after another;
     * each school's staff, term of marks and letters on two workers as soon as its roll is in, so the marks of one
     * school load while the next is set up. Schools share no rows, and the writes' upserts (chain heads, tallies) hit
     * primary keys, which lock the row alone and no gap, so the two workers never wait on each other's locks.
     */
    private void load(DemoProgress progress) {
        long trustId = schools.createTrust(SYSTEM, new CreateTrust("Demo Learning Trust")).id();
        staff.createStaff(SYSTEM, new CreateStaff("trust.admin@example.org", "Tessa Admin", PASSWORD, Role.TRUST_ADMIN, null, trustId));
        List<PolicyPreset> presets = PolicyPresets.all();
        ExecutorService workers = Executors.newFixedThreadPool(WORKERS, r -> new Thread(r, "demo-loader-" + THREADS.incrementAndGet()));
        try {
            List<Future<?>> rest = new ArrayList<>();
            for (int i = 0; i < presets.size(); i++) {
                int n = i + 1;
                SetUp school = setUpSchool(trustId, n, presets.get(i), progress);
                rest.add(workers.submit(() -> {
                    staffOf(n, school.id(), progress);
                    loadTermSoFar(school, progress);
                }));
                if (n == 1) {
                    apiKey = staff.createApiClient(SYSTEM, new CreateApiClient("Demo MIS sync", school.id(), null,
                            Set.of(Permission.SCHOOL_READ, Permission.ROLL_READ, Permission.ATTENDANCE_READ))).apiKey();
                }
            }
            for (Future<?> f : rest) {
                f.get();
            }
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while loading the demo trust", e);
        } finally {
            workers.shutdownNow();
        }
    }

    /** The demo's API key when this start loaded it (shown once), else null. */
    private volatile String apiKey;

    /** Once the server listens (after loading): where it is, how to sign in, where the data lives, how to stop. */
    @EventListener
    public void onServerStarted(ServerStartupEvent event) {
        String url = event.getSource().getURL().toString().replaceAll("/$", "");
        System.out.println(banner(url, apiKey, dataDir));
    }

    private record SetUp(long id, int n, List<String> upns) {}

    private SetUp setUpSchool(long trustId, int n, PolicyPreset preset, DemoProgress progress) {
        SchoolView school;
        DemoRoll.Csvs csv;
        try (DemoProgress.Step step = progress.step("school " + n + ": set-up")) {
            school = schools.createSchool(SYSTEM, new CreateSchool(trustId, String.format("9%05d", n), preset.key(),
                    new SchoolDetails("Demo School " + n + " (" + preset.title() + ")", "Europe/London", "01632 960" + (100 + n),
                            "office@school" + n + ".example.org", n + " Example Road, Exampleton", List.of("https://www.school" + n + ".example.org"))));
            calendars.addTerm(SYSTEM, school.id(), new TermCommand("Autumn", LocalDate.of(2026, 9, 2), LocalDate.of(2026, 12, 18), LocalDate.of(2026, 10, 26), LocalDate.of(2026, 10, 30)));
            calendars.addTerm(SYSTEM, school.id(), new TermCommand("Spring", LocalDate.of(2027, 1, 5), LocalDate.of(2027, 3, 26), LocalDate.of(2027, 2, 15), LocalDate.of(2027, 2, 19)));
            calendars.addTerm(SYSTEM, school.id(), new TermCommand("Summer", LocalDate.of(2027, 4, 12), LocalDate.of(2027, 7, 21), LocalDate.of(2027, 5, 31), LocalDate.of(2027, 6, 4)));
            List<String> groupNames = groups.registerGroups(SYSTEM, school.id()).stream().map(RegisterGroupView::name).toList();
            List<String> years = preset.key().startsWith("secondary") ? List.of("7", "8", "9", "10", "11")
                    : groupNames.size() > 1 ? List.of("N2", "R", "1", "2", "3", "4") : List.of("R", "1", "2", "3", "4", "5", "6");
            csv = DemoRoll.make(n, 240 + 20 * n, groupNames, years, LocalDate.of(2026, 9, 2));
        }
        try (DemoProgress.Step step = progress.step("school " + n + ": pupils")) {
            imports.importPupils(SYSTEM, school.id(), csv.pupils());
        }
        try (DemoProgress.Step step = progress.step("school " + n + ": contacts")) {
            imports.importContacts(SYSTEM, school.id(), csv.contacts());
        }
        List<String> upns = csv.pupils().lines().skip(1).map(line -> line.substring(0, line.indexOf(','))).toList();
        progress.pupils(upns.size());
        return new SetUp(school.id(), n, upns);
    }

    private void staffOf(int n, long schoolId, DemoProgress progress) {
        try (DemoProgress.Step step = progress.step("school " + n + ": staff")) {
            staff.createStaff(SYSTEM, new CreateStaff("head@school" + n + ".example.org", "Head of Demo School " + n, PASSWORD, Role.HEADTEACHER, schoolId, null));
            staff.createStaff(SYSTEM, new CreateStaff("office@school" + n + ".example.org", "Office of Demo School " + n, PASSWORD, Role.OFFICE, schoolId, null));
        }
    }

    /** The term's marks up to yesterday, then the letter run the office would find drafted on Monday morning. */
    private void loadTermSoFar(SetUp school, DemoProgress progress) {
        LocalDate yesterday = LocalDate.now(clock.withZone(ZoneId.of("Europe/London"))).minusDays(1);
        LocalDate first = LocalDate.of(2026, 9, 2);
        if (yesterday.isBefore(first)) {
            return;
        }
        List<LocalDate> days = calendars.calendar(SYSTEM, school.id()).schoolDays(first, yesterday.isAfter(LocalDate.of(2027, 7, 21))
                ? LocalDate.of(2027, 7, 21) : yesterday);
        if (days.isEmpty()) {
            return;
        }
        try (DemoProgress.Step step = progress.step("school " + school.n() + ": marks")) {
            // a whole school's term is one import (well under its row limit): one transaction, written in chunks by the register's writer
            for (String chunk : DemoHistory.marks(2000L + school.n(), school.upns(), days, MarkImportService.MAX_ROWS)) {
                progress.marks(marks.importMarks(SYSTEM, school.id(), chunk).created());
            }
        }
        try (DemoProgress.Step step = progress.step("school " + school.n() + ": letters")) {
            letters.run(SYSTEM, school.id(), days.get(days.size() - 1));
        }
    }

    static String banner(String url, String apiKey, String dataDir) {
        String key = apiKey == null ? "" : """
                Or as an integrator with this read-only API key for school 1 (shown once, on the start that loaded the demo):
                  curl -s %s/api/v1/schools -H 'X-Api-Key: %s'
                """.formatted(url, apiKey);
        return """

                ==== Open Attendance is ready at %s ====
                Demo trust: five schools, one per policy preset, with fictional pupils, contacts and this term's marks.
                Sign in (headteacher of school 1; school2..school5 likewise; office@schoolN too; trust.admin@example.org sees all five):
                  TOKEN=$(curl -s -X POST %s/api/v1/auth/login -H 'Content-Type: application/json' \\
                      -d '{"username":"head@school1.example.org","password":"%s"}' | sed 's/.*"access_token":"\\([^"]*\\)".*/\\1/')
                  curl -s %s/api/v1/schools -H "Authorization: Bearer $TOKEN"
                %sGraphQL: POST %s/graphql  {"query":"{ schools { items { name registerGroups { name } } } }"}
                Data: %s (kept across restarts; delete it for a fresh demo). Stop: Ctrl-C (stops the service and its database).
                """.formatted(url, url, PASSWORD, url, key, url, dataDir);
    }
}
