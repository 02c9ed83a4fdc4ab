package uk.openattendance.letters.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;
import uk.openattendance.school.domain.LetterLevel;

class AttendanceLadderTest {
    static final LetterLevel BELOW_95 = new LetterLevel("BELOW_95", "Below 95%", new BigDecimal("95"), false, false);
    static final LetterLevel BELOW_90 = new LetterLevel("BELOW_90", "Below 90%", new BigDecimal("90"), false, true);
    static final LetterLevel YELLOW = new LetterLevel("YELLOW", "Yellow", new BigDecimal("96"), false, false);
    static final LetterLevel AMBER = new LetterLevel("AMBER", "Amber", new BigDecimal("94"), false, false);
    static final LetterLevel RED = new LetterLevel("RED", "Red", new BigDecimal("90"), true, true);

    static AttendanceLadder.Step step(AttendanceLadder ladder, LadderState state, String percent) {
        return ladder.step(state, new BigDecimal(percent));
    }

    @Test
    void aLetterIsDueOnCrossingAndNotAgainWhileAttendanceStaysAtThatLevel() {
        AttendanceLadder ladder = new AttendanceLadder(List.of(BELOW_95, BELOW_90), null);
        var first = step(ladder, LadderState.start(), "94.2");
        assertThat(first.due()).get().extracting(d -> d.level().key()).isEqualTo("BELOW_95");
        var stay = step(ladder, first.next(), "93.0");
        assertThat(stay.due()).isEmpty();
        var deeper = step(ladder, stay.next(), "89.9");
        assertThat(deeper.due()).get().extracting(d -> d.level().key()).isEqualTo("BELOW_90");
        assertThat(step(ladder, deeper.next(), "91.0").due()).as("improving within the ladder is not a crossing").isEmpty();
    }

    @Test
    void exactly95IsNotBelow95ButExactly90IsRedOnATrafficLight() {
        assertThat(step(new AttendanceLadder(List.of(BELOW_95, BELOW_90), null), LadderState.start(), "95.0").due()).isEmpty();
        var red = step(new AttendanceLadder(List.of(YELLOW, AMBER, RED), null), LadderState.start(), "90.0");
        assertThat(red.due()).get().extracting(d -> d.level().key()).isEqualTo("RED");
    }

    @Test
    void theSameLevelTwiceInSuccessionIsThenTreatedAsTheNextLevel() {
        AttendanceLadder ladder = new AttendanceLadder(List.of(BELOW_95, BELOW_90), 2);
        LadderState s = LadderState.start();
        for (int time = 1; time <= 2; time++) {
            var fall = step(ladder, s, "94.0");
            assertThat(fall.due()).get().extracting(d -> d.level().key()).isEqualTo("BELOW_95");
            s = step(ladder, fall.next(), "96.0").next();
        }
        var third = step(ladder, s, "94.0");
        assertThat(third.due()).get().satisfies(d -> {
            assertThat(d.level().key()).isEqualTo("BELOW_90");
            assertThat(d.reached().key()).isEqualTo("BELOW_95");
            assertThat(d.escalated()).isTrue();
            assertThat(d.crossing()).isEqualTo(3);
        });
    }

    @Test
    void withoutAnEscalationRuleTheSameLevelIsSentAgainAfterARecovery() {
        AttendanceLadder ladder = new AttendanceLadder(List.of(BELOW_95, BELOW_90), null);
        LadderState s = step(ladder, LadderState.start(), "94.0").next();
        s = step(ladder, s, "95.5").next();
        s = step(ladder, s, "95.1").next();
        var again = step(ladder, s, "94.9");
        assertThat(again.due()).get().extracting(d -> d.level().key(), d -> d.escalated()).containsExactly("BELOW_95", false);
    }
}
