package uk.openattendance.register.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class CurrentMarksTest {
    private static HistoryChain.Entry entry(long seq, String date, String session, String code, int minutes) {
        return new HistoryChain.Entry(7, seq, date, session, null, code, 0, minutes, null, "Teacher", 1_795_000_000L + seq, HistoryChain.GENESIS, "k", "h");
    }

    private static final List<HistoryChain.Entry> HISTORY = List.of(entry(1, "2026-11-23", "AM", "N", 0), entry(2, "2026-11-23", "PM", "/", 0),
            entry(3, "2026-11-23", "AM", "I", 0), entry(4, "2026-11-24", "AM", "L", 5));

    @Test
    void marksThatAreTheirLatestHistoryEntryAgree() {
        var marks = List.of(new CurrentMarks.Mark(7, "2026-11-23", "AM", "I", 0), new CurrentMarks.Mark(7, "2026-11-23", "PM", "/", 0),
                new CurrentMarks.Mark(7, "2026-11-24", "AM", "L", 5));
        assertThat(CurrentMarks.compare(marks, HISTORY)).isEmpty();
    }

    @Test
    void aMarkChangedInPlaceAMarkWithoutHistoryAndAMissingMarkAreEachReported() {
        var marks = List.of(new CurrentMarks.Mark(7, "2026-11-23", "AM", "N", 0), new CurrentMarks.Mark(7, "2026-11-24", "AM", "L", 25),
                new CurrentMarks.Mark(7, "2026-11-25", "AM", "/", 0));
        var found = CurrentMarks.compare(marks, HISTORY);
        assertThat(found).extracting(m -> m.date() + m.session()).containsExactly("2026-11-23AM", "2026-11-23PM", "2026-11-24AM", "2026-11-25AM");
        assertThat(found.get(0).problem()).contains("code is N but the history says I (entry 3)");
        assertThat(found.get(1).problem()).contains("no current mark");
        assertThat(found.get(2).problem()).contains("minutes late is 25");
        assertThat(found.get(3).problem()).contains("no history entry");
    }
}
