package uk.openattendance.absence.domain.reply;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import uk.openattendance.school.domain.Closure;
import uk.openattendance.school.domain.SchoolCalendar;
import uk.openattendance.school.domain.Term;

class LengthsTest {
    private static final LocalDate MONDAY = LocalDate.of(2026, 11, 23);
    private static final SchoolCalendar TERM = new SchoolCalendar(
            List.of(new Term("2026/27", "Autumn", LocalDate.of(2026, 9, 2), LocalDate.of(2026, 12, 18), null, null)), List.<Closure>of());

    private static LocalDate last(String text) {
        return Lengths.read(text, MONDAY, TERM).lastDay();
    }

    @Test
    void commonLengthsBecomeALastSchoolDay() {
        assertThat(last("off 48 hours")).isEqualTo("2026-11-24");
        assertThat(last("today and tomorrow")).isEqualTo("2026-11-24");
        assertThat(last("off all week")).isEqualTo("2026-11-27");
        assertThat(last("for the rest of the week")).isEqualTo("2026-11-27");
        assertThat(last("off till monday")).isEqualTo("2026-11-27");
        assertThat(last("back on wednesday")).isEqualTo("2026-11-24");
        assertThat(last("back thursday")).isEqualTo("2026-11-25");
        assertThat(last("off for two days")).isEqualTo("2026-11-24");
        assertThat(last("off until the 14th")).isEqualTo("2026-12-11");
        assertThat(last("back next wednesday the 2nd")).isEqualTo("2026-12-01");
        assertThat(last("the gp says two weeks off")).isEqualTo("2026-12-04");
    }

    @Test
    void aFewDaysIsNoLengthAnyoneCanCode() {
        Lengths.Span span = Lengths.read("off for a few days", MONDAY, TERM);
        assertThat(span.unclear()).isTrue();
        assertThat(span.lastDay()).isEqualTo(MONDAY);
    }

    @Test
    void theExpectedReturnIsTheNextSchoolDayAfterTheWeekend() {
        assertThat(Lengths.read("off all week", MONDAY, TERM).expectedReturn()).isEqualTo("2026-11-30");
    }

    @Test
    void aTimeOfDayIsNotADate() {
        assertThat(last("he will be in at 10")).isEqualTo(MONDAY);
    }

    @Test
    void weeksSaidAnyWayTheRestOfTermAndThisWeekAndNextAreCounted() {
        assertThat(last("glandular fever, the doctor reckons 3 weeks at least")).isEqualTo("2026-12-11");
        assertThat(last("signed off this week and next")).isEqualTo("2026-12-04");
        assertThat(last("she will not be back before christmas")).isEqualTo("2026-12-18");
        assertThat(last("back in school monday 14th")).isEqualTo("2026-12-11");
        assertThat(last("he was ill for the last two weeks")).isEqualTo(MONDAY);
    }
}
