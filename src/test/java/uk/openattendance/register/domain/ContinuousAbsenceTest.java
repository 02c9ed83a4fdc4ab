package uk.openattendance.register.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ContinuousAbsenceTest {
    static final LocalDate MONDAY = LocalDate.of(2026, 11, 2);

    static List<LocalDate> weekdays(LocalDate from, int weeks) {
        List<LocalDate> days = new ArrayList<>();
        for (LocalDate d = from; d.isBefore(from.plusWeeks(weeks)); d = d.plusDays(1)) {
            if (d.getDayOfWeek() != DayOfWeek.SATURDAY && d.getDayOfWeek() != DayOfWeek.SUNDAY) {
                days.add(d);
            }
        }
        return days;
    }

    @Test
    void tenWholeDaysAcrossAWeekendAreOneRunThatReachesTenOnTheSecondFriday() {
        Map<LocalDate, Integer> absent = new HashMap<>();
        weekdays(MONDAY, 2).forEach(d -> absent.put(d, 2));
        var runs = ContinuousAbsence.runs(weekdays(MONDAY, 3), absent, 10);
        assertThat(runs).hasSize(1);
        assertThat(runs.get(0).schoolDays()).isEqualTo(10);
        assertThat(runs.get(0).dayReaching(10)).isEqualTo(MONDAY.plusDays(11));
    }

    @Test
    void aMorningInSchoolBreaksTheRun() {
        Map<LocalDate, Integer> absent = new HashMap<>();
        weekdays(MONDAY, 2).forEach(d -> absent.put(d, 2));
        absent.put(MONDAY.plusDays(7), 1);
        assertThat(ContinuousAbsence.runs(weekdays(MONDAY, 3), absent, 4)).extracting(ContinuousAbsence.Run::schoolDays).containsExactly(5, 4);
        assertThat(ContinuousAbsence.runs(weekdays(MONDAY, 3), absent, 10)).isEmpty();
    }

    @Test
    void aHalfTermHolidayDoesNotBreakARun() {
        Map<LocalDate, Integer> absent = new HashMap<>();
        List<LocalDate> open = new ArrayList<>(weekdays(MONDAY, 1));
        open.addAll(weekdays(MONDAY.plusWeeks(2), 1));
        open.forEach(d -> absent.put(d, 2));
        assertThat(ContinuousAbsence.runs(open, absent, 10)).hasSize(1);
    }
}
