package uk.openattendance.register.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class CodeEligibilityTest {
    private static final LocalDate DAY = LocalDate.of(2026, 11, 23);
    private static final CodeEligibility.Pupil YEAR_7 = new CodeEligibility.Pupil("Amira Khan", LocalDate.of(2014, 12, 3));
    private static final CodeEligibility.Pupil NURSERY = new CodeEligibility.Pupil("Leo Ward", LocalDate.of(2022, 5, 9));
    private static final CodeEligibility.Pupil SIXTH_FORM = new CodeEligibility.Pupil("Sam Ode", LocalDate.of(2009, 4, 2));

    private static AttendanceCode of(String code) {
        return CodeCatalogue.on(code, DAY).orElseThrow();
    }

    @Test
    void xIsRefusedForAYearSevenPupilWithTheReasonAndTheirCompulsorySchoolAge() {
        assertThat(CodeEligibility.whyNot(of("X"), YEAR_7, DAY, null)).hasValueSatisfying(why -> assertThat(why)
                .contains("Amira Khan").contains("born 2014-12-03").contains("compulsory school age from 2019-12-31 to 2031-06-27"));
    }

    @Test
    void xAppliesBelowAndAboveCompulsorySchoolAge() {
        assertThat(CodeEligibility.whyNot(of("X"), NURSERY, DAY, null)).isEmpty();
        assertThat(CodeEligibility.whyNot(of("X"), SIXTH_FORM, DAY, null)).isEmpty();
    }

    @Test
    void aPartTimeTimetableIsOnlyForAPupilOfCompulsorySchoolAgeAndOnlyAsApprovedLeave() {
        assertThat(CodeEligibility.whyNot(of("C2"), NURSERY, DAY, "C2")).hasValueSatisfying(why -> assertThat(why).contains("use X"));
        assertThat(CodeEligibility.whyNot(of("C2"), YEAR_7, DAY, null)).hasValueSatisfying(why -> assertThat(why).contains("no approved leave or accepted report with C2"));
        assertThat(CodeEligibility.whyNot(of("C2"), YEAR_7, DAY, "C2")).isEmpty();
    }

    @Test
    void leaveCodesNeedApprovedLeaveWithTheSameCode() {
        for (String code : new String[] {"C", "C1", "J1", "S"}) {
            assertThat(CodeEligibility.whyNot(of(code), YEAR_7, DAY, null)).as(code).isPresent();
            assertThat(CodeEligibility.whyNot(of(code), YEAR_7, DAY, code)).as(code).isEmpty();
        }
        assertThat(CodeEligibility.whyNot(of("C"), YEAR_7, DAY, "J1")).hasValueSatisfying(why -> assertThat(why).contains("the approved leave is J1"));
    }

    @Test
    void anAppointmentIllnessAndOrdinaryCodesNeedNoApproval() {
        for (String code : new String[] {"/", "L", "U", "M", "I", "N", "O", "G", "R", "T", "V", "Y7"}) {
            assertThat(CodeEligibility.whyNot(of(code), YEAR_7, DAY, null)).as(code).isEmpty();
        }
    }

    @Test
    void prospectivePupilAndPlannedClosureCodesAreNeverForARegisterEntry() {
        assertThat(CodeEligibility.whyNot(of("Z"), YEAR_7, DAY, null)).hasValueSatisfying(why -> assertThat(why).contains("prospective"));
        assertThat(CodeEligibility.whyNot(of("#"), YEAR_7, DAY, null)).hasValueSatisfying(why -> assertThat(why).contains("calendar"));
    }

    @Test
    void anAgeCodeForAPupilWithoutADateOfBirthIsRefusedSayingSo() {
        assertThat(CodeEligibility.whyNot(of("X"), new CodeEligibility.Pupil("Jo Bell", null), DAY, null))
                .hasValueSatisfying(why -> assertThat(why).contains("no date of birth"));
    }

    @Test
    void theCodesNeedingAdvanceLeaveAreTheLeaveCodesExceptAnAppointment() {
        assertThat(CodeSet.NEEDS_ADVANCE_LEAVE.codes()).containsExactlyInAnyOrder("C1", "J1", "S", "C2", "C");
        assertThat(of("M").leaveOfAbsence()).isTrue();
        assertThat(CodeSet.NEEDS_ADVANCE_LEAVE.contains(of("M"))).isFalse();
    }
}
