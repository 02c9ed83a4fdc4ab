package uk.openattendance.absence.domain.reply;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class FestivalsTest {
    @Test
    void aNamedFestivalIsAcceptedOnlyOnADayItCanFall() {
        assertThat(Festivals.judge("off for diwali", LocalDate.of(2026, 11, 9))).isEqualTo(Festivals.Verdict.ON_ITS_DAY);
        assertThat(Festivals.judge("off for diwali", LocalDate.of(2026, 11, 23))).isEqualTo(Festivals.Verdict.NOT_ITS_DAY);
        assertThat(Festivals.judge("celebrating eid", LocalDate.of(2027, 3, 10))).isEqualTo(Festivals.Verdict.ON_ITS_DAY);
        assertThat(Festivals.judge("guru nanak gurpurab", LocalDate.of(2026, 11, 24))).isEqualTo(Festivals.Verdict.ON_ITS_DAY);
    }

    @Test
    void anUnnamedHolyDayIsUnnamedAndASaintsDayTheTableDoesNotHoldGoesToAPerson() {
        assertThat(Festivals.judge("a religious holy day", LocalDate.of(2026, 11, 23))).isEqualTo(Festivals.Verdict.UNNAMED);
        assertThat(Festivals.judge("we celebrate st michael at church", LocalDate.of(2026, 11, 23))).isEqualTo(Festivals.Verdict.NOT_ITS_DAY);
    }
}
