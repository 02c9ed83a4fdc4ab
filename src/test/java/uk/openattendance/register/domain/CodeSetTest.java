package uk.openattendance.register.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** The named code sets, against the table in ATTENDANCE-CODES.md. */
class CodeSetTest {
    private static final LocalDate DAY = LocalDate.of(2026, 11, 23);
    private static final LocalDate BEFORE_2024 = LocalDate.of(2023, 11, 23);

    @Test
    void thePenaltyThresholdCountsGNOAndUInAnyMix() {
        assertThat(CodeSet.PENALTY_THRESHOLD.codes()).containsExactlyInAnyOrder("G", "N", "O", "U");
    }

    @Test
    void unauthorisedAbsenceIsTheSameFourCodesAndAChildMissingWithoutPermissionIsAllButTheLateU() {
        assertThat(CodeSet.UNAUTHORISED.codes()).containsExactlyInAnyOrder("G", "N", "O", "U");
        assertThat(CodeSet.MISSING_WITHOUT_PERMISSION.codes()).containsExactly("G", "N", "O");
    }

    @Test
    void lateCodesAreLThenUAndAChildInSchoolIsPresentOrLate() {
        assertThat(CodeSet.LATE.codes()).containsExactly("L", "U");
        assertThat(CodeSet.IN_SCHOOL.codes()).containsExactly("/", "\\", "L", "U");
    }

    @Test
    void attendedIsPresentOrApprovedEducationalActivityAndUDoesNotCount() {
        for (String code : new String[] {"/", "\\", "L", "K", "V", "P", "W", "B"}) {
            assertThat(CodeSet.ATTENDED.contains(code, DAY)).as(code).isTrue();
        }
        assertThat(CodeSet.ATTENDED.contains("U", DAY)).isFalse();
        assertThat(CodeSet.POSSIBLE.contains("U", DAY)).isTrue();
    }

    @Test
    void notPossibleSessionsAreTheAdministrativeUnableToAttendAndDualRegistrationCodes() {
        for (String code : new String[] {"D", "X", "Q", "Y1", "Y7", "Z", "#"}) {
            assertThat(CodeSet.POSSIBLE.contains(code, DAY)).as(code).isFalse();
        }
    }

    @Test
    void membershipFollowsTheMeaningOnTheMarksDate() {
        // J was an approved educational activity until 18 August 2024; J1, its successor, is authorised absence
        assertThat(CodeSet.ATTENDED.contains("J", BEFORE_2024)).isTrue();
        assertThat(CodeSet.ATTENDED.contains("J", DAY)).isFalse();
        assertThat(CodeSet.AUTHORISED.contains("J1", DAY)).isTrue();
        assertThat(CodeSet.NEEDS_ADVANCE_LEAVE.contains("C", BEFORE_2024)).isFalse();
        assertThat(CodeSet.NEEDS_ADVANCE_LEAVE.contains("C", DAY)).isTrue();
    }

    @Test
    void authorisedAbsenceIncludesTheRetiredHolidayCodesForTheirOwnDates() {
        assertThat(CodeSet.AUTHORISED.contains("H", BEFORE_2024)).isTrue();
        assertThat(CodeSet.AUTHORISED.contains("H", DAY)).isFalse();
        assertThat(CodeSet.AUTHORISED.codes()).contains("C1", "M", "J1", "S", "C2", "C", "T", "R", "I", "E", "H", "F");
    }
}
