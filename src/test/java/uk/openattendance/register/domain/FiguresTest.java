package uk.openattendance.register.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class FiguresTest {
    private static final LocalDate DAY = LocalDate.of(2026, 11, 23);

    private static Tally marks(String code, int n) {
        Tally t = Tally.ZERO;
        for (int i = 0; i < n; i++) {
            t = t.plus(Tally.of(CodeCatalogue.on(code, DAY).orElseThrow(), code.equals("L") ? 10 : 0));
        }
        return t;
    }

    @Test
    void attendanceIsAttendedOverPossibleAndYCodesAreLeftOutOfBoth() {
        Figures f = Figures.of(marks("/", 170).plus(marks("V", 10)).plus(marks("I", 12)).plus(marks("O", 8)).plus(marks("Y4", 6)));
        assertThat(f.possibleSessions()).isEqualTo(200);
        assertThat(f.attendancePercent()).isEqualByComparingTo(new BigDecimal("90.0"));
        assertThat(f.persistentAbsence()).isTrue();
        assertThat(f.severeAbsence()).isFalse();
    }

    @Test
    void justUnderTenPercentMissedIsNotPersistentAbsenceEvenThoughItRoundsToTen() {
        Figures f = Figures.of(marks("/", 1002).plus(marks("I", 111)));
        assertThat(f.absencePercent()).isEqualByComparingTo(new BigDecimal("10.0"));
        assertThat(f.persistentAbsence()).isFalse();
    }

    @Test
    void lateBeforeCloseCountsAsPresentAndKeepsItsMinutes() {
        Figures f = Figures.of(marks("L", 3).plus(marks("/", 7)));
        assertThat(f.attendancePercent()).isEqualByComparingTo(new BigDecimal("100.0"));
        assertThat(f.lateBeforeClose()).isEqualTo(3);
        assertThat(f.minutesLate()).isEqualTo(30);
    }

    @Test
    void noPossibleSessionsGivesNoPercentageRatherThanZero() {
        assertThat(Figures.of(marks("Y4", 4)).attendancePercent()).isNull();
    }
}
