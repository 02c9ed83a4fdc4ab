package uk.openattendance.roll.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class UkMobileTest {

    @ParameterizedTest
    @ValueSource(strings = {"07700 900123", "07700900123", "+44 7700 900123", "+44 (0)7700-900123", "0044 7700 900123", "447700900123",
            " 07700.900.123 ", "+4407700900123"})
    void everyCommonUkSpellingBecomesE164(String written) {
        assertThat(UkMobile.toE164(written)).contains("+447700900123");
    }

    @ParameterizedTest
    @ValueSource(strings = {"01632 960123", "0770090012", "077009001234", "+33 6 12 34 56 78", "call me", ""})
    void landlinesForeignAndMalformedNumbersAreRefused(String written) {
        assertThat(UkMobile.toE164(written)).isEmpty();
    }
}
