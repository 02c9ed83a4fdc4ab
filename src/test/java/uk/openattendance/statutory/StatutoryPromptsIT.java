package uk.openattendance.statutory;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import uk.openattendance.fixtures.Api;
import uk.openattendance.fixtures.TestWorld;
import uk.openattendance.platform.time.MutableClock;
import uk.openattendance.register.app.RegisterService;
import uk.openattendance.register.app.SubmitRegister;
import uk.openattendance.roll.app.Characteristics;
import uk.openattendance.roll.app.ContactCommand;
import uk.openattendance.roll.app.ContactService;
import uk.openattendance.roll.app.ContactView;
import uk.openattendance.roll.app.PupilView;
import uk.openattendance.roll.domain.Channel;
import uk.openattendance.school.domain.PolicyPresets;
import uk.openattendance.school.domain.Session;
import uk.openattendance.security.Actor;
import uk.openattendance.security.Role;

/** The statutory prompts beside letters: penalty-notice considerations with the per-parent, per-child cap, and local-authority returns due. */
@MicronautTest(transactional = false)
class StatutoryPromptsIT {
    static final ZoneId LONDON = ZoneId.of("Europe/London");
    static final LocalDate FIRST_MONDAY = LocalDate.of(2026, 11, 2);
    static final Actor SYSTEM = Actor.bootstrap("tests");

    @Inject EmbeddedServer server;
    @Inject TestWorld world;
    @Inject MutableClock clock;
    @Inject RegisterService registers;
    @Inject ContactService contacts;

    record School(TestWorld.School school, String office, String officer, String head, Api api) {
        String base() {
            return "/api/v1/schools/" + school.id();
        }
    }

    School school() {
        clock.set(LocalDateTime.of(FIRST_MONDAY, LocalTime.of(8, 0)), LONDON);
        TestWorld.School s = world.school(world.trust(), PolicyPresets.PRIMARY_GLOUCESTERSHIRE);
        Api api = new Api(server.getURL().toString());
        return new School(s, world.staffLogin(api, Role.OFFICE, s.id(), null), world.staffLogin(api, Role.ATTENDANCE_OFFICER, s.id(), null),
                world.staffLogin(api, Role.HEADTEACHER, s.id(), null), api);
    }

    ContactView contact(School s, PupilView p, String name, String relationship, boolean responsibility, boolean livesWith, int priority) {
        return contacts.addContact(SYSTEM, s.school().id(), p.id(), new ContactCommand(name, relationship, responsibility, livesWith, priority,
                String.format("07700 900%03d", TestWorld.next() % 1000), null, Channel.SMS, false, null));
    }

    /** Weeks of registers from FIRST_MONDAY, each taken in its session; codes: pupil -> the code every session of those weeks. */
    void weeks(School s, int weeks, List<PupilView> everyone, Map<PupilView, String> codes, Map<PupilView, Integer> forWeeks) {
        for (int week = 0; week < weeks; week++) {
            for (int day = 0; day < 5; day++) {
                LocalDate date = FIRST_MONDAY.plusWeeks(week).plusDays(day);
                for (Session session : Session.values()) {
                    clock.set(LocalDateTime.of(date, session == Session.AM ? LocalTime.of(8, 55) : LocalTime.of(13, 15)), LONDON);
                    List<SubmitRegister.Entry> marks = new ArrayList<>();
                    for (PupilView p : everyone) {
                        boolean off = codes.containsKey(p) && week < forWeeks.getOrDefault(p, weeks);
                        marks.add(new SubmitRegister.Entry(p.id(), off ? codes.get(p) : "/", null, null, null));
                    }
                    registers.submit(SYSTEM, s.school().id(), date, session, new SubmitRegister(marks, null));
                }
            }
        }
        clock.set(LocalDateTime.of(FIRST_MONDAY.plusWeeks(weeks - 1).plusDays(4), LocalTime.of(16, 0)), LONDON);
    }

    String notice(long pupilId, long contactId, LocalDate issuedOn) {
        return "{\"pupilId\":" + pupilId + ",\"contactId\":" + contactId + ",\"issuedOn\":\"" + issuedOn + "\",\"reference\":\"LA/PN/" + TestWorld.next()
                + "\"}";
    }

    @Test
    void eachParentsStandingIsShownAndAThirdNoticeToOneParentForOneChildWithinThreeYearsIsRefused() {
        School s = school();
        PupilView truant = world.pupil(s.school(), "Osian", "Wanderer", FIRST_MONDAY, 0, Characteristics.none());
        PupilView steady = world.pupil(s.school(), "Nia", "Present", FIRST_MONDAY, 0, Characteristics.none());
        ContactView mother = contact(s, truant, "Bethan Wanderer", "Mother", true, true, 1);
        ContactView father = contact(s, truant, "Gethin Wanderer", "Father", true, false, 2);
        ContactView grandmother = contact(s, truant, "Eirlys Wanderer", "Grandmother", false, false, 3);
        weeks(s, 1, List.of(truant, steady), Map.of(truant, "O"), Map.of());
        LocalDate friday = FIRST_MONDAY.plusDays(4);

        JsonNode list = s.api().get(s.base() + "/penalty-notice-considerations?asOf=" + friday, s.office()).json().get("items");
        assertThat(list.size()).as(list.toString()).isEqualTo(1);
        assertThat(list.at("/0/pupilName").asText()).isEqualTo("Osian Wanderer");
        assertThat(list.at("/0/unauthorisedSessions").asInt()).isEqualTo(10);
        assertThat(StreamSupport.stream(list.at("/0/parents").spliterator(), false).map(p -> p.get("name").asText() + " " + p.get("next").asText()
                + " " + p.get("amountPence").asInt() + " " + p.get("reducedAmountPence").asInt()).toList())
                .as("notices are per parent with parental responsibility").containsExactlyInAnyOrder("Bethan Wanderer FIRST 16000 8000",
                        "Gethin Wanderer FIRST 16000 8000");

        assertThat(s.api().post(s.base() + "/penalty-notices", s.office(), notice(truant.id(), mother.contactId(), friday)).status())
                .as("the office may not record notices").isEqualTo(403);
        var toGrandmother = s.api().post(s.base() + "/penalty-notices", s.officer(), notice(truant.id(), grandmother.contactId(), friday));
        assertThat(toGrandmother.status()).isEqualTo(400);
        assertThat(toGrandmother.json().at("/errors/0/field").asText()).isEqualTo("contactId");
        var future = s.api().post(s.base() + "/penalty-notices", s.officer(), notice(truant.id(), mother.contactId(), friday.plusDays(3)));
        assertThat(future.json().at("/errors/0/field").asText()).as(future.body()).isEqualTo("issuedOn");

        var first = s.api().post(s.base() + "/penalty-notices", s.officer(), notice(truant.id(), mother.contactId(), LocalDate.of(2024, 10, 7)));
        assertThat(first.status()).as(first.body()).isEqualTo(201);
        assertThat(first.json().get("noticeNumber").asInt()).isEqualTo(1);
        assertThat(first.json().get("reducedAmountPence").asInt()).isEqualTo(8000);
        var second = s.api().post(s.base() + "/penalty-notices", s.officer(), notice(truant.id(), mother.contactId(), friday));
        assertThat(second.status()).as(second.body()).isEqualTo(201);
        assertThat(second.json().get("noticeNumber").asInt()).isEqualTo(2);
        assertThat(second.json().get("amountPence").asInt()).isEqualTo(16000);
        assertThat(second.json().get("reducedAmountPence").isNull()).as("no reduction on a second notice").isTrue();
        assertThat(second.json().get("unauthorisedSessions").asInt()).isEqualTo(10);

        var third = s.api().post(s.base() + "/penalty-notices", s.officer(), notice(truant.id(), mother.contactId(), friday));
        assertThat(third.status()).isEqualTo(409);
        assertThat(third.json().get("code").asText()).isEqualTo("PENALTY_CAP_REACHED");
        assertThat(third.json().get("detail").asText()).contains("other action").contains("2027-10-08");
        assertThat(s.api().post(s.base() + "/penalty-notices", s.officer(), notice(truant.id(), father.contactId(), friday)).status())
                .as("the other parent has a ledger of their own").isEqualTo(201);

        var graph = s.api().graphql(s.office(), "{ penaltyNoticeConsiderations(schoolId: " + s.school().id() + ", asOf: \"" + friday + "\") { nodes { pupilName "
                + "parents { name next noticesInThreeYears availableFrom } noticesIssued { parentName noticeNumber } } } }").json();
        JsonNode parents = graph.at("/data/penaltyNoticeConsiderations/nodes/0/parents");
        assertThat(StreamSupport.stream(parents.spliterator(), false).map(p -> p.get("name").asText() + " " + p.get("next").asText()).toList())
                .containsExactlyInAnyOrder("Bethan Wanderer CAP_REACHED", "Gethin Wanderer SECOND");
        assertThat(graph.at("/data/penaltyNoticeConsiderations/nodes/0/noticesIssued").size()).isEqualTo(3);
        assertThat(s.api().get(s.base() + "/pupils/" + truant.id() + "/penalty-notices", s.office()).json().get("items").size()).isEqualTo(3);

        School other = school();
        assertThat(other.api().get(s.base() + "/penalty-notice-considerations", other.head()).status()).isEqualTo(404);
        assertThat(other.api().post(other.base() + "/penalty-notices", other.head(), notice(truant.id(), father.contactId(), friday)).status())
                .as("a pupil of another school is not found").isEqualTo(404);
    }

    @Test
    void returnsDueListNewPupilsTenDaysOfContinuousUnauthorisedAbsenceAndFifteenDaysOfIllnessUntilRecordedAsMade() {
        School s = school();
        PupilView truant = world.pupil(s.school(), "Deio", "Roamer", FIRST_MONDAY, 0, Characteristics.none());
        PupilView poorly = world.pupil(s.school(), "Megan", "Sickbay", FIRST_MONDAY, 0, Characteristics.none());
        PupilView almost = world.pupil(s.school(), "Cai", "Nearly", FIRST_MONDAY, 0, Characteristics.none());
        weeks(s, 3, List.of(truant, poorly, almost), Map.of(truant, "O", poorly, "I", almost, "N"), Map.of(truant, 2, almost, 1));
        LocalDate friday = FIRST_MONDAY.plusWeeks(2).plusDays(4);

        assertThat(s.api().get(s.base() + "/local-authority-returns-due", s.office()).status()).as("admissions staff only").isEqualTo(403);
        JsonNode due = s.api().get(s.base() + "/local-authority-returns-due?asOf=" + friday, s.officer()).json().get("items");
        List<String> rows = StreamSupport.stream(due.spliterator(), false).map(r -> r.get("pupilName").asText() + " " + r.get("kind").asText() + " "
                + r.get("dueOn").asText() + " " + r.get("status").asText()).toList();
        assertThat(rows).as(due.toString()).contains("Deio Roamer CONTINUOUS_UNAUTHORISED " + FIRST_MONDAY.plusDays(11) + " OVERDUE",
                "Megan Sickbay ILLNESS " + friday + " DUE");
        assertThat(rows).filteredOn(r -> r.contains("NEW_PUPIL")).hasSize(3).allMatch(r -> r.endsWith("OVERDUE"));
        assertThat(rows).as("five days of N is not ten").noneMatch(r -> r.startsWith("Cai Nearly CONTINUOUS"));
        assertThat(rows.get(rows.size() - 1)).as("what is due today comes after what is overdue").endsWith("DUE");

        String run = "{\"pupilId\":" + truant.id() + ",\"kind\":\"CONTINUOUS_UNAUTHORISED\",\"triggerKey\":\"RUN:" + FIRST_MONDAY + "\",\"madeOn\":\""
                + friday + "\",\"reference\":\"LA-CME-" + TestWorld.next() + "\"}";
        var made = s.api().post(s.base() + "/local-authority-returns-made", s.officer(), run);
        assertThat(made.status()).as(made.body()).isEqualTo(201);
        assertThat(made.json().get("status").asText()).isEqualTo("MADE");
        assertThat(s.api().post(s.base() + "/local-authority-returns-made", s.officer(), run).status()).isEqualTo(409);
        var bogus = s.api().post(s.base() + "/local-authority-returns-made", s.officer(), run.replace("RUN:" + FIRST_MONDAY, "RUN:2026-01-05"));
        assertThat(bogus.status()).isEqualTo(400);
        assertThat(bogus.json().at("/errors/0/field").asText()).isEqualTo("triggerKey");

        JsonNode after = s.api().graphql(s.head(), "{ localAuthorityReturnsDue(schoolId: " + s.school().id() + ", asOf: \"" + friday + "\") { nodes { pupilName "
                + "kind status madeOn recordedBy } } }").json().at("/data/localAuthorityReturnsDue/nodes");
        JsonNode last = after.get(after.size() - 1);
        assertThat(last.get("pupilName").asText() + " " + last.get("kind").asText() + " " + last.get("status").asText())
                .isEqualTo("Deio Roamer CONTINUOUS_UNAUTHORISED MADE");
        assertThat(last.get("recordedBy").asText()).contains("Attendance officer");
    }
}
