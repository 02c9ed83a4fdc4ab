package uk.openattendance.followup.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import uk.openattendance.register.domain.RegisterGaps;
import uk.openattendance.school.domain.SchoolCalendar;
import uk.openattendance.school.domain.Session;
import uk.openattendance.school.domain.Term;

/** Policy 002: "absent without the school's permission for a continuous period of 10 school days or more". */
class MissingEducationTest {
    static final SchoolCalendar AUTUMN = new SchoolCalendar(List.of(new Term("2026/27", "Autumn", LocalDate.of(2026, 9, 2), LocalDate.of(2026, 12, 18),
            LocalDate.of(2026, 10, 26), LocalDate.of(2026, 10, 30))), List.of());

    @Test
    void theLastTenSchoolDaysSkipWeekendsAndTheHalfTermBreak() {
        // Wed 4 Nov back to Mon 19 Oct: 4, 3, 2 Nov; the break 26-30 Oct; 23, 22, 21, 20, 19 Oct; and Fri 16, Thu 15 Oct
        List<LocalDate> days = MissingEducation.recentSchoolDays(AUTUMN, LocalDate.of(2026, 11, 4), 10).orElseThrow();

        assertThat(days).hasSize(10).startsWith(LocalDate.of(2026, 11, 4)).endsWith(LocalDate.of(2026, 10, 15))
                .doesNotContain(LocalDate.of(2026, 10, 28));
    }

    @Test
    void earlyInTheFirstTermThereAreNotYetTenSchoolDaysToCheck() {
        assertThat(MissingEducation.recentSchoolDays(AUTUMN, LocalDate.of(2026, 9, 8), 10)).isEmpty();
        assertThat(MissingEducation.nothingYet(10)).isEqualTo("Fewer than 10 school days so far: nothing to check.");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
            // case                                                    | days | sessions unexplained (of the last days, newest first) | flagged
            "every session of the last 3 school days unexplained       | 3    | AM PM AM PM AM PM                                      | true",
            "one afternoon explained breaks the run                    | 3    | AM PM AM -- AM PM                                      | false",
            "the first of the days explained: not yet the school's number | 3 | AM PM AM PM -- --                                      | false",
    })
    void aPupilIsFlaggedOnlyWhenEverySessionOfTheSchoolsNumberOfDaysIsUnexplained(String name, int days, String sessions, boolean flagged) {
        List<LocalDate> recent = MissingEducation.recentSchoolDays(AUTUMN, LocalDate.of(2026, 11, 25), days).orElseThrow();
        String[] marks = sessions.trim().split("\\s+");
        Set<RegisterGaps.Slot> unexplained = new HashSet<>();
        for (int i = 0; i < marks.length; i++) {
            if (!marks[i].equals("--")) {
                unexplained.add(new RegisterGaps.Slot(recent.get(i / 2), Session.valueOf(marks[i])));
            }
        }
        Map<Long, Set<RegisterGaps.Slot>> byPupil = new HashMap<>(Map.of(7L, unexplained));

        assertThat(MissingEducation.continuouslyAbsent(byPupil, recent).contains(7L)).isEqualTo(flagged);
    }
}
