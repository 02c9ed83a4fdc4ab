package uk.openattendance.followup.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static uk.openattendance.followup.domain.Morning.MONDAY;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import uk.openattendance.notify.domain.MessagePurpose;
import uk.openattendance.school.domain.Session;

/** Who is still unexplained at each step, the correction a family gets when their child turns up, and the office's register email. */
class UnexplainedTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
            // case                                             | morning mark | report covers it | still unexplained
            "marked N with no report                            | N            | false            | true",
            "marked N and the parent reported it                | N            | true             | false",
            "arrived late: L replaces the N                     | L            | false            | false",
            "coded I from a report                              | I            | false            | false",
            "no mark at all (left the roll, or no register)      |              | false            | false",
    })
    void aChildIsUnexplainedWhileTheMorningMarkIsNAndNoReportCoversIt(String name, String mark, boolean reported, boolean still) {
        Map<Long, String> marks = new HashMap<>();
        if (mark != null) {
            marks.put(1L, mark);
        }

        assertThat(Unexplained.still(List.of(1L), marks, reported ? java.util.Set.of(1L) : java.util.Set.of())).isEqualTo(still ? List.of(1L) : List.of());
    }

    @Test
    void vulnerableChildrenComeFirstThenBySurnameAndForename() {
        assertThat(Morning.ALL.stream().sorted(Child.VULNERABLE_FIRST).map(Child::familyName))
                .containsExactly("Cara", "Ella", "Amelia", "Ben", "Dev", "Finn");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
            // case                                    | was | now | session | correction
            "N to present in the morning              | N   | /   | AM      | true",
            "N to late before close                   | N   | L   | AM      | true",
            "N to late after close                    | N   | U   | AM      | true",
            "N to illness: still absent               | N   | I   | AM      | false",
            "an afternoon N: no first-day text to correct | N | /  | PM      | false",
            "O to present: not a first-day absence     | O   | /   | AM      | false",
    })
    void aFamilyToldTheirChildWasAbsentHearsWhenTheChildTurnsOutToBeInSchool(String name, String was, String now, String session, boolean due) {
        assertThat(Correction.due(was, now, session)).isEqualTo(due);
    }

    @Test
    void untakenRegistersAreEmailedToTheOfficeOncePerSessionAndNamedInTheOutcome() {
        UntakenRegisters.Decision d = UntakenRegisters.decide(MONDAY, Session.AM, List.of("4B AM (not taken)", "5C AM (3 of 28 unmarked)"), "office@example.org");

        assertThat(d.email()).hasValueSatisfying(m -> {
            assertThat(m.purpose()).isEqualTo(MessagePurpose.REGISTER_NOT_TAKEN);
            assertThat(m.key()).isEqualTo("2026-11-23:AM");
            assertThat(m.fields()).containsEntry("groups", "4B AM (not taken), 5C AM (3 of 28 unmarked)").containsEntry("session", "morning");
        });
        assertThat(d.outcome(Session.AM, 1)).isEqualTo("2 register(s) not taken: 4B AM (not taken), 5C AM (3 of 28 unmarked); office (office@example.org) emailed");
        assertThat(d.outcome(Session.AM, 0)).endsWith("emailed already");
        assertThat(UntakenRegisters.decide(MONDAY, Session.PM, List.of(), "office@example.org").outcome(Session.PM, 0))
                .isEqualTo("Every PM register was taken by its close.");
        assertThat(UntakenRegisters.decide(MONDAY, Session.AM, List.of("4B AM (not taken)"), " ").email()).isEmpty();
    }
}
