package uk.openattendance.school.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class SchoolCalendarTest {
    private static final LocalDate D = LocalDate.of(2026, 10, 1);
    private static final long NURSERY = 7L;

    private final Term autumn = new Term("2026/27", "Autumn", LocalDate.of(2026, 9, 2), LocalDate.of(2026, 12, 18),
            LocalDate.of(2026, 10, 26), LocalDate.of(2026, 10, 30));
    private final SchoolCalendar calendar = new SchoolCalendar(List.of(autumn), List.of(
            new Closure(LocalDate.of(2026, 11, 2), SessionScope.ALL_DAY, null, ClosureKind.INSET, "Staff training"),
            new Closure(LocalDate.of(2026, 11, 4), SessionScope.PM, NURSERY, ClosureKind.PLANNED_PARTIAL, "Nursery closes for parents' evening")));

    @Test
    void weekendsHalfTermAndInsetDaysAreNotSchoolDays() {
        assertThat(calendar.isSchoolDay(D)).isTrue();
        assertThat(calendar.isSchoolDay(LocalDate.of(2026, 10, 3))).as("Saturday").isFalse();
        assertThat(calendar.isSchoolDay(LocalDate.of(2026, 10, 28))).as("half term").isFalse();
        assertThat(calendar.isSchoolDay(LocalDate.of(2026, 11, 2))).as("INSET").isFalse();
        assertThat(calendar.isSchoolDay(LocalDate.of(2026, 12, 21))).as("after term").isFalse();
    }

    @Test
    void aPartialClosureClosesOnlyThatGroupsAfternoon() {
        LocalDate day = LocalDate.of(2026, 11, 4);
        assertThat(calendar.isSchoolDay(day)).isTrue();
        assertThat(calendar.isSessionOpen(day, Session.PM, NURSERY)).isFalse();
        assertThat(calendar.isSessionOpen(day, Session.AM, NURSERY)).isTrue();
        assertThat(calendar.isSessionOpen(day, Session.PM, 8L)).isTrue();
    }

    @Test
    void fiveSchoolDaysAfterAFridayBeforeHalfTermSkipTheBreakAndTheInsetDay() {
        assertThat(calendar.addSchoolDays(LocalDate.of(2026, 10, 23), 5)).contains(LocalDate.of(2026, 11, 9));
    }

    @Test
    void halfTermsAreTheTwoHalvesEitherSideOfTheBreak() {
        assertThat(calendar.halfTermContaining(LocalDate.of(2026, 11, 10))).get()
                .satisfies(h -> assertThat(h.from()).isEqualTo(LocalDate.of(2026, 10, 31)));
        assertThat(SchoolCalendar.academicYearOf(LocalDate.of(2027, 3, 1))).isEqualTo("2026/27");
    }

    @Test
    void aPupilsFirstTermEndsWithTheTermTheyJoinedInOrTheConventionalOneBeforeTermsAreEntered() {
        assertThat(calendar.endOfTermJoined(LocalDate.of(2026, 10, 5))).isEqualTo(autumn.endsOn());
        SchoolCalendar empty = new SchoolCalendar(List.of(), List.of());
        assertThat(empty.endOfTermJoined(LocalDate.of(2026, 11, 2))).isEqualTo(LocalDate.of(2026, 12, 31));
        assertThat(empty.endOfTermJoined(LocalDate.of(2027, 2, 1))).isEqualTo(LocalDate.of(2027, 3, 31));
        assertThat(empty.endOfTermJoined(LocalDate.of(2027, 5, 10))).isEqualTo(LocalDate.of(2027, 7, 31));
    }
}
