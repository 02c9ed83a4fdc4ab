package uk.openattendance.notify;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.micronaut.context.annotation.Property;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.io.File;
import java.nio.file.Files;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import uk.openattendance.notify.persistence.OutboxStatus;
import uk.openattendance.fixtures.RealProviders;
import uk.openattendance.fixtures.TestWorld;
import uk.openattendance.fixtures.TwilioFake;
import uk.openattendance.notify.app.Dispatcher;
import uk.openattendance.notify.persistence.OutboxRow;
import uk.openattendance.notify.persistence.OutboxStore;
import uk.openattendance.notify.persistence.SuppressionRepository;
import uk.openattendance.platform.queue.LeasedQueue;
import uk.openattendance.platform.queue.QueueEntry;
import uk.openattendance.platform.queue.QueueStore;
import uk.openattendance.platform.time.MutableClock;
import uk.openattendance.register.app.RegisterService;
import uk.openattendance.register.app.SubmitRegister;
import uk.openattendance.roll.app.ContactService;
import uk.openattendance.roll.app.PupilView;
import uk.openattendance.schedule.app.Scheduler;
import uk.openattendance.school.app.RegisterGroupService;
import uk.openattendance.school.domain.PolicyPresets;
import uk.openattendance.school.domain.Session;
import uk.openattendance.security.Actor;

/**
 * Never a text twice, whatever the provider does: the real Twilio SDK against a local fake of Twilio's API that answers
 * 500, 429 with Retry-After, slowly, or accepts a text and holds its answer past the client's 2 s timeout; and a second
 * instance in its own JVM killed with SIGKILL mid-dispatch. Each family's first-day text is counted in the fake's store:
 * exactly one each, and every outbox row ends SENT (or FAILED with the provider's reason).
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class NeverTwiceIT implements TestPropertyProvider {
    static final ZoneId LONDON = ZoneId.of("Europe/London");
    static final LocalDate MONDAY = LocalDate.of(2026, 11, 23);
    static final Actor SYSTEM = Actor.bootstrap("tests");
    static final String FIRST_DAY = "FIRST_DAY_ABSENCE";

    TwilioFake twilio;
    GreenMail smtp;
    final List<String> figures = new ArrayList<>();

    @Inject TestWorld world;
    @Inject MutableClock clock;
    @Inject Scheduler scheduler;
    @Inject Dispatcher dispatcher;
    @Inject RegisterService registers;
    @Inject ContactService contacts;
    @Inject OutboxStore outboxStore;
    @Inject SuppressionRepository suppressions;
    @Inject RegisterGroupService groups;
    @Inject QueueStore queueStore;
    @Inject LeasedQueue queue;
    @Property(name = "datasources.default.url") String jdbcUrl;

    @Override
    public Map<String, String> getProperties() {
        try {
            twilio = new TwilioFake();
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
        smtp = new GreenMail(new ServerSetup(0, "127.0.0.1", "smtp"));
        smtp.start();
        Map<String, String> p = new HashMap<>(settings(twilio, smtp));
        return p;
    }

    /** The real senders against the fakes, a 2 s read timeout, and small batches so two instances share a morning. */
    static Map<String, String> settings(TwilioFake twilio, GreenMail smtp) {
        Map<String, String> p = new HashMap<>(RealProviders.properties(twilio, smtp));
        p.put("notify.twilio.read-timeout", "2s");
        p.put("notify.dispatcher.batch-size", "5");
        // four workers an instance, so that neither can take the whole morning in one go
        p.put("notify.dispatcher.workers", "4");
        return p;
    }

    @AfterAll
    void stop() {
        figures.forEach(f -> System.out.println("[figure] " + f));
        twilio.close();
        smtp.stop();
    }

    @BeforeEach
    void fresh() {
        twilio.reset();
    }

    // ---- a morning with N families, each with its own mobile -------------------------------------------------------

    record Morning(TestWorld.School school, List<String> phones) {}

    /** {@code families} pupils marked N at Monday's register, each with one parent; at 09:15 their first-day texts are queued. */
    Morning morning(int families) {
        at("08:30");
        TestWorld.School school = world.school(world.trust(), PolicyPresets.PRIMARY_GLOUCESTERSHIRE);
        int base = TestWorld.next() * 37 % 1000;
        List<PupilView> pupils = new ArrayList<>();
        List<String> phones = new ArrayList<>();
        for (int i = 0; i < families; i++) {
            PupilView p = world.pupil(school, "Child" + (char) ('A' + i % 26) + i, "Nevertwice");
            String mobile = String.format("07700 900%03d", (base + i) % 1000);
            contacts.addContact(SYSTEM, school.id(), p.id(), FirstDayChainIT.contact("Parent Nevertwice " + i, "Mother", 1, mobile, null));
            String e164 = "+44" + mobile.replace(" ", "").substring(1);
            // the drama range has only 1,000 numbers: an opt-out left by an earlier test must not silence this family
            suppressions.deleteByAddressAndSchoolId(e164, 0);
            pupils.add(p);
            phones.add(e164);
        }
        at(groups.registerGroups(SYSTEM, school.id()).get(0).timing(Session.AM).opensAt().plusMinutes(1).toString());
        registers.submit(SYSTEM, school.id(), MONDAY, Session.AM, new SubmitRegister(pupils.stream()
                .map(p -> new SubmitRegister.Entry(p.id(), "N", null, null, null)).toList(), null));
        at("09:15");
        scheduler.tick(List.of(school.id()));
        assertThat(rows(school)).as("one first-day text queued per family").hasSize(families);
        return new Morning(school, phones);
    }

    void at(String time) {
        clock.set(LocalDateTime.of(MONDAY, LocalTime.parse(time)), LONDON);
    }

    List<OutboxRow> rows(TestWorld.School school) {
        return outboxStore.ofSchool(school.id(), null, FIRST_DAY, List.of(), 0, 500);
    }

    long open(Morning m) {
        return rows(m.school()).stream().filter(r -> r.status() == OutboxStatus.PENDING).count();
    }

    /** Dispatch passes 35 s apart (past the first backoff step) until nothing is left to send. */
    int drive(Morning m, int passes) {
        int done = 0;
        while (done < passes && open(m) > 0) {
            dispatcher.dispatchDue(List.of(m.school().id()));
            done++;
            if (open(m) > 0) {
                clock.advance(Duration.ofSeconds(35));
            }
        }
        return done;
    }

    /** Each family texted exactly once, counted in the provider's store, and every row SENT with that text's sid. */
    void eachFamilyTextedOnce(Morning m, String fault) {
        List<OutboxRow> rows = rows(m.school());
        for (String phone : m.phones()) {
            assertThat(twilio.to(phone)).as("texts accepted for " + phone).hasSize(1);
        }
        assertThat(rows).allSatisfy(r -> {
            assertThat(r.status()).as("outbox " + r.id() + " (" + r.lastError() + ")").isEqualTo(OutboxStatus.SENT);
            assertThat(r.providerId()).isEqualTo(twilio.to(r.recipient()).get(0).sid());
        });
        figures.add(String.format("never twice, %s: %d families, %d texts accepted, %d duplicates, %d lost, %d create requests, %d list requests", fault,
                m.phones().size(), twilio.accepted().size(), twilio.duplicates(), rows.stream().filter(r -> r.status() != OutboxStatus.SENT).count(),
                twilio.requests(), twilio.lists()));
    }

    // ---- the provider's faults --------------------------------------------------------------------------------------

    @Test
    void aProviderAnswering500OnFirstTriesTextsEachFamilyOnceAfterAskingWhetherItHadTheText() {
        Morning m = morning(6);
        twilio.failFirstTriesOfEach(1, TwilioFake.Failure.internalError());
        drive(m, 10);
        eachFamilyTextedOnce(m, "500 on each first try");
        assertThat(twilio.lists()).as("a 500 may follow an acceptance: the list is read before each second try").isGreaterThanOrEqualTo(6);
        assertThat(twilio.requests()).isEqualTo(12);
    }

    @Test
    void aProviderThatAcceptedATextButAnswered500IsNotAskedToSendItAgain() {
        Morning m = morning(6);
        twilio.failFirstTriesOfEach(1, new TwilioFake.Failure(500, 0, "Internal error", null, true));
        drive(m, 10);
        eachFamilyTextedOnce(m, "accepted, then 500");
        assertThat(twilio.requests()).as("one create per family: the second try found the text in Twilio's list").isEqualTo(6);
        assertThat(rows(m.school())).allSatisfy(r -> assertThat(r.lastError()).contains("the provider had accepted it"));
    }

    @Test
    void aProviderAnswering429WithRetryAfterIsTriedAgainWhenItSaysAndTextsEachFamilyOnce() {
        Morning m = morning(6);
        twilio.failFirstTriesOfEach(2, TwilioFake.Failure.tooManyRequests(3));
        Dispatcher.Pass first = dispatcher.dispatchDue(List.of(m.school().id()));
        assertThat(first.retried()).isEqualTo(6);
        assertThat(rows(m.school())).as("each waits the 3 s Twilio asked for, not the 30 s backoff").allSatisfy(r -> {
            assertThat(r.status()).isEqualTo(OutboxStatus.PENDING);
            assertThat(Duration.between(clock.instant(), r.nextAttemptAt())).isEqualTo(Duration.ofSeconds(3));
        });
        for (int i = 0; i < 6 && open(m) > 0; i++) {
            clock.advance(Duration.ofSeconds(3));
            dispatcher.dispatchDue(List.of(m.school().id()));
        }
        eachFamilyTextedOnce(m, "429 with Retry-After 3 s on each first two tries");
        assertThat(twilio.lists()).as("a 429 is a refusal: nothing to ask about").isZero();
    }

    @Test
    void aSlowProviderAtOneAndAHalfSecondsATextTextsEachFamilyOnceInOnePass() {
        Morning m = morning(4);
        twilio.latency(Duration.ofMillis(1500));
        long t0 = System.nanoTime();
        Dispatcher.Pass pass = dispatcher.dispatchDue(List.of(m.school().id()));
        double seconds = (System.nanoTime() - t0) / 1e9;
        assertThat(pass.sent()).isEqualTo(4);
        eachFamilyTextedOnce(m, String.format("1.5 s per text (one pass took %.1f s)", seconds));
        assertThat(twilio.lists()).isZero();
    }

    @Test
    void aTextAcceptedWhoseAnswerCameAfterTheTimeoutIsFoundInTwiliosListAndNotSentAgain() {
        Morning m = morning(5);
        twilio.holdAcceptedAnswers(Duration.ofMillis(3500));
        Dispatcher.Pass first = dispatcher.dispatchDue(List.of(m.school().id()));
        assertThat(first.sent()).as("every answer timed out after 2 s").isZero();
        assertThat(twilio.accepted()).as("but Twilio had every text").hasSize(5);
        assertThat(rows(m.school())).allSatisfy(r -> {
            assertThat(r.status()).as("waiting, not failed and not sent").isEqualTo(OutboxStatus.PENDING);
            assertThat(r.lastError()).contains("outcome unknown");
        });
        assertThat(entries(m)).as("each waits in doubt on the queue: asked about before any resend").hasSize(5)
                .allSatisfy(e -> assertThat(e.inDoubt()).isTrue());
        // Twilio's list cannot be read at the first look: nothing is sent on a guess
        twilio.failNextLists(5);
        clock.advance(Duration.ofSeconds(35));
        dispatcher.dispatchDue(List.of(m.school().id()));
        assertThat(twilio.requests()).as("no text sent again while Twilio could not be asked").isEqualTo(5);
        drive(m, 10);
        eachFamilyTextedOnce(m, "accepted, answer held past the 2 s timeout (list unreadable once)");
        assertThat(twilio.requests()).isEqualTo(5);
    }

    @Test
    void aTextTwilioRefusesForGoodEndsFailedWithTwiliosReasonAndIsNeverSentAgain() {
        Morning m = morning(3);
        twilio.failFirstTriesOfEach(1, new TwilioFake.Failure(400, 21211, "Invalid 'To' Phone Number"));
        drive(m, 5);
        assertThat(rows(m.school())).allSatisfy(r -> {
            assertThat(r.status()).isEqualTo(OutboxStatus.FAILED);
            assertThat(r.lastError()).contains("21211").contains("Invalid 'To' Phone Number");
        });
        assertThat(twilio.requests()).isEqualTo(3);
        assertThat(twilio.accepted()).isEmpty();
    }

    // ---- two instances, one killed with SIGKILL mid-dispatch ---------------------------------------------------------

    @Test
    void twoInstancesOneKilledMidDispatchTextEachFamilyExactlyOnce() throws Exception {
        Morning m = morning(20);
        twilio.latency(Duration.ofMillis(1500));
        at("09:20");
        File log = File.createTempFile("second-instance", ".log");
        Process second = startSecondInstance(m, log);
        CompletableFuture<Void> ours = null;
        try {
            awaitLine(log, "SECOND INSTANCE READY", second, 180);
            // the second instance has the morning to itself for a few texts, then this one joins in
            await(() -> twilio.accepted().size() >= 3, 60, "the second instance sends texts");
            ours = CompletableFuture.runAsync(() -> {
                while (dispatcher.dispatchDue(List.of(m.school().id())).sent() > 0 || unclaimed(m) > 0) {
                    sleep(50);
                }
            });
            // killed while it holds a claim (a send of 1.5 s under way), however fast this machine is
            await(() -> twilio.accepted().size() >= 6 && entries(m).stream().anyMatch(e -> e.owner() != null && !e.owner().equals(queue.owner())), 60,
                    "both instances send texts and the second holds a claim");
        } finally {
            // SIGKILL: no shutdown hook, no lease released, a text possibly accepted by Twilio and never recorded
            second.destroyForcibly();
            second.waitFor(30, TimeUnit.SECONDS);
        }
        ours.get(120, TimeUnit.SECONDS);
        // the dead instance's claims stay on the queue under its name until their lease runs out
        long leftByTheDead = entries(m).stream().filter(e -> e.owner() != null && !e.owner().equals(queue.owner())).count();
        assertThat(leftByTheDead).as("the killed instance left messages it had claimed").isPositive();

        // its lease runs out; this instance asks Twilio about each and sends only what Twilio never had
        at("09:22");
        drive(m, 10);
        eachFamilyTextedOnce(m, "two instances, one killed with SIGKILL mid-dispatch at 1.5 s a text (" + leftByTheDead + " left in doubt by the dead one, "
                + rows(m.school()).stream().filter(r -> r.lastError() != null && r.lastError().contains("had accepted")).count()
                + " of them found already accepted)");
        assertThat(second.exitValue()).as("killed, not finished").isNotZero();
        Files.deleteIfExists(log.toPath());
    }

    /** The queue's entries for this morning's texts, waiting or claimed. */
    List<QueueEntry> entries(Morning m) {
        return queueStore.ofRows(OutboxStore.QUEUE, rows(m.school()).stream().map(OutboxRow::id).toList());
    }

    /** Texts due on the queue that no instance holds. */
    long unclaimed(Morning m) {
        return entries(m).stream().filter(e -> e.owner() == null && !e.dueAt().isAfter(clock.instant())).count();
    }

    Process startSecondInstance(Morning m, File log) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"), "-Xmx512m", "-Duser.timezone=UTC",
                "-Dmicronaut.environments=test", "-Ddatasources.default.url=" + jdbcUrl, "-Dsecond.school=" + m.school().id(),
                "-Dsecond.clock=" + clock.instant()));
        settings(twilio, smtp).forEach((k, v) -> cmd.add("-D" + k + "=" + v));
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.add(SecondInstance.class.getName());
        return new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log).start();
    }

    static void awaitLine(File log, String line, Process p, int seconds) throws Exception {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (System.nanoTime() < end) {
            if (Files.readString(log.toPath()).contains(line)) {
                return;
            }
            if (!p.isAlive()) {
                throw new AssertionError("the second instance exited: " + Files.readString(log.toPath()));
            }
            Thread.sleep(200);
        }
        throw new AssertionError("the second instance did not start in " + seconds + " s: " + Files.readString(log.toPath()));
    }

    static void await(java.util.function.BooleanSupplier condition, int seconds, String what) {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > end) {
                throw new AssertionError("timed out waiting until " + what);
            }
            sleep(50);
        }
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
