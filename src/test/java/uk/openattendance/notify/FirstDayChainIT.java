package uk.openattendance.notify;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import jakarta.mail.internet.MimeMessage;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import uk.openattendance.notify.persistence.OutboxStatus;
import uk.openattendance.absence.app.AbsenceService;
import uk.openattendance.fixtures.TestWorld;
import uk.openattendance.fixtures.TwilioWebhook;
import uk.openattendance.fixtures.TwilioFake;
import uk.openattendance.notify.app.Dispatcher;
import uk.openattendance.notify.app.Outbox;
import uk.openattendance.notify.domain.MessagePurpose;
import uk.openattendance.notify.persistence.OutboxStore;
import uk.openattendance.notify.persistence.SuppressionRepository;
import uk.openattendance.platform.time.MutableClock;
import uk.openattendance.register.app.AmendmentService;
import uk.openattendance.register.app.RecordArrival;
import uk.openattendance.register.app.RegisterService;
import uk.openattendance.register.app.SubmitRegister;
import uk.openattendance.roll.app.Characteristics;
import uk.openattendance.roll.app.ContactCommand;
import uk.openattendance.roll.app.ContactService;
import uk.openattendance.roll.app.PupilView;
import uk.openattendance.roll.domain.Channel;
import uk.openattendance.schedule.app.JobView;
import uk.openattendance.schedule.app.Scheduler;
import uk.openattendance.school.domain.PolicyPresets;
import uk.openattendance.school.domain.Session;
import uk.openattendance.security.Actor;

/**
 * The first-day chain with real parts: the Twilio SDK against a local fake of Twilio's API, GreenMail as the SMTP
 * server, MariaDB, and a clock the test moves through the morning (no sleeps).
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FirstDayChainIT implements TestPropertyProvider {
    static final ZoneId LONDON = ZoneId.of("Europe/London");
    static final LocalDate MONDAY = LocalDate.of(2026, 11, 23);
    static final Actor SYSTEM = Actor.bootstrap("tests");
    static final String AUTH_TOKEN = "test-twilio-auth-token-0123456789";
    static final String PUBLIC = "http://127.0.0.1:8080";

    TwilioFake twilio;
    GreenMail smtp;

    @Inject EmbeddedServer server;
    @Inject TestWorld world;
    @Inject MutableClock clock;
    @Inject Scheduler scheduler;
    @Inject Dispatcher dispatcher;
    @Inject RegisterService registers;
    @Inject AmendmentService amendments;
    @Inject ContactService contacts;
    @Inject AbsenceService absences;
    @Inject Outbox outbox;
    @Inject OutboxStore outboxStore;
    @Inject SuppressionRepository suppressions;
    @Inject uk.openattendance.platform.queue.QueueStore queueStore;
    @Inject uk.openattendance.school.app.RegisterGroupService groups;

    @Override
    public Map<String, String> getProperties() {
        try {
            twilio = new TwilioFake();
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
        smtp = new GreenMail(new ServerSetup(0, "127.0.0.1", "smtp"));
        smtp.start();
        return properties(twilio, smtp);
    }

    static Map<String, String> properties(TwilioFake twilio, GreenMail smtp) {
        return uk.openattendance.fixtures.RealProviders.properties(twilio, smtp);
    }

    @AfterAll
    void stop() {
        twilio.close();
        smtp.stop();
    }

    @BeforeEach
    void fresh() throws Exception {
        twilio.reset();
        smtp.purgeEmailFromAllMailboxes();
    }

    // ---- a school morning -------------------------------------------------------------------------------------------

    record Family(TestWorld.School school, PupilView amelia, PupilView ben, PupilView cara, String mum, String caraDad) {}

    /** Amelia and Ben are siblings (one mother), Cara has her own father; all three marked N at the register. */
    Family morning(String preset) {
        at("08:30");
        TestWorld.School school = world.school(world.trust(), preset);
        PupilView amelia = world.pupil(school, "Amelia", "Testwood");
        PupilView ben = world.pupil(school, "Ben", "Testwood");
        PupilView cara = world.pupil(school, "Cara", "Examplefield");
        int n = TestWorld.next() % 300;
        String mum = String.format("07700 900%03d", 300 + n);
        String caraDad = String.format("07700 900%03d", 600 + n);
        contacts.addContact(SYSTEM, school.id(), amelia.id(), contact("Sam Testwood", "Mother", 1, mum, "sam" + n + "@example.org"));
        contacts.addContact(SYSTEM, school.id(), ben.id(), contact("Sam Testwood", "Mother", 1, mum, "sam" + n + "@example.org"));
        contacts.addContact(SYSTEM, school.id(), cara.id(), contact("Alex Examplefield", "Father", 1, caraDad, "alex" + n + "@example.org"));
        contacts.addContact(SYSTEM, school.id(), cara.id(), contact("Jo Examplefield", "Mother", 2, String.format("07700 900%03d", 900 + n % 100), null));
        takeRegister(school, List.of(amelia, ben, cara), "N");
        Family f = new Family(school, amelia, ben, cara, "+44" + mum.replace(" ", "").substring(1), "+44" + caraDad.replace(" ", "").substring(1));
        // the drama range has only 1,000 numbers: an opt-out left by an earlier test must not silence this family
        suppressions.deleteByAddressAndSchoolId(f.mum(), 0);
        suppressions.deleteByAddressAndSchoolId(f.caraDad(), 0);
        return f;
    }

    static ContactCommand contact(String name, String relationship, int priority, String mobile, String email) {
        return new ContactCommand(name, relationship, true, true, priority, mobile, email, Channel.SMS, false, null);
    }

    void takeRegister(TestWorld.School school, List<PupilView> pupils, String code) {
        at(groups.registerGroups(SYSTEM, school.id()).get(0).timing(Session.AM).opensAt().plusMinutes(1).toString());
        registers.submit(SYSTEM, school.id(), MONDAY, Session.AM, new SubmitRegister(pupils.stream()
                .map(p -> new SubmitRegister.Entry(p.id(), code, null, null, null)).toList(), null));
    }

    void at(String time) {
        clock.set(LocalDateTime.of(MONDAY, LocalTime.parse(time)), LONDON);
    }

    void runUntil(TestWorld.School school, String time) {
        LocalTime end = LocalTime.parse(time);
        LocalTime t = LocalDateTime.ofInstant(clock.instant(), LONDON).toLocalTime();
        while (!t.isAfter(end)) {
            clock.set(LocalDateTime.of(MONDAY, t), LONDON);
            scheduler.tick(List.of(school.id()));
            dispatcher.dispatchDue(List.of(school.id()));
            t = t.plusMinutes(5);
        }
    }

    List<Outbox.MessageView> messages(TestWorld.School school) {
        return outbox.messages(SYSTEM, school.id(), null, null, 0, 500);
    }

    // ---- tests ------------------------------------------------------------------------------------------------------

    @Test
    void eachFamilyGetsOneTextAtTheFirstTextTimeWithSiblingsTogether() {
        Family f = morning(PolicyPresets.PRIMARY_GLOUCESTERSHIRE);
        runUntil(f.school(), "09:10");
        assertThat(twilio.accepted()).as("nothing before the school's first-text time (09:15)").isEmpty();

        runUntil(f.school(), "09:20");
        assertThat(twilio.to(f.mum())).hasSize(1);
        assertThat(twilio.to(f.mum()).get(0).body()).contains("Amelia and Ben").contains("not in school today");
        assertThat(twilio.to(f.caraDad())).hasSize(1);
        assertThat(twilio.accepted()).as("the priority-2 contact is only a fallback").hasSize(2);
        assertThat(twilio.to(f.mum()).get(0).statusCallback()).isEqualTo(PUBLIC + "/api/v1/webhooks/twilio/status");

        runUntil(f.school(), "09:40");
        scheduler.tick(List.of(f.school().id()));
        assertThat(twilio.accepted()).as("ticking again sends nothing twice").hasSize(2);
        assertThat(messages(f.school())).filteredOn(m -> m.purpose().equals("FIRST_DAY_ABSENCE")).allMatch(m -> m.status().equals("SENT")
                && m.providerId().startsWith("SM") && m.smsSegments() == 1);
    }

    @Test
    void aChildWhoArrivesBeforeTheTextLeavesIsTakenOutAndALaterArrivalBringsACorrection() {
        Family f = morning(PolicyPresets.PRIMARY_GLOUCESTERSHIRE);
        at("09:15");
        scheduler.tick(List.of(f.school().id()));
        // Ben is signed in at the office before the dispatcher runs: the family text names only Amelia
        at("09:16");
        amendments.arrival(SYSTEM, f.school().id(), new RecordArrival(f.ben().id(), LocalTime.of(9, 16)));
        absences.report(SYSTEM, f.school().id(), new uk.openattendance.absence.app.ReportAbsence(List.of(f.cara().id()), MONDAY, null, null, null, null,
                uk.openattendance.absence.domain.ReportCategory.ILLNESS, "Dad phoned: temperature", null, null), uk.openattendance.absence.domain.ReportChannel.PHONE_CALL);
        dispatcher.dispatchDue(List.of(f.school().id()));
        assertThat(twilio.to(f.mum())).singleElement().satisfies(s -> assertThat(s.body()).contains("Amelia").doesNotContain("Ben"));
        assertThat(twilio.to(f.caraDad())).as("Cara was reported before the text left").isEmpty();
        assertThat(messages(f.school())).anyMatch(m -> m.status().equals("CANCELLED") && m.pupilIds().contains(f.cara().id()));

        // Amelia turns up at 09:40: her mother gets a short correction, once
        at("09:40");
        amendments.arrival(SYSTEM, f.school().id(), new RecordArrival(f.amelia().id(), LocalTime.of(9, 40)));
        dispatcher.dispatchDue(List.of(f.school().id()));
        assertThat(twilio.to(f.mum())).hasSize(2);
        assertThat(twilio.to(f.mum()).get(1).body()).contains("sorry").contains("Amelia is in school");
    }

    @Test
    void providerErrorsAreRetriedWithBackoffAndTheTextIsSentOnce() {
        Family f = morning(PolicyPresets.PRIMARY_GLOUCESTERSHIRE);
        twilio.failNext(new TwilioFake.Failure(500, 0, "Internal error"), new TwilioFake.Failure(429, 20429, "Too many requests"));
        at("09:15");
        scheduler.tick(List.of(f.school().id()));
        Dispatcher.Pass first = dispatcher.dispatchDue(List.of(f.school().id()));
        assertThat(first.retried()).isEqualTo(2);
        assertThat(twilio.accepted()).isEmpty();
        at("09:15:40");
        dispatcher.dispatchDue(List.of(f.school().id()));
        at("09:16:40");
        dispatcher.dispatchDue(List.of(f.school().id()));
        assertThat(twilio.accepted()).hasSize(2);
        assertThat(twilio.requests()).as("one request per attempt: the SDK's own retries are off").isEqualTo(4);
        assertThat(messages(f.school())).filteredOn(m -> m.purpose().equals("FIRST_DAY_ABSENCE")).extracting(Outbox.MessageView::status)
                .containsOnly("SENT");
    }

    @Test
    void anOptedOutNumberIsSuppressedAndTheFamilyIsEmailedInstead() throws Exception {
        Family f = morning(PolicyPresets.PRIMARY_GLOUCESTERSHIRE);
        twilio.failNext(new TwilioFake.Failure(400, 21610, "Attempt to send to unsubscribed recipient"));
        at("09:15");
        scheduler.tick(List.of(f.school().id()));
        dispatcher.dispatchDue(List.of(f.school().id()));
        dispatcher.dispatchDue(List.of(f.school().id()));
        MimeMessage[] mail = smtp.getReceivedMessages();
        assertThat(mail).hasSize(1);
        assertThat(mail[0].getAllRecipients()[0].toString()).endsWith("@example.org");
        assertThat(mail[0].getSubject()).contains("not in school today");
        assertThat(suppressions.suppressed(f.school().id(), mail[0].getAllRecipients()[0].toString().startsWith("sam") ? f.mum() : f.caraDad())).isTrue();
    }

    @Test
    void twoInstancesDispatchingTheSameMorningTextEachContactExactlyOnce() throws Exception {
        at("08:30");
        TestWorld.School school = world.school(world.trust(), PolicyPresets.PRIMARY_GLOUCESTERSHIRE);
        List<PupilView> pupils = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            PupilView p = world.pupil(school, "Pupil" + i, "Twoinstance");
            contacts.addContact(SYSTEM, school.id(), p.id(), contact("Parent " + i, "Mother", 1, String.format("07700 900%03d", i), null));
            pupils.add(p);
        }
        takeRegister(school, pupils, "N");
        at("09:15");
        try (ApplicationContext second = ApplicationContext.run(Map.<String, Object>copyOf(properties(twilio, smtp)), "test")) {
            Dispatcher other = second.getBean(Dispatcher.class);
            second.getBean(MutableClock.class).set(LocalDateTime.of(MONDAY, LocalTime.of(9, 15)), LONDON);
            ExecutorService pool = Executors.newFixedThreadPool(2);
            // both instances' schedulers wake at 09:15: the first-text job runs once
            var ta = CompletableFuture.supplyAsync(() -> scheduler.tick(List.of(school.id())), pool);
            var tb = CompletableFuture.supplyAsync(() -> second.getBean(Scheduler.class).tick(List.of(school.id())), pool);
            // the register check after the morning close falls due by then too: each job ran once, on one instance
            int done = ta.get().done() + tb.get().done();
            List<JobView> ran = scheduler.jobs(SYSTEM, school.id(), MONDAY, MONDAY).stream().filter(j -> j.status().equals("DONE")).toList();
            assertThat(ran).extracting(JobView::kind).contains("FIRST_DAY_TEXT");
            assertThat(done).as("each job due at 09:15 ran on exactly one instance").isEqualTo(ran.size());
            var a = CompletableFuture.supplyAsync(() -> dispatcher.dispatchDue(List.of(school.id())), pool);
            var b = CompletableFuture.supplyAsync(() -> other.dispatchDue(List.of(school.id())), pool);
            int sent = a.get().sent() + b.get().sent();
            pool.shutdown();
            assertThat(sent).isEqualTo(40);
        }
        assertThat(twilio.accepted()).hasSize(40);
        assertThat(twilio.accepted().stream().map(TwilioFake.Sent::to).distinct()).hasSize(40);
    }

    @Test
    void aTextInterruptedByACrashAfterTheProviderAcceptedItIsRecordedNotResent() {
        Family f = morning(PolicyPresets.PRIMARY_GLOUCESTERSHIRE);
        at("09:15");
        scheduler.tick(List.of(f.school().id()));
        // an instance claims the messages, hands the mother's to Twilio, and dies before recording either outcome
        var entries = queueStore.claim(OutboxStore.QUEUE, "instance-that-dies", clock.instant(),
                clock.instant().plusSeconds(60), 50, List.of(f.school().id()), List.of());
        var claimed = outboxStore.byIds(entries.stream().map(uk.openattendance.platform.queue.QueueEntry::refId).toList());
        var mums = claimed.stream().filter(r -> r.recipient().equals(f.mum())).findFirst().orElseThrow();
        TwilioFake.Sent before = twilio.acceptWithoutAsking(f.mum(), mums.body());

        at("09:17"); // the dead instance's lease has run out
        dispatcher.dispatchDue(List.of(f.school().id()));
        assertThat(twilio.to(f.mum())).as("the mother's text is not sent a second time").hasSize(1);
        assertThat(twilio.to(f.caraDad())).as("the text the dead instance never sent goes now").hasSize(1);
        assertThat(messages(f.school())).filteredOn(m -> m.to().equals(f.mum()) && m.purpose().equals("FIRST_DAY_ABSENCE"))
                .singleElement().satisfies(m -> assertThat(m.providerId()).isEqualTo(before.sid()));
    }

    @Test
    void aFailedDeliveryReceiptMovesOnToTheNextContact() throws Exception {
        Family f = morning(PolicyPresets.PRIMARY_GLOUCESTERSHIRE);
        at("09:15");
        scheduler.tick(List.of(f.school().id()));
        dispatcher.dispatchDue(List.of(f.school().id()));
        TwilioFake.Sent dad = twilio.to(f.caraDad()).get(0);
        // Twilio reports the text to Cara's father undelivered; it then texts her mother (priority 2), and by email nobody twice
        var r = webhook("/api/v1/webhooks/twilio/status", Map.of("MessageSid", dad.sid(), "MessageStatus", "undelivered", "ErrorCode", "30003",
                "To", f.caraDad()), true);
        assertThat(r.statusCode()).isEqualTo(204);
        dispatcher.dispatchDue(List.of(f.school().id()));
        assertThat(smtp.getReceivedMessages()).as("first the father's own email").hasSize(1);
        assertThat(messages(f.school())).anyMatch(m -> m.providerId() != null && m.providerId().equals(dad.sid()) && m.status().equals("FAILED")
                && "undelivered".equals(m.providerStatus()));
    }

    // ---- webhooks ---------------------------------------------------------------------------------------------------

    HttpResponse<String> webhook(String path, Map<String, String> params, boolean sign) throws Exception {
        return TwilioWebhook.post(server.getURL().toString(), path, params, sign);
    }

    static String signature(String url, Map<String, String> params) throws Exception {
        return TwilioWebhook.signature(url, params);
    }

    static Map<String, String> sms(String sid, String from, String body) {
        return Map.of("MessageSid", sid, "From", from, "To", "+447700900000", "Body", body, "AccountSid", "AC00000000000000000000000000000000");
    }

    @Test
    void aSignedReplyIsStoredReadAndCodesTheMarkAndTheSameReplyDeliveredTwiceCountsOnce() throws Exception {
        Family f = morning(PolicyPresets.PRIMARY_GLOUCESTERSHIRE);
        runUntil(f.school(), "09:20");
        at("09:31");
        String sid = "SM" + System.nanoTime();
        var r = webhook("/api/v1/webhooks/twilio/sms", sms(sid, f.caraDad(), "Sorry, Cara has a temperature, she'll be back Wednesday"), true);
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("text/xml");
        assertThat(r.body()).contains("<Message>").contains("thank you").contains("better soon");
        var mark = registers.currentMarks(SYSTEM, f.school().id(), MONDAY, Session.AM, List.of(f.cara().id())).get(f.cara().id());
        assertThat(mark.code()).isEqualTo("I");
        assertThat(mark.recordedBy()).startsWith("System");
        var reports = absences.reportsOfPupil(SYSTEM, f.school().id(), f.cara().id());
        assertThat(reports).singleElement().satisfies(rep -> {
            assertThat(rep.channel()).isEqualTo("SMS_REPLY");
            assertThat(rep.lastDate()).isEqualTo(MONDAY.plusDays(1));
            assertThat(rep.expectedReturn()).isEqualTo(MONDAY.plusDays(2));
        });

        var again = webhook("/api/v1/webhooks/twilio/sms", sms(sid, f.caraDad(), "Sorry, Cara has a temperature, she'll be back Wednesday"), true);
        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(again.body()).isEqualTo(r.body());
        assertThat(absences.reportsOfPupil(SYSTEM, f.school().id(), f.cara().id())).hasSize(1);
    }

    @Test
    void unsignedForgedOrIncompleteWebhooksAreRefusedAndUncertainRepliesGoToTheOfficeNeverLost() throws Exception {
        Family f = morning(PolicyPresets.PRIMARY_GLOUCESTERSHIRE);
        runUntil(f.school(), "09:20");
        String sid = "SM" + System.nanoTime();
        assertThat(webhook("/api/v1/webhooks/twilio/sms", sms(sid, f.mum(), "Amelia is ill"), false).statusCode()).isEqualTo(403);
        var forged = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(server.getURL() + "/api/v1/webhooks/twilio/sms"))
                .header("Content-Type", "application/x-www-form-urlencoded").header("X-Twilio-Signature", signature(PUBLIC + "/api/v1/webhooks/twilio/sms",
                        sms(sid, f.mum(), "Amelia is ill")))
                .POST(HttpRequest.BodyPublishers.ofString("MessageSid=" + sid + "&From=%2B447700900999&To=%2B447700900000&Body=Amelia+is+ill"
                        + "&AccountSid=AC00000000000000000000000000000000")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(forged.statusCode()).as("a changed parameter breaks the signature").isEqualTo(403);
        assertThat(forged.headers().firstValue("Content-Type").orElse("")).contains("problem+json");
        var incomplete = webhook("/api/v1/webhooks/twilio/sms", Map.of("Body", "hello"), true);
        assertThat(incomplete.statusCode()).isEqualTo(400);
        assertThat(incomplete.body()).contains("MessageSid");

        String office = world.staffLogin(new uk.openattendance.fixtures.Api(server.getURL().toString()), uk.openattendance.security.Role.OFFICE,
                f.school().id(), null);
        var api = new uk.openattendance.fixtures.Api(server.getURL().toString());
        // a holiday, a question with emoji and a long message all reach the office's review queue with a polite reply
        var holiday = webhook("/api/v1/webhooks/twilio/sms", sms("SMh" + System.nanoTime(), f.mum(), "We're in Spain on holiday, back next week ☀️"), true);
        assertThat(holiday.statusCode()).isEqualTo(200);
        assertThat(holiday.body()).contains("member of the office");
        String longText = "Amelia ".repeat(2000);
        assertThat(webhook("/api/v1/webhooks/twilio/sms", sms("SMl" + System.nanoTime(), f.mum(), longText), true).statusCode()).isEqualTo(200);
        var queue = api.get("/api/v1/schools/" + f.school().id() + "/inbound-messages?status=REVIEW", office);
        assertThat(queue.status()).isEqualTo(200);
        assertThat(queue.json().get("items").findValuesAsText("body")).contains("We're in Spain on holiday, back next week ☀️", longText);
        assertThat(queue.json().get("items").findValuesAsText("reviewReason")).anyMatch(s -> s.contains("holiday"));

        // a number nobody on roll has (a US number from the range kept for fiction): stored for review, answered kindly
        var stranger = webhook("/api/v1/webhooks/twilio/sms", sms("SMu" + System.nanoTime(), "+15555550123", "Is school open today?"), true);
        assertThat(stranger.statusCode()).isEqualTo(200);
        assertThat(stranger.body()).contains("could not match this number");
        assertThat(webhook("/api/v1/webhooks/twilio/sms", sms("SMx" + System.nanoTime(), "not-a-number", "hi"), true).statusCode()).isEqualTo(200);
    }

    @Test
    void stopOptsTheNumberOutEverywhereAndStartOptsItBackIn() throws Exception {
        Family f = morning(PolicyPresets.PRIMARY_GLOUCESTERSHIRE);
        var r = webhook("/api/v1/webhooks/twilio/sms", sms("SMs" + System.nanoTime(), f.mum(), "STOP"), true);
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(suppressions.suppressed(f.school().id(), f.mum())).isTrue();
        at("09:15");
        scheduler.tick(List.of(f.school().id()));
        dispatcher.dispatchDue(List.of(f.school().id()));
        dispatcher.dispatchDue(List.of(f.school().id()));
        assertThat(twilio.to(f.mum())).as("no text to a number that said STOP").isEmpty();
        assertThat(smtp.getReceivedMessages()).as("the school allows email instead").anyMatch(m -> {
            try {
                return m.getAllRecipients()[0].toString().startsWith("sam");
            } catch (Exception e) {
                return false;
            }
        });
        webhook("/api/v1/webhooks/twilio/sms", sms("SMt" + System.nanoTime(), f.mum(), "START"), true);
        assertThat(suppressions.suppressed(f.school().id(), f.mum())).isFalse();
    }

    // ---- jobs -------------------------------------------------------------------------------------------------------

    @Test
    void jobsMissedWhileTheServiceWasDownAreSkippedWithTheReasonAndStillUsefulOnesRun() {
        Family f = morning(PolicyPresets.PRIMARY_GLOUCESTERSHIRE);
        at("12:30"); // down from 08:55 until 12:30: past the 12:00 safe-by time
        scheduler.tick(List.of(f.school().id()));
        dispatcher.dispatchDue(List.of(f.school().id()));
        List<JobView> jobs = scheduler.jobs(SYSTEM, f.school().id(), MONDAY, MONDAY);
        assertThat(jobs).filteredOn(j -> j.kind().equals("FIRST_DAY_TEXT")).singleElement().satisfies(j -> {
            assertThat(j.status()).isEqualTo("SKIPPED");
            assertThat(j.outcome()).contains("09:15").contains("12:00");
        });
        assertThat(jobs).filteredOn(j -> j.kind().equals("FIRST_DAY_CALL_LIST")).extracting(JobView::status).containsExactly("DONE");
        assertThat(twilio.accepted()).as("no first-day text at half past twelve").isEmpty();
    }

    @Test
    void aMorningOfEachPresetRunsTheChainAtTheSchoolsOwnTimes() throws Exception {
        for (String preset : List.of(PolicyPresets.SECONDARY_ACADEMY_DORSET, PolicyPresets.CHURCH_TRUST_TRAFFIC_LIGHT, PolicyPresets.PRIMARY_GLOUCESTERSHIRE,
                PolicyPresets.PRIMARY_PORTSMOUTH, PolicyPresets.LOWER_SCHOOL_BEDFORDSHIRE)) {
            twilio.reset();
            smtp.purgeEmailFromAllMailboxes();
            Family f = morning(preset);
            at("08:00");
            runUntil(f.school(), "13:00");
            List<JobView> jobs = scheduler.jobs(SYSTEM, f.school().id(), MONDAY, MONDAY);
            StringBuilder line = new StringBuilder("[timeline] " + preset + ":");
            for (JobView j : jobs) {
                line.append(' ').append(LocalDateTime.ofInstant(j.dueAt(), LONDON).toLocalTime()).append(' ').append(j.kind().toLowerCase().replace('_', ' '))
                        .append(j.session() == null ? "" : " " + j.session()).append(" (").append(j.status().toLowerCase()).append(");");
            }
            System.out.println(line);
            var chain = PolicyPresets.byKey(preset).orElseThrow().settings().firstDay();
            assertThat(jobs).filteredOn(j -> j.kind().equals("FIRST_DAY_TEXT")).singleElement().satisfies(j -> {
                assertThat(LocalDateTime.ofInstant(j.dueAt(), LONDON).toLocalTime()).isEqualTo(chain.firstTextAt());
                assertThat(j.status()).isEqualTo("DONE");
            });
            assertThat(twilio.to(f.mum())).as(preset + ": one first-day text to the mother").hasSize(1);
            // nobody replied or was reached: the designated lead is emailed at escalation and again at safe-by
            assertThat(smtp.getReceivedMessages()).as(preset + ": designated lead alerted").isNotEmpty();
            assertThat(smtp.getReceivedMessages()[0].getSubject()).contains("Not yet known to be safe");
            String callList = new uk.openattendance.fixtures.Api(server.getURL().toString()).get("/api/v1/schools/" + f.school().id()
                    + "/call-list?date=" + MONDAY, world.staffLogin(new uk.openattendance.fixtures.Api(server.getURL().toString()),
                            uk.openattendance.security.Role.OFFICE, f.school().id(), null)).body();
            assertThat(callList).contains("Amelia").contains("Cara").contains("ESCALATED");
            if (preset.equals(PolicyPresets.SECONDARY_ACADEMY_DORSET)) {
                logsACallOnceWhenThePostIsRetried(f.school().id(), callList);
            }
        }
    }

    /** A call logged over REST answers 201, and the same POST again with its Idempotency-Key replays it instead of logging a second call. */
    private void logsACallOnceWhenThePostIsRetried(long schoolId, String callList) throws Exception {
        var api = new uk.openattendance.fixtures.Api(server.getURL().toString());
        String office = world.staffLogin(api, uk.openattendance.security.Role.OFFICE, schoolId, null);
        var list = new com.fasterxml.jackson.databind.ObjectMapper().readTree(callList);
        var entries = list.has("items") ? list.get("items") : list;
        long caseId = entries.get(0).get("caseId").asLong();
        var keyed = Map.of("Idempotency-Key", "call-" + caseId, "Content-Type", "application/json");
        String call = "{\"outcome\": \"NO_ANSWER\", \"note\": \"Rang the first contact: no answer\"}";
        var first = api.send("POST", "/api/v1/schools/" + schoolId + "/follow-ups/" + caseId + "/calls", office, call, keyed);
        var again = api.send("POST", "/api/v1/schools/" + schoolId + "/follow-ups/" + caseId + "/calls", office, call, keyed);
        assertThat(first.status()).as(first.body()).isEqualTo(201);
        assertThat(first.json().get("attempts")).hasSize(1);
        assertThat(again.status()).as(again.body()).isEqualTo(201);
        assertThat(again.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(again.json().get("attempts")).as("the retry logged no second call").hasSize(1);
    }

    @Test
    void lateArrivalsGetOneNoticePerSessionWhereTheSchoolSendsThem() {
        at("08:30");
        TestWorld.School school = world.school(world.trust(), PolicyPresets.PRIMARY_PORTSMOUTH); // lateness notices on
        PupilView dev = world.pupil(school, "Dev", "Latecomer");
        contacts.addContact(SYSTEM, school.id(), dev.id(), contact("Pat Latecomer", "Father", 1, "07700 900777", null));
        at("09:10");
        registers.submit(SYSTEM, school.id(), MONDAY, Session.AM, new SubmitRegister(List.of(new SubmitRegister.Entry(dev.id(), null, LocalTime.of(9, 10),
                null, null)), null));
        runUntil(school, "11:00");
        assertThat(twilio.to("+447700900777")).singleElement().satisfies(s -> assertThat(s.body()).contains("Dev").contains("morning")
                .contains("10 minutes late"));
        runUntil(school, "11:30");
        assertThat(twilio.to("+447700900777")).as("once per session").hasSize(1);
    }

    @Test
    void aSocialWorkerIsToldOfAnUnexplainedAbsenceAndTenDaysWithoutExplanationFlagsAPossibleChildMissingEducation() throws Exception {
        at("08:30");
        TestWorld.School school = world.school(world.trust(), PolicyPresets.PRIMARY_GLOUCESTERSHIRE);
        PupilView finn = world.pupil(school, "Finn", "Caseworked", LocalDate.of(2026, 9, 2), 0,
                new Characteristics(false, null, false, false, false, true, true, false));
        contacts.addContact(SYSTEM, school.id(), finn.id(), contact("Robin Caseworked", "Father", 1, "07700 900501", null));
        contacts.addContact(SYSTEM, school.id(), finn.id(), new ContactCommand("Dana Example", "Social worker", false, false, 5, null,
                "dana.example@example.org", Channel.EMAIL, false, null));
        // absent without explanation for the ten school days up to today, every session
        LocalDate day = MONDAY.minusDays(13);
        for (; !day.isAfter(MONDAY); day = day.plusDays(1)) {
            if (day.getDayOfWeek().getValue() >= 6) {
                continue;
            }
            for (Session session : Session.values()) {
                clock.set(LocalDateTime.of(day.equals(MONDAY) ? MONDAY : day, session == Session.AM ? LocalTime.of(8, 51) : LocalTime.of(13, 11)), LONDON);
                if (day.equals(MONDAY) && session == Session.PM) {
                    continue;
                }
                registers.submit(SYSTEM, school.id(), day, session, new SubmitRegister(List.of(new SubmitRegister.Entry(finn.id(), "N", null, null, null)), null));
            }
        }
        clock.set(LocalDateTime.of(MONDAY, LocalTime.of(13, 11)), LONDON);
        registers.submit(SYSTEM, school.id(), MONDAY, Session.PM, new SubmitRegister(List.of(new SubmitRegister.Entry(finn.id(), "N", null, null, null)), null));
        at("09:14");
        runUntil(school, "09:20");
        assertThat(twilio.to("+447700900501")).as("the father is texted").hasSize(1);
        assertThat(smtp.getReceivedMessages()).anyMatch(m -> {
            try {
                return m.getAllRecipients()[0].toString().equals("dana.example@example.org") && m.getSubject().contains("Unexplained absence");
            } catch (Exception e) {
                return false;
            }
        });
        assertThat(smtp.getReceivedMessages()).as("the social worker is not sent the family's text").noneMatch(m -> {
            try {
                return m.getAllRecipients()[0].toString().equals("dana.example@example.org") && m.getSubject().contains("not in school today");
            } catch (Exception e) {
                return false;
            }
        });
        at("15:55");
        runUntil(school, "16:05");
        var flags = new uk.openattendance.fixtures.Api(server.getURL().toString()).get("/api/v1/schools/" + school.id() + "/missing-education-flags",
                world.staffLogin(new uk.openattendance.fixtures.Api(server.getURL().toString()), uk.openattendance.security.Role.OFFICE, school.id(), null));
        assertThat(flags.json().findValuesAsText("pupilName")).containsExactly("Finn Caseworked");
        assertThat(smtp.getReceivedMessages()).anyMatch(m -> {
            try {
                return m.getSubject().contains("missing education");
            } catch (Exception e) {
                return false;
            }
        });
    }

    @Test
    void aSchoolsOwnWordingIsCheckedAndShownWithItsCostInTextSegments() {
        at("08:30");
        TestWorld.School school = world.school(world.trust(), PolicyPresets.PRIMARY_GLOUCESTERSHIRE);
        var api = new uk.openattendance.fixtures.Api(server.getURL().toString());
        String head = world.staffLogin(api, uk.openattendance.security.Role.HEADTEACHER, school.id(), null);
        String path = "/api/v1/schools/" + school.id() + "/message-templates/FIRST_DAY_ABSENCE";
        var typo = api.put(path, head, "{\"body\":\"Dear {{parnet}}, {{children}} is absent\"}");
        assertThat(typo.status()).isEqualTo(400);
        assertThat(typo.json().at("/errors/0/expected").asText()).contains("{{parnet}}");
        var unclosed = api.put(path, head, "{\"body\":\"{{children}} is absent {{date\"}");
        assertThat(unclosed.status()).isEqualTo(400);
        var curly = api.put(path, head, "{\"body\":\"{{school}}: {{children}} isn’t in today – please reply 🙂\"}");
        assertThat(curly.status()).isEqualTo(200);
        assertThat(curly.json().get("encoding").asText()).as("one curly quote makes the whole text UCS-2").isEqualTo("UCS-2");
        var all = api.get("/api/v1/schools/" + school.id() + "/message-templates", head);
        assertThat(all.json().get("items").findValuesAsText("purpose")).contains("FIRST_DAY_ABSENCE", "LATENESS", "PRAISE_WEEKLY");
        assertThat(all.json().get("items").findValues("smsSegments")).allMatch(n -> n.asInt() >= 1);
        var teacher = world.staffLogin(api, uk.openattendance.security.Role.TEACHER, school.id(), null);
        assertThat(api.put(path, teacher, "{\"body\":\"{{children}} is absent\"}").status()).isEqualTo(403);
    }

    @Test
    void aParentSignsInWithTheCodeTwilioOrTheirMailboxDeliveredWhileTheOutboxKeepsItOnlyRedacted() throws Exception {
        at("10:15");
        TestWorld.School school = world.school(world.trust(), PolicyPresets.PRIMARY_GLOUCESTERSHIRE);
        PupilView child = world.pupil(school, "Owain", "Textcode");
        String mobile = String.format("07700 900%03d", 600 + TestWorld.next() % 300);
        contacts.addContact(SYSTEM, school.id(), child.id(), new ContactCommand("Ffion Textcode", "Mother", true, true, 1, mobile,
                "ffion.textcode@example.org", Channel.SMS, false, null));
        var api = new uk.openattendance.fixtures.Api(server.getURL().toString());
        String base = "/api/v1/public/schools/" + school.id() + "/parent";
        java.util.regex.Pattern codeIs = java.util.regex.Pattern.compile("code is (\\d{6})");

        var bySms = api.post(base + "/sign-in", null, "{\"mobile\":\"" + mobile + "\"}");
        var byEmail = api.post(base + "/sign-in", null, "{\"email\":\"ffion.textcode@example.org\"}");
        assertThat(bySms.status()).isEqualTo(202);
        dispatcher.dispatchDue(List.of(school.id()));
        List<TwilioFake.Sent> texts = twilio.to("+44" + mobile.replace(" ", "").substring(1));
        assertThat(texts).hasSize(1);
        var smsCode = codeIs.matcher(texts.get(0).body());
        assertThat(smsCode.find()).as(texts.get(0).body()).isTrue();
        MimeMessage[] mail = smtp.getReceivedMessages();
        assertThat(mail).hasSize(1);
        var emailCode = codeIs.matcher(com.icegreen.greenmail.util.GreenMailUtil.getBody(mail[0]));
        assertThat(emailCode.find()).isTrue();

        assertThat(outboxStore.ofSchool(school.id(), null, MessagePurpose.ONE_TIME_CODE.name(), List.of(), 0, 10)).hasSize(2).allSatisfy(r -> {
            assertThat(r.status()).isEqualTo(OutboxStatus.SENT);
            assertThat(r.body()).contains("code is ******").doesNotContain(smsCode.group(1)).doesNotContain(emailCode.group(1));
            assertThat(r.sealedBody()).as("the sealed wording is wiped once sent").isNull();
        });
        var signedIn = api.post(base + "/verify", null, "{\"challenge\":\"" + bySms.json().get("challenge").asText() + "\",\"code\":\""
                + smsCode.group(1) + "\"}");
        assertThat(signedIn.status()).as(signedIn.body()).isEqualTo(200);
        var signedInByEmail = api.post(base + "/verify", null, "{\"challenge\":\"" + byEmail.json().get("challenge").asText() + "\",\"code\":\""
                + emailCode.group(1) + "\"}");
        assertThat(signedInByEmail.status()).as(signedInByEmail.body()).isEqualTo(200);
    }
}
