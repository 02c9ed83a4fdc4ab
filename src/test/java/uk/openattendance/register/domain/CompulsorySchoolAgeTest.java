package uk.openattendance.register.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** Education Act 1996 s.8 and the 1998 Order's prescribed days (31 December, 31 March, 31 August). */
class CompulsorySchoolAgeTest {
    private static LocalDate d(String s) {
        return LocalDate.parse(s);
    }

    @Test
    void aChildBecomesOfCompulsorySchoolAgeOnThePrescribedDayAfterTheirFifthBirthday() {
        assertThat(CompulsorySchoolAge.of(d("2020-10-15")).from()).isEqualTo(d("2025-12-31"));
        assertThat(CompulsorySchoolAge.of(d("2021-01-10")).from()).isEqualTo(d("2026-03-31"));
        assertThat(CompulsorySchoolAge.of(d("2021-05-01")).from()).isEqualTo(d("2026-08-31"));
    }

    @Test
    void aFifthBirthdayOnAPrescribedDayIsTheDayItself() {
        assertThat(CompulsorySchoolAge.of(d("2021-03-31")).from()).isEqualTo(d("2026-03-31"));
    }

    @Test
    void aPupilLeavesCompulsorySchoolAgeOnTheLastFridayInJuneOfTheSchoolYearTheyTurnSixteen() {
        // turns 16 in October 2025: school year 2025/26, whose last Friday in June is 26 June 2026
        assertThat(CompulsorySchoolAge.of(d("2009-10-01")).to()).isEqualTo(d("2026-06-26"));
        // turns 16 on 31 August 2026, after that Friday but before the next school year: the same Friday
        assertThat(CompulsorySchoolAge.of(d("2010-08-31")).to()).isEqualTo(d("2026-06-26"));
        // turns 16 on 1 September 2026: a year later
        assertThat(CompulsorySchoolAge.of(d("2010-09-01")).to()).isEqualTo(d("2027-06-25"));
    }

    @Test
    void aYearSevenPupilIsOfCompulsorySchoolAge() {
        assertThat(CompulsorySchoolAge.of(d("2014-02-11")).on(d("2026-11-23"))).isTrue();
    }
}
