package uk.openattendance.register.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import uk.openattendance.school.domain.Session;

/**
 * Praise eligibility as a table. Days are Mon 23 to Fri 27 Nov 2026 written as 23..27; sessions owed and marked as
 * "23AM 23PM ..."; closed sessions are closures of the pupil's group; "due" is the last owed moment (sessions after it
 * are still open).
 */
class RegisterGapsTest {
    static final List<LocalDate> WEEK = List.of(23, 24, 25, 26, 27).stream().map(d -> LocalDate.of(2026, 11, d)).toList();

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            // case                                          | on roll from | closed | due    | marked                                        | eligible | missing
            "every session marked: eligible                  | 23           |        | 27PM   | 23AM 23PM 24AM 24PM 25AM 25PM 26AM 26PM 27AM 27PM | true  | ",
            "registers never taken: not eligible             | 23           |        | 27PM   |                                               | false    | 23AM 23PM 24AM 24PM 25AM 25PM 26AM 26PM 27AM 27PM",
            "one afternoon not taken: not eligible           | 23           |        | 27PM   | 23AM 23PM 24AM 25AM 25PM 26AM 26PM 27AM 27PM  | false    | 24PM",
            "admitted on Wednesday: earlier days not owed    | 25           |        | 27PM   | 25AM 25PM 26AM 26PM 27AM 27PM                 | true     | ",
            "group closed Thursday: a closure is not owed    | 23           | 26AM 26PM | 27PM | 23AM 23PM 24AM 24PM 25AM 25PM 27AM 27PM       | true     | ",
            "Friday afternoon still open: not owed yet       | 23           |        | 27AM   | 23AM 23PM 24AM 24PM 25AM 25PM 26AM 26PM 27AM  | true     | ",
            "nothing owed at all: nothing to praise          | 28           |        | 27PM   |                                               | false    | ",
            "marks outside the owed sessions do not fill gaps | 23          |        | 27PM   | 23AM 23PM 24AM 24PM 25AM 25PM 26AM 26PM 27AM 28AM | false | 27PM",
    })
    void aPupilIsEligibleForPraiseOnlyWithAMarkForEveryOwedSession(String name, int onRollFrom, String closed, String due, String marked, boolean eligible,
            String missing) {
        LocalDate from = LocalDate.of(2026, 11, onRollFrom);
        List<RegisterGaps.Slot> closures = slots(closed);
        RegisterGaps.Slot last = slots(due).get(0);
        List<RegisterGaps.Slot> owed = RegisterGaps.owed(WEEK, d -> !d.isBefore(from), (d, s) -> closures.contains(new RegisterGaps.Slot(d, s)),
                s -> RegisterGaps.Slot.ORDER.compare(s, last) <= 0);
        assertThat(RegisterGaps.complete(owed, slots(marked))).isEqualTo(eligible);
        assertThat(RegisterGaps.missing(owed, slots(marked))).containsExactlyElementsOf(slots(missing));
    }

    static List<RegisterGaps.Slot> slots(String text) {
        List<RegisterGaps.Slot> out = new ArrayList<>();
        if (text == null || text.isBlank()) {
            return out;
        }
        for (String s : Arrays.stream(text.trim().split("\\s+")).toList()) {
            out.add(new RegisterGaps.Slot(LocalDate.of(2026, 11, Integer.parseInt(s.substring(0, 2))), Session.valueOf(s.substring(2))));
        }
        return out;
    }
}
