package uk.openattendance.roll.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class MobileNumberTest {

    @ParameterizedTest
    @ValueSource(strings = {"07700 900123", "07700900123", "+44 7700 900123", "+44 (0)7700-900123", "0044 7700 900123", " 07700.900.123 ",
            "+4407700900123"})
    void everyCommonUkSpellingOfAnOfcomDramaMobileBecomesE164(String written) {
        assertThat(MobileNumber.toE164(written)).contains("+447700900123");
    }

    // Ireland and Poland keep no range of mobiles for fiction that we know of: these two are libphonenumber's own example
    // numbers, invented for its documentation. Australia does keep one (0491 570 xxx, ACMA), so that one is fictional too.
    @ParameterizedTest
    @CsvSource({"+353 85 012 3456, +353850123456, IE", "00353 85 012 3456, +353850123456, IE", "+48 512 345 678, +48512345678, PL",
            "+61 491 570 156, +61491570156, AU"})
    void mobilesFromAbroadAreTakenForTextsWithTheirCountryCode(String written, String e164, String region) {
        assertThat(MobileNumber.parse(written)).hasValueSatisfying(n -> {
            assertThat(n.e164()).isEqualTo(e164);
            assertThat(n.region()).isEqualTo(region);
        });
    }

    @Test
    void aNumberWithoutACountryCodeIsReadAsBritish() {
        assertThat(MobileNumber.DEFAULT_REGION).isEqualTo("GB");
        // 085 012 3456 is an Irish mobile only to someone in Ireland; read as British it is not a mobile at all
        assertThat(MobileNumber.parse("085 012 3456")).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"020 7946 0123", "+44 20 7946 0123"})
    void aLandlineIsRefusedForTextsAndNamedAsOne(String written) {
        assertThat(MobileNumber.parse(written)).isEmpty();
        assertThat(MobileNumber.refusal(written)).startsWith("+442079460123 is a landline and cannot take texts");
    }

    @ParameterizedTest
    @ValueSource(strings = {"0770090012", "+44 7700 90012345", "call me", "", "   "})
    void malformedNumbersAreRefusedWithWhatWasExpected(String written) {
        assertThat(MobileNumber.parse(written)).isEmpty();
        assertThat(MobileNumber.refusal(written)).isEqualTo(MobileNumber.EXPECTED);
    }

    @Test
    void nothingIsNoNumber() {
        assertThat(MobileNumber.parse(null)).isEmpty();
    }

    @Test
    void twoSpellingsOfOneNumberAreTheSameNumber() {
        assertThat(MobileNumber.parse("07700 900123")).isEqualTo(MobileNumber.parse("+44 7700 900123"));
    }
}
