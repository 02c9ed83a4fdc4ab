package uk.openattendance.letters;

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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.StreamSupport;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
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

/**
 * The same short scripted term (four weeks, five pupils with the patterns schools meet) run through each preset: the
 * letters each Friday's run drafts, and the advice on one leave request. Prints each preset's timeline as [figure]
 * lines; asserts where the presets' policies differ.
 */
@MicronautTest(transactional = false)
class PresetTermIT {
    static final ZoneId LONDON = ZoneId.of("Europe/London");
    static final LocalDate FIRST_MONDAY = LocalDate.of(2026, 11, 2);
    static final Actor SYSTEM = Actor.bootstrap("tests");
    static final int WEEKS = 4;

    @Inject EmbeddedServer server;
    @Inject TestWorld world;
    @Inject MutableClock clock;
    @Inject RegisterService registers;
    @Inject ContactService contacts;

    /** A pupil's code for a session ("w,d,AM"): anything not listed is present. */
    record Pattern(String name, Map<String, String> codes) {
        String code(int week, int day, Session session) {
            return codes.getOrDefault(week + "," + day + "," + session, "/");
        }
    }

    static List<Pattern> patterns() {
        Map<String, String> poorly = new LinkedHashMap<>();
        Map<String, String> truant = new LinkedHashMap<>();
        for (int day = 0; day < 5; day++) {
            for (Session s : Session.values()) {
                poorly.put("1," + day + "," + s, "I");
                truant.put("2," + day + "," + s, "O");
            }
        }
        return List.of(new Pattern("Steady", Map.of()),
                new Pattern("Dipping", Map.of("0,0,AM", "I")),
                new Pattern("Poorly", poorly),
                new Pattern("Latecomer", Map.of("0,1,PM", "U", "1,1,PM", "U", "2,1,PM", "U", "3,1,PM", "U")),
                new Pattern("Truant", truant));
    }

    @ParameterizedTest
    @ValueSource(strings = {PolicyPresets.SECONDARY_ACADEMY_DORSET, PolicyPresets.CHURCH_TRUST_TRAFFIC_LIGHT, PolicyPresets.PRIMARY_GLOUCESTERSHIRE,
        PolicyPresets.PRIMARY_PORTSMOUTH, PolicyPresets.LOWER_SCHOOL_BEDFORDSHIRE})
    void eachPresetWritesTheLettersAndGivesTheLeaveAdviceItsPolicyAsksFor(String preset) {
        clock.set(LocalDateTime.of(FIRST_MONDAY, LocalTime.of(7, 0)), LONDON);
        TestWorld.School school = world.school(world.trust(), preset);
        Api api = new Api(server.getURL().toString());
        String office = world.staffLogin(api, Role.OFFICE, school.id(), null);
        String base = "/api/v1/schools/" + school.id();
        Map<String, PupilView> pupils = new LinkedHashMap<>();
        Map<String, ContactView> mothers = new LinkedHashMap<>();
        for (Pattern p : patterns()) {
            PupilView pupil = world.pupil(school, p.name(), "Term", FIRST_MONDAY, 0, Characteristics.none());
            pupils.put(p.name(), pupil);
            mothers.put(p.name(), contacts.addContact(SYSTEM, school.id(), pupil.id(), new ContactCommand("Mother of " + p.name(), "Mother", true, true, 1,
                    String.format("07700 900%03d", TestWorld.next() % 1000), null, Channel.SMS, false, null)));
        }

        Map<String, List<String>> letters = new TreeMap<>();
        for (int week = 0; week < WEEKS; week++) {
            // each week's registers are entered on the Saturday, as past registers: the marks are exactly the script's
            clock.set(LocalDateTime.of(FIRST_MONDAY.plusWeeks(week).plusDays(5), LocalTime.of(9, 0)), LONDON);
            for (int day = 0; day < 5; day++) {
                for (Session session : Session.values()) {
                    List<SubmitRegister.Entry> marks = new ArrayList<>();
                    for (Pattern p : patterns()) {
                        marks.add(new SubmitRegister.Entry(pupils.get(p.name()).id(), p.code(week, day, session), null, null, null));
                    }
                    registers.submit(SYSTEM, school.id(), FIRST_MONDAY.plusWeeks(week).plusDays(day), session, new SubmitRegister(marks, null));
                }
            }
            var run = api.post(base + "/letter-runs", office, "{\"asOf\":\"" + FIRST_MONDAY.plusWeeks(week).plusDays(4) + "\"}");
            assertThat(run.status()).as(run.body()).isEqualTo(200);
        }
        for (PupilView p : pupils.values()) {
            JsonNode history = api.get(base + "/pupils/" + p.id() + "/letters", office).json().get("items");
            List<String> kinds = new ArrayList<>();
            StreamSupport.stream(history.spliterator(), false).filter(l -> !l.get("status").asText().equals("SUPPRESSED"))
                    .forEach(l -> kinds.add(0, "week of " + l.get("asOf").asText() + " " + l.get("kind").asText()));
            letters.put(p.legalForename(), kinds);
        }

        // one request for the truant: six school days from a week's notice, during their first term, after unauthorised absence
        LocalDate first = FIRST_MONDAY.plusWeeks(WEEKS).plusDays(4);
        var leave = api.post(base + "/leave-requests", office, "{\"pupilId\":" + pupils.get("Truant").id() + ",\"ground\":\"EXCEPTIONAL_CIRCUMSTANCES\","
                + "\"firstDate\":\"" + first + "\",\"lastDate\":\"" + first.plusDays(7) + "\",\"reason\":\"A family wedding abroad\","
                + "\"requesterContactId\":" + mothers.get("Truant").contactId() + "}");
        assertThat(leave.status()).as(leave.body()).isEqualTo(201);
        List<String> rules = StreamSupport.stream(leave.json().at("/advice/points").spliterator(), false).map(x -> x.get("rule").asText()).toList();

        letters.forEach((pupil, kinds) -> System.out.println("[figure] " + preset + " letters: " + pupil + " -> " + (kinds.isEmpty() ? "none" : kinds)));
        System.out.println("[figure] " + preset + " leave advice (6 days, 7 days' notice, first term, 10 unauthorised sessions): " + rules + " "
                + leave.json().at("/advice/leaning").asText());

        assertThat(letters.get("Steady")).isEmpty();
        assertThat(letters.get("Truant")).anyMatch(k -> k.endsWith("PENALTY_WARNING"));
        boolean portsmouth = preset.equals(PolicyPresets.PRIMARY_PORTSMOUTH);
        assertThat(letters.get("Poorly").stream().filter(k -> k.endsWith("MEDICAL_EVIDENCE")).count()).as("one medical-evidence letter, in Portsmouth "
                + "only, though the term's 8 sessions and the 5th day in a row came in the same week").isEqualTo(portsmouth ? 1 : 0);
        assertThat(letters.get("Latecomer").stream().anyMatch(k -> k.endsWith("PUNCTUALITY"))).as("punctuality letters are Portsmouth's").isEqualTo(portsmouth);
        String firstDip = letters.get("Dipping").isEmpty() ? "none" : letters.get("Dipping").get(0);
        switch (preset) {
            case PolicyPresets.CHURCH_TRUST_TRAFFIC_LIGHT -> assertThat(firstDip).endsWith("ATTENDANCE_RED");
            case PolicyPresets.LOWER_SCHOOL_BEDFORDSHIRE -> assertThat(firstDip).endsWith("ATTENDANCE_AT_93");
            default -> assertThat(firstDip).endsWith("ATTENDANCE_BELOW_95");
        }
        switch (preset) {
            case PolicyPresets.PRIMARY_GLOUCESTERSHIRE -> assertThat(rules).containsExactlyInAnyOrder("NOTICE", "FIRST_TERM", "UNAUTHORISED_THIS_YEAR");
            case PolicyPresets.LOWER_SCHOOL_BEDFORDSHIRE -> assertThat(rules).containsExactlyInAnyOrder("NOTICE", "UNAUTHORISED_THIS_YEAR", "MEETING");
            default -> assertThat(rules).containsExactly("NONE");
        }
    }
}
