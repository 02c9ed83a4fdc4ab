package uk.openattendance.statutory.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class PenaltyNoticeWindowTest {
    @Test
    void tenUnauthorisedSessionsWithinTenSchoolWeeksReachThePenaltyThresholdAcrossAHoliday() {
        LocalDate w = LocalDate.of(2026, 10, 12);
        var weeks = List.of(new PenaltyNoticeWindow.Week(w, 10, 4), new PenaltyNoticeWindow.Week(w.plusWeeks(1), 10, 2),
                new PenaltyNoticeWindow.Week(w.plusWeeks(2), 0, 0), // half term: not a school week
                new PenaltyNoticeWindow.Week(w.plusWeeks(3), 10, 4));
        var result = PenaltyNoticeWindow.over(weeks, w.plusWeeks(3));
        assertThat(result.unauthorisedSessions()).isEqualTo(10);
        assertThat(result.reachesThreshold()).isTrue();
        assertThat(result.schoolWeeks()).isEqualTo(3);
    }

    @Test
    void sessionsOlderThanTenSchoolWeeksFallOutOfTheWindow() {
        LocalDate w = LocalDate.of(2026, 9, 7);
        var weeks = new java.util.ArrayList<PenaltyNoticeWindow.Week>();
        weeks.add(new PenaltyNoticeWindow.Week(w, 10, 6));
        for (int i = 1; i <= 10; i++) {
            weeks.add(new PenaltyNoticeWindow.Week(w.plusWeeks(i), 10, i == 10 ? 4 : 0));
        }
        assertThat(PenaltyNoticeWindow.over(weeks, w.plusWeeks(10)).unauthorisedSessions()).isEqualTo(4);
    }
}
