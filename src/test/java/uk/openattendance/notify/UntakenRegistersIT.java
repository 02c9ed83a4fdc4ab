package uk.openattendance.notify;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
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
import uk.openattendance.fixtures.Api;
import uk.openattendance.fixtures.TestWorld;
import uk.openattendance.fixtures.TwilioFake;
import uk.openattendance.notify.app.Dispatcher;
import uk.openattendance.notify.app.Outbox;
import uk.openattendance.notify.persistence.SuppressionRepository;
import uk.openattendance.platform.time.MutableClock;
import uk.openattendance.register.app.RegisterService;
import uk.openattendance.register.app.SubmitRegister;
import uk.openattendance.roll.app.Characteristics;
import uk.openattendance.roll.app.ContactCommand;
import uk.openattendance.roll.app.ContactService;
import uk.openattendance.roll.app.PupilView;
import uk.openattendance.roll.domain.Channel;
import uk.openattendance.schedule.app.JobView;
import uk.openattendance.schedule.app.Scheduler;
import uk.openattendance.school.app.CalendarService;
import uk.openattendance.school.app.RegisterGroupService;
import uk.openattendance.school.app.RegisterGroupView;
import uk.openattendance.school.app.TermCommand;
import uk.openattendance.school.domain.PolicyPresets;
import uk.openattendance.school.domain.Session;
import uk.openattendance.security.Actor;
import uk.openattendance.security.Role;

/** A register that was never taken is a missing register: not praise, not a first-day text, but an alert to the office. */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class UntakenRegistersIT implements TestPropertyProvider {
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
    @Inject Outbox outbox;
    @Inject SuppressionRepository suppressions;
    @Inject RegisterGroupService groups;
    @Inject CalendarService calendars;

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

    void at(LocalDate day, String time) {
        clock.set(LocalDateTime.of(day, LocalTime.parse(time)), LONDON);
    }

    /** Takes a group's register while it is open (a present mark after the close would mean "arrived now"). */
    void take(TestWorld.School school, LocalDate day, Session session, int group, List<PupilView> pupils, String code) {
        RegisterGroupView g = groups.registerGroups(SYSTEM, school.id()).stream().filter(v -> v.id() == school.registerGroupIds().get(group)).findFirst()
                .orElseThrow();
        at(day, g.timing(session).opensAt().plusMinutes(1).toString());
        registers.submit(SYSTEM, school.id(), day, session, new SubmitRegister(pupils.stream()
                .map(p -> new SubmitRegister.Entry(p.id(), code, null, null, null)).toList(), null));
    }

    String mobile(TestWorld.School school, PupilView p, String name, int suffix) {
        String number = String.format("07700 900%03d", suffix % 1000);
        contacts.addContact(SYSTEM, school.id(), p.id(), new ContactCommand(name, "Mother", true, true, 1, number, null, Channel.SMS, false, null));
        String e164 = "+44" + number.replace(" ", "").substring(1);
        suppressions.deleteByAddressAndSchoolId(e164, 0);
        return e164;
    }

    List<JobView> jobs(TestWorld.School school, LocalDate day, String kind) {
        return scheduler.jobs(SYSTEM, school.id(), day, day).stream().filter(j -> j.kind().equals(kind)).toList();
    }

    @Test
    void aPupilWhoseRegistersWereNeverTakenIsNotPraisedAsOutstanding() {
        LocalDate monday = LocalDate.of(2026, 10, 19);
        LocalDate friday = LocalDate.of(2026, 10, 23);
        at(monday, "08:00");
        TestWorld.School school = world.school(world.trust(), PolicyPresets.LOWER_SCHOOL_BEDFORDSHIRE);
        // the half term runs 2 Sep to 23 Oct; both pupils join on its last Monday
        calendars.addTerm(SYSTEM, school.id(), new TermCommand("Autumn", LocalDate.of(2026, 9, 2), LocalDate.of(2026, 12, 18), LocalDate.of(2026, 10, 26),
                LocalDate.of(2026, 10, 30)));
        PupilView every = world.pupil(school, "Evie", "Allmarked", monday, 0, Characteristics.none());
        PupilView once = world.pupil(school, "Owen", "Oncemarked", monday, 0, Characteristics.none());
        int n = TestWorld.next();
        mobile(school, every, "Pat Allmarked", 100 + n % 100);
        String owenMum = mobile(school, once, "Kim Oncemarked", 200 + n % 100);
        // Evie has a mark for every session; Owen's registers were taken only on Monday morning, never again
        take(school, monday, Session.AM, 0, List.of(every, once), "/");
        for (LocalDate d = monday; !d.isAfter(friday); d = d.plusDays(1)) {
            for (Session s : Session.values()) {
                if (!(d.equals(monday) && s == Session.AM)) {
                    take(school, d, s, 0, List.of(every), "/");
                }
            }
        }

        at(friday, "15:31");
        scheduler.tick(List.of(school.id()));
        dispatcher.dispatchDue(List.of(school.id()));

        List<Outbox.MessageView> praise = outbox.messages(SYSTEM, school.id(), null, null, 0, 500).stream()
                .filter(m -> m.purpose().startsWith("PRAISE_")).toList();
        assertThat(praise).as("only the pupil with every register taken is praised").isNotEmpty()
                .allMatch(m -> m.pupilIds().equals(List.of(every.id())));
        assertThat(twilio.to(owenMum)).as("nine untaken registers are not 100%").isEmpty();
        assertThat(jobs(school, friday, "PRAISE_HALF_TERM")).singleElement().satisfies(j -> assertThat(j.outcome())
                .contains("1 pupil(s) skipped: registers not taken on Mon 19 Oct PM"));
    }

    @Test
    void aRegisterNotTakenByItsCloseIsShownToTheOffice() throws Exception {
        at(MONDAY, "08:00");
        TestWorld.School school = world.school(world.trust(), PolicyPresets.LOWER_SCHOOL_BEDFORDSHIRE);
        PupilView amelia = world.pupil(school, "Amelia", "Takenwood", LocalDate.of(2026, 9, 2), 0, Characteristics.none());
        PupilView ben = world.pupil(school, "Ben", "Forgotwood", LocalDate.of(2026, 9, 2), 0, Characteristics.none());
        world.pupil(school, "Cara", "Neverfield", LocalDate.of(2026, 9, 2), 1, Characteristics.none());
        PupilView dan = world.pupil(school, "Dan", "Takenfield", LocalDate.of(2026, 9, 2), 2, Characteristics.none());
        take(school, MONDAY, Session.AM, 0, List.of(amelia), "/");
        take(school, MONDAY, Session.AM, 2, List.of(dan), "/");
        Api api = new Api(server.getURL().toString());
        String office = world.staffLogin(api, Role.OFFICE, school.id(), null);
        String path = "/api/v1/schools/" + school.id() + "/registers/untaken?date=" + MONDAY;

        at(MONDAY, "09:05");
        assertThat(api.get(path, office).json().get("items")).as("registers still open are not yet untaken").isEmpty();

        at(MONDAY, "09:21");
        scheduler.tick(List.of(school.id()));
        dispatcher.dispatchDue(List.of(school.id()));

        Api.Response list = api.get(path, office);
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.json().get("items")).hasSize(2);
        assertThat(list.json().get("items").get(0).get("registerGroupId").asLong()).isEqualTo(school.registerGroupIds().get(0));
        assertThat(list.json().get("items").get(0).get("marked").asInt()).isEqualTo(1);
        assertThat(list.json().get("items").get(0).get("unmarked").toString()).contains("Forgotwood").doesNotContain("Takenwood");
        assertThat(list.json().get("items").get(1).get("registerGroupId").asLong()).isEqualTo(school.registerGroupIds().get(1));
        assertThat(list.json().get("items").get(1).get("marked").asInt()).isZero();

        List<MimeMessage> mail = alerts();
        assertThat(mail).hasSize(1);
        assertThat(mail.get(0).getAllRecipients()[0].toString()).startsWith("office").endsWith("@example.org");
        assertThat(mail.get(0).getSubject()).startsWith("Registers not taken");
        assertThat(jobs(school, MONDAY, "REGISTERS_UNTAKEN")).filteredOn(j -> "AM".equals(j.session())).singleElement()
                .satisfies(j -> assertThat(j.outcome()).contains("2 register(s) not taken").contains("1 of 2 unmarked"));

        scheduler.tick(List.of(school.id()));
        dispatcher.dispatchDue(List.of(school.id()));
        assertThat(alerts()).as("one alert per session").hasSize(1);
    }

    List<MimeMessage> alerts() throws Exception {
        List<MimeMessage> out = new java.util.ArrayList<>();
        for (MimeMessage m : smtp.getReceivedMessages()) {
            if (m.getSubject().startsWith("Registers not taken")) {
                out.add(m);
            }
        }
        return out;
    }

    @Test
    void firstDayTextsForAGroupWaitUntilItsRegisterIsTaken() {
        at(MONDAY, "08:00");
        TestWorld.School school = world.school(world.trust(), PolicyPresets.LOWER_SCHOOL_BEDFORDSHIRE);
        PupilView amelia = world.pupil(school, "Amelia", "Readywood", LocalDate.of(2026, 9, 2), 0, Characteristics.none());
        PupilView cara = world.pupil(school, "Cara", "Waitfield", LocalDate.of(2026, 9, 2), 1, Characteristics.none());
        PupilView dan = world.pupil(school, "Dan", "Waitfield", LocalDate.of(2026, 9, 2), 1, Characteristics.none());
        int n = TestWorld.next();
        String ameliaMum = mobile(school, amelia, "Sam Readywood", 300 + n % 300);
        String caraMum = mobile(school, cara, "Jo Waitfield", 600 + n % 300);
        take(school, MONDAY, Session.AM, 0, List.of(amelia), "N");
        // Cara's class: only she is marked (N) so far; the rest of the register has not been taken
        take(school, MONDAY, Session.AM, 1, List.of(cara), "N");

        at(MONDAY, "09:15");
        scheduler.tick(List.of(school.id()));
        dispatcher.dispatchDue(List.of(school.id()));
        assertThat(twilio.to(ameliaMum)).hasSize(1);
        assertThat(twilio.to(caraMum)).as("her class's register is not yet taken").isEmpty();
        String groupName = groups.registerGroups(SYSTEM, school.id()).stream().filter(g -> g.id() == school.registerGroupIds().get(1)).findFirst()
                .orElseThrow().name();
        assertThat(jobs(school, MONDAY, "FIRST_DAY_TEXT")).singleElement().satisfies(j -> {
            assertThat(j.status()).isEqualTo("DUE");
            assertThat(j.outcome()).contains("waiting for the register of " + groupName);
        });

        at(MONDAY, "09:30");
        scheduler.tick(List.of(school.id()));
        dispatcher.dispatchDue(List.of(school.id()));
        assertThat(twilio.to(caraMum)).as("still waiting").isEmpty();

        // the office completes the register: Dan is in (late)
        at(MONDAY, "09:40");
        registers.submit(SYSTEM, school.id(), MONDAY, Session.AM, new SubmitRegister(List.of(new SubmitRegister.Entry(dan.id(), "/", null, null, null)), null));
        at(MONDAY, "09:42");
        scheduler.tick(List.of(school.id()));
        dispatcher.dispatchDue(List.of(school.id()));
        assertThat(twilio.to(caraMum)).singleElement().satisfies(s -> assertThat(s.body()).contains("Cara"));
        assertThat(twilio.to(ameliaMum)).as("no family is texted twice").hasSize(1);
        assertThat(jobs(school, MONDAY, "FIRST_DAY_TEXT")).singleElement().satisfies(j -> {
            assertThat(j.status()).isEqualTo("DONE");
            assertThat(j.outcome()).doesNotContain("waiting");
        });
    }
}
