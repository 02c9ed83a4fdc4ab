package uk.openattendance.notify;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import jakarta.mail.internet.MimeMessage;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import uk.openattendance.absence.app.AbsenceService;
import uk.openattendance.fixtures.TestWorld;
import uk.openattendance.fixtures.TwilioFake;
import uk.openattendance.fixtures.TwilioWebhook;
import uk.openattendance.notify.app.Dispatcher;
import uk.openattendance.notify.persistence.SuppressionRepository;
import uk.openattendance.platform.time.MutableClock;
import uk.openattendance.register.app.RegisterService;
import uk.openattendance.register.app.SubmitRegister;
import uk.openattendance.roll.app.ContactCommand;
import uk.openattendance.roll.app.ContactService;
import uk.openattendance.roll.app.PupilView;
import uk.openattendance.roll.domain.Channel;
import uk.openattendance.schedule.app.Scheduler;
import uk.openattendance.school.domain.PolicyPresets;
import uk.openattendance.school.domain.Session;
import uk.openattendance.security.Actor;

/**
 * Issue 17, "their language", through the real chain: the Twilio SDK against the local fake, GreenMail as the SMTP server,
 * MariaDB. A Polish contact gets the first-day text in Polish and may answer in English; the answer is read exactly as an
 * English contact's would be. A Welsh contact who prefers email gets the first-day email in Welsh.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TheirLanguageIT implements TestPropertyProvider {
    static final ZoneId LONDON = ZoneId.of("Europe/London");
    static final LocalDate MONDAY = LocalDate.of(2026, 11, 23);
    static final Actor SYSTEM = Actor.bootstrap("tests");

    TwilioFake twilio;
    GreenMail smtp;

    @Inject EmbeddedServer server;
    @Inject TestWorld world;
    @Inject MutableClock clock;
    @Inject Scheduler scheduler;
    @Inject Dispatcher dispatcher;
    @Inject RegisterService registers;
    @Inject ContactService contacts;
    @Inject AbsenceService absences;
    @Inject SuppressionRepository suppressions;
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

    static String e164(String mobile) {
        return "+44" + mobile.replace(" ", "").substring(1);
    }

    @Test
    void aPolishContactIsTextedInPolishAndAnEnglishReplyIsReadAndAppliedAsForAnEnglishContact() throws Exception {
        at("08:30");
        TestWorld.School school = world.school(world.trust(), PolicyPresets.PRIMARY_GLOUCESTERSHIRE);
        PupilView zofia = world.pupil(school, "Zofia", "Testowska");
        PupilView tom = world.pupil(school, "Tess", "Examplebrook");
        int n = TestWorld.next() % 300;
        String agnieszka = String.format("07700 900%03d", 300 + n);
        String chris = String.format("07700 900%03d", 600 + n);
        contacts.addContact(SYSTEM, school.id(), zofia.id(), new ContactCommand("Agnieszka Testowska", "Mother", true, true, 1, agnieszka, null,
                Channel.SMS, false, "pl"));
        contacts.addContact(SYSTEM, school.id(), tom.id(), new ContactCommand("Chris Examplebrook", "Father", true, true, 1, chris, null,
                Channel.SMS, false, "en"));
        suppressions.deleteByAddressAndSchoolId(e164(agnieszka), 0);
        suppressions.deleteByAddressAndSchoolId(e164(chris), 0);
        at(groups.registerGroups(SYSTEM, school.id()).get(0).timing(Session.AM).opensAt().plusMinutes(1).toString());
        registers.submit(SYSTEM, school.id(), MONDAY, Session.AM, new SubmitRegister(List.of(new SubmitRegister.Entry(zofia.id(), "N", null, null, null),
                new SubmitRegister.Entry(tom.id(), "N", null, null, null)), null));

        // 09:15 the first texts go, each in its contact's language
        runUntil(school, "09:20");
        assertThat(twilio.to(e164(agnieszka))).singleElement().satisfies(s -> assertThat(s.body()).contains("Zofia").contains("nieobecność w szkole dzisiaj")
                .doesNotContain("not in school today"));
        assertThat(twilio.to(e164(chris))).singleElement().satisfies(s -> assertThat(s.body()).contains("Tess").contains("not in school today"));

        // 09:31 both answer in English
        at("09:31");
        var polish = TwilioWebhook.post(server.getURL().toString(), "/api/v1/webhooks/twilio/sms",
                sms("SMpl" + System.nanoTime(), e164(agnieszka), "Zofia has a temperature, keeping her off today"), true);
        var english = TwilioWebhook.post(server.getURL().toString(), "/api/v1/webhooks/twilio/sms",
                sms("SMen" + System.nanoTime(), e164(chris), "Tess has a temperature, keeping her off today"), true);
        assertThat(polish.statusCode()).isEqualTo(200);
        assertThat(english.statusCode()).isEqualTo(200);

        var zofiasMark = registers.currentMarks(SYSTEM, school.id(), MONDAY, Session.AM, List.of(zofia.id())).get(zofia.id());
        var tomsMark = registers.currentMarks(SYSTEM, school.id(), MONDAY, Session.AM, List.of(tom.id())).get(tom.id());
        assertThat(tomsMark.code()).as("the English reply is applied: " + english.body()).isEqualTo("I");
        assertThat(zofiasMark.code()).as("read exactly as the English contact's reply").isEqualTo("I").isEqualTo(tomsMark.code());
        assertThat(zofiasMark.recordedBy()).startsWith("System");
        var zofiasReports = absences.reportsOfPupil(SYSTEM, school.id(), zofia.id());
        var tomsReports = absences.reportsOfPupil(SYSTEM, school.id(), tom.id());
        assertThat(zofiasReports).singleElement().satisfies(r -> {
            assertThat(r.channel()).isEqualTo("SMS_REPLY");
            assertThat(r.category()).isEqualTo(tomsReports.get(0).category());
            assertThat(r.firstDate()).isEqualTo(MONDAY).isEqualTo(tomsReports.get(0).firstDate());
            assertThat(r.lastDate()).isEqualTo(tomsReports.get(0).lastDate());
        });
        // the thanks are in Polish, in the same words the school would send to any Polish contact
        assertThat(polish.body()).contains("<Message>").contains("dziękujemy");
        assertThat(english.body()).contains("thank you");
    }

    @Test
    void aWelshContactWhoPrefersEmailGetsTheFirstDayEmailInWelsh() throws Exception {
        at("08:30");
        TestWorld.School school = world.school(world.trust(), PolicyPresets.PRIMARY_GLOUCESTERSHIRE);
        PupilView gwen = world.pupil(school, "Gwen", "Testfryn");
        int n = TestWorld.next() % 300;
        contacts.addContact(SYSTEM, school.id(), gwen.id(), new ContactCommand("Dafydd Testfryn", "Father", true, true, 1, null,
                "dafydd" + n + "@example.org", Channel.EMAIL, false, "cy"));
        at(groups.registerGroups(SYSTEM, school.id()).get(0).timing(Session.AM).opensAt().plusMinutes(1).toString());
        registers.submit(SYSTEM, school.id(), MONDAY, Session.AM, new SubmitRegister(List.of(new SubmitRegister.Entry(gwen.id(), "N", null, null, null)), null));

        runUntil(school, "09:20");
        MimeMessage[] mail = smtp.getReceivedMessages();
        assertThat(mail).hasSize(1);
        assertThat(mail[0].getAllRecipients()[0].toString()).isEqualTo("dafydd" + n + "@example.org");
        assertThat(mail[0].getSubject()).isEqualTo("Nid yw Gwen yn yr ysgol heddiw");
        assertThat(GreenMailUtil.getBody(mail[0])).doesNotContain("not in school today");
    }

    @Test
    void theSignInCodeComesInTheFormsLanguageWithoutChangingTheContactsAndAnUnknownLanguageIsRefused() throws Exception {
        at("08:30");
        TestWorld.School school = world.school(world.trust(), PolicyPresets.PRIMARY_GLOUCESTERSHIRE);
        PupilView zofia = world.pupil(school, "Zofia", "Kodowska");
        String mobile = String.format("07700 900%03d", 300 + TestWorld.next() % 300);
        long contactId = contacts.addContact(SYSTEM, school.id(), zofia.id(), new ContactCommand("Ewa Kodowska", "Mother", true, true, 1, mobile, null,
                Channel.SMS, false, "pl")).contactId();
        suppressions.deleteByAddressAndSchoolId(e164(mobile), 0);
        String path = "/api/v1/public/schools/" + school.id() + "/parent/sign-in";

        // the form is being read in Romanian: the code comes in Romanian, and the contact stays Polish
        assertThat(post(path, "{\"mobile\": \"" + mobile + "\", \"language\": \"ro\"}").statusCode()).isEqualTo(202);
        dispatcher.dispatchDue(List.of(school.id()));
        assertThat(twilio.to(e164(mobile))).singleElement().satisfies(s -> assertThat(s.body()).startsWith("Codul dvs."));
        assertThat(contacts.languagesOf(uk.openattendance.security.SchoolScope.forJob(uk.openattendance.security.Purpose.FAMILY_MESSAGES, school.id()),
                List.of(contactId))).containsEntry(contactId, "pl");

        // no language given: the contact's own
        twilio.reset();
        at("08:31");
        assertThat(post(path, "{\"mobile\": \"" + mobile + "\"}").statusCode()).isEqualTo(202);
        dispatcher.dispatchDue(List.of(school.id()));
        assertThat(twilio.to(e164(mobile))).singleElement().satisfies(s -> assertThat(s.body()).startsWith("Twój kod"));

        // a language the forms are not written in is refused, naming the field, and nothing is sent
        twilio.reset();
        var refused = post(path, "{\"mobile\": \"" + mobile + "\", \"language\": \"tlh\"}");
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(refused.body()).contains("\"field\":\"language\"").contains("en, pl, ur, ro, cy");
        dispatcher.dispatchDue(List.of(school.id()));
        assertThat(twilio.to(e164(mobile))).isEmpty();
    }

    java.net.http.HttpResponse<String> post(String path, String json) throws Exception {
        return java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(server.getURL() + path))
                .header("Content-Type", "application/json").header("Accept", "application/json")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(json)).build(), java.net.http.HttpResponse.BodyHandlers.ofString());
    }

    static Map<String, String> sms(String sid, String from, String body) {
        return Map.of("MessageSid", sid, "From", from, "To", "+447700900000", "Body", body, "AccountSid", "AC00000000000000000000000000000000");
    }
}
