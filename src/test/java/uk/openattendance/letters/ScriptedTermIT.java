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
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import uk.openattendance.fixtures.Api;
import uk.openattendance.fixtures.TestWorld;
import uk.openattendance.letters.domain.ScriptedTerm;
import uk.openattendance.platform.time.MutableClock;
import uk.openattendance.register.app.RegisterService;
import uk.openattendance.register.app.SubmitRegister;
import uk.openattendance.roll.app.Characteristics;
import uk.openattendance.roll.app.PupilView;
import uk.openattendance.school.domain.PolicyPresets;
import uk.openattendance.school.domain.Session;
import uk.openattendance.security.Actor;
import uk.openattendance.security.Role;

/**
 * The scripted half term of {@link ScriptedTerm} through the real letter runs over a real database, for the preset with
 * the most letter rules (Portsmouth: ladder, Medical 1 and 2, the 5th day, punctuality, penalty warning): each week's
 * registers, then Friday's run, and the letters each pupil has at the end, week by week, must be exactly what the pure
 * rules said they would be.
 */
@MicronautTest(transactional = false)
class ScriptedTermIT {
    static final ZoneId LONDON = ZoneId.of("Europe/London");
    static final Actor SYSTEM = Actor.bootstrap("tests");
    static final java.time.format.DateTimeFormatter LONG_DATE = java.time.format.DateTimeFormatter.ofPattern("d MMMM yyyy", java.util.Locale.UK);

    @Inject EmbeddedServer server;
    @Inject TestWorld world;
    @Inject MutableClock clock;
    @Inject RegisterService registers;

    @Test
    void portsmouthsLetterRunsDraftExactlyTheLettersItsRulesAskForWeekByWeek() {
        String preset = PolicyPresets.PRIMARY_PORTSMOUTH;
        LocalDate first = ScriptedTerm.FIRST_MONDAY;
        clock.set(LocalDateTime.of(first, LocalTime.of(7, 0)), LONDON);
        TestWorld.School school = world.school(world.trust(), preset);
        Api api = new Api(server.getURL().toString());
        String office = world.staffLogin(api, Role.OFFICE, school.id(), null);
        String base = "/api/v1/schools/" + school.id();
        Map<String, PupilView> pupils = new LinkedHashMap<>();
        int n = 0;
        for (ScriptedTerm.Pattern p : ScriptedTerm.patterns()) {
            pupils.put(p.name(), world.pupil(school, "Pupil" + (char) ('A' + n++), "Scripted", first, 0, Characteristics.none()));
        }

        for (int week = 0; week < ScriptedTerm.WEEKS; week++) {
            // the week's registers are entered on the Saturday as past registers, so the marks are exactly the script's
            clock.set(LocalDateTime.of(first.plusWeeks(week).plusDays(5), LocalTime.of(9, 0)), LONDON);
            for (int day = 0; day < 5; day++) {
                for (Session session : Session.values()) {
                    List<SubmitRegister.Entry> marks = new ArrayList<>();
                    for (ScriptedTerm.Pattern p : ScriptedTerm.patterns()) {
                        marks.add(new SubmitRegister.Entry(pupils.get(p.name()).id(), p.code(week, day, session), null, null, null));
                    }
                    registers.submit(SYSTEM, school.id(), first.plusWeeks(week).plusDays(day), session, new SubmitRegister(marks, null));
                }
            }
            var run = api.post(base + "/letter-runs", office, "{\"asOf\":\"" + first.plusWeeks(week).plusDays(4) + "\"}");
            assertThat(run.status()).as(run.body()).isEqualTo(200);
        }

        List<String> actual = new ArrayList<>();
        for (ScriptedTerm.Pattern p : ScriptedTerm.patterns()) {
            JsonNode history = api.get(base + "/pupils/" + pupils.get(p.name()).id() + "/letters", office).json().get("items");
            List<List<String>> byWeek = new ArrayList<>();
            for (int w = 0; w < ScriptedTerm.WEEKS; w++) {
                byWeek.add(new ArrayList<>());
            }
            List<JsonNode> oldestFirst = new ArrayList<>(StreamSupport.stream(history.spliterator(), false).toList());
            java.util.Collections.reverse(oldestFirst);
            for (JsonNode l : oldestFirst) {
                int week = (int) java.time.temporal.ChronoUnit.WEEKS.between(first, LocalDate.parse(l.get("asOf").asText()));
                byWeek.get(week).add(ScriptedTerm.label(l.get("kind").asText(), l.get("triggerKey").asText(), !l.get("status").asText().equals("SUPPRESSED")));
                JsonNode to = l.at("/facts/figures/to");
                if (!to.isMissingNode()) {
                    assertThat(LocalDate.parse(to.asText(), LONG_DATE)).as("no date after the run in a letter").isBeforeOrEqualTo(LocalDate.parse(
                            l.get("asOf").asText()));
                }
            }
            actual.add(new ScriptedTerm.Letters(p.name(), byWeek).line());
        }
        actual.forEach(l -> System.out.println("[figure] " + preset + " (real runs, real database) " + l));
        assertThat(actual).containsExactlyElementsOf(ScriptedTerm.run(PolicyPresets.byKey(preset).orElseThrow().settings().letters()).stream()
                .map(ScriptedTerm.Letters::line).toList());
    }
}
