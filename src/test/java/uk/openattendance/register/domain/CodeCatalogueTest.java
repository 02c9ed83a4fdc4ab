package uk.openattendance.register.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** The catalogue against ATTENDANCE-CODES.md. */
class CodeCatalogueTest {
    private static final LocalDate NOW = LocalDate.of(2026, 11, 23);
    private static final LocalDate OLD = LocalDate.of(2023, 11, 23);

    @Test
    void theFourPenaltyNoticeCodesAreGNOAndU() {
        assertThat(CodeCatalogue.inForceOn(NOW).stream().filter(AttendanceCode::penaltyNoticeCount).map(AttendanceCode::code))
                .containsExactlyInAnyOrder("G", "N", "O", "U");
    }

    @Test
    void lateBeforeCloseCountsAsAttendanceAndUAsUnauthorisedAbsence() {
        assertThat(CodeCatalogue.on("L", NOW).orElseThrow().attendance()).isTrue();
        assertThat(CodeCatalogue.on("U", NOW).orElseThrow().category()).isEqualTo(CodeCategory.UNAUTHORISED_ABSENCE);
    }

    @Test
    void unableToAttendAndAdministrativeCodesAreNotPossibleSessions() {
        for (String code : new String[] {"Y1", "Y4", "Y7", "Q", "X", "Z", "#", "D"}) {
            assertThat(CodeCatalogue.on(code, NOW).orElseThrow().possibleSession()).as(code).isFalse();
        }
    }

    @Test
    void retiredCodesKeepTheirOldMeaningOnOldDatesAndAreRefusedNow() {
        assertThat(CodeCatalogue.on("H", OLD)).get().satisfies(c -> assertThat(c.category()).isEqualTo(CodeCategory.AUTHORISED_ABSENCE));
        assertThat(CodeCatalogue.on("H", NOW)).isEmpty();
        assertThat(CodeCatalogue.on("J", OLD).orElseThrow().attendance()).as("J was approved activity").isTrue();
        assertThat(CodeCatalogue.on("J1", NOW).orElseThrow().attendance()).as("J1 is authorised absence").isFalse();
        assertThat(CodeCatalogue.on("C1", OLD)).isEmpty();
    }

    @Test
    void codesThatChangedMeaningHaveOneEntryEachSideOfNineteenthAugust2024() {
        assertThat(CodeCatalogue.on("X", CodeCatalogue.CODES_2024.minusDays(1)).orElseThrow().meaning()).contains("part-time");
        assertThat(CodeCatalogue.on("X", CodeCatalogue.CODES_2024).orElseThrow().meaning()).contains("Non-compulsory");
    }

    @Test
    void legacyImportsMapRetiredCodesDatedAfterTheChange() {
        assertThat(CodeCatalogue.legacyMapping("J", NOW)).contains("J1");
        assertThat(CodeCatalogue.legacyMapping("Y", NOW)).contains("Y7");
        assertThat(CodeCatalogue.legacyMapping("H", OLD)).contains("H");
        assertThat(CodeCatalogue.legacyMapping("QQ", NOW)).isEmpty();
    }

    @Test
    void everyCodeInForceTodayIsUniqueAndAtMostThreeCharacters() {
        var codes = CodeCatalogue.inForceOn(NOW).stream().map(AttendanceCode::code).toList();
        assertThat(codes).doesNotHaveDuplicates().allSatisfy(c -> assertThat(c.length()).isLessThanOrEqualTo(3));
        assertThat(codes).contains("C1", "J1", "C2", "Y1", "Y7", "/", "\\");
    }
}
