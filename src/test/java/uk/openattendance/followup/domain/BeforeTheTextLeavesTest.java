package uk.openattendance.followup.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The re-read just before a queued first-day text leaves. */
class BeforeTheTextLeavesTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
            // case                                           | children in the text | still unexplained now | verdict | names in the text
            "nobody has turned up: sent as queued             | Amelia Ben           | Amelia Ben            | Send    | ",
            "Ben has arrived: the text names Amelia only      | Amelia Ben           | Amelia                | Rewrite | Amelia",
            "both reported by their mother: not sent          | Amelia Ben           |                       | Cancel  | ",
            "a child of another text does not keep this one   | Cara                 | Amelia                | Cancel  | ",
            "three children, one arrived: the other two named | Amelia Ben Cara      | Cara Ben              | Rewrite | Ben and Cara",
    })
    void aChildWhoHasSinceArrivedOrBeenReportedIsTakenOutOfTheText(String name, String inText, String still, String verdict, String names) {
        List<Long> ids = Morning.children(inText).stream().map(Child::id).toList();
        Map<Long, Child> now = Morning.children(still).stream().collect(Collectors.toMap(Child::id, Function.identity()));

        BeforeTheTextLeaves.Verdict v = BeforeTheTextLeaves.verdict(ids, now);

        assertThat(v.getClass().getSimpleName()).isEqualTo(verdict);
        if (v instanceof BeforeTheTextLeaves.Rewrite r) {
            assertThat(Wording.children(r.children())).isEqualTo(names);
        }
    }
}
