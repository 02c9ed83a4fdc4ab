package uk.openattendance.parent.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import uk.openattendance.absence.domain.FamilyReportStatus;
import uk.openattendance.absence.domain.ReportCategory;
import uk.openattendance.leave.domain.FamilyLeaveStatus;
import uk.openattendance.leave.domain.LeaveRequestStatus;
import uk.openattendance.leave.domain.LeaveGround;

class StatusRulesTest {
    @Test
    void aReportWithNoMarkYetIsReceivedAndOnceTheRegisterAgreesIsRecordedAsIllness() {
        assertThat(FamilyReportStatus.of(7, ReportCategory.ILLNESS, 0, false, 1).status()).isEqualTo(FamilyReportStatus.Status.RECEIVED);
        FamilyReportStatus recorded = FamilyReportStatus.of(7, ReportCategory.ILLNESS, 2, false, 1);
        assertThat(recorded.status()).isEqualTo(FamilyReportStatus.Status.RECORDED);
        assertThat(recorded.words()).startsWith("Recorded as illness (2 sessions)");
        assertThat(recorded.reference()).isEqualTo("A7");
    }

    @Test
    void evidenceToFollowOrFiveSchoolDaysOfIllnessNeedEvidence() {
        assertThat(FamilyReportStatus.of(1, ReportCategory.MEDICAL_APPOINTMENT, 1, true, 1).status()).isEqualTo(FamilyReportStatus.Status.NEEDS_EVIDENCE);
        assertThat(FamilyReportStatus.of(1, ReportCategory.ILLNESS, 0, false, 5).status()).isEqualTo(FamilyReportStatus.Status.NEEDS_EVIDENCE);
        assertThat(FamilyReportStatus.of(1, ReportCategory.ILLNESS, 0, false, 4).status()).isEqualTo(FamilyReportStatus.Status.RECEIVED);
        assertThat(FamilyReportStatus.of(1, ReportCategory.RELIGIOUS_OBSERVANCE, 0, false, 5).status()).isEqualTo(FamilyReportStatus.Status.RECEIVED);
    }

    @Test
    void aRefusedRequestCarriesTheHeadteachersNote() {
        FamilyLeaveStatus s = FamilyLeaveStatus.of(9, LeaveRequestStatus.REFUSED, LeaveGround.EXCEPTIONAL_CIRCUMSTANCES, " Not exceptional ", 0);
        assertThat(s.status()).isEqualTo(FamilyLeaveStatus.Status.REFUSED);
        assertThat(s.note()).isEqualTo("Not exceptional");
        assertThat(s.words()).contains("Refused").contains("Not exceptional");
        assertThat(s.reference()).isEqualTo("L9");
        assertThat(FamilyLeaveStatus.of(9, LeaveRequestStatus.REQUESTED, LeaveGround.PERFORMANCE_OR_EMPLOYMENT_ABROAD, null, 0).status())
                .isEqualTo(FamilyLeaveStatus.Status.NEEDS_EVIDENCE);
        assertThat(FamilyLeaveStatus.of(9, LeaveRequestStatus.REQUESTED, LeaveGround.PERFORMANCE_OR_EMPLOYMENT_ABROAD, null, 1).status())
                .isEqualTo(FamilyLeaveStatus.Status.RECEIVED);
    }

    @Test
    void aNewItemIsAcknowledgedButAStepBackToReceivedIsNotNews() {
        assertThat(StatusNotice.decide(StatusNotice.Kind.ABSENCE, 3, "A3", "RECEIVED", "Received", "Nia", StatusNotice.Moment.MADE_BY_FAMILY, null).notice())
                .isPresent();
        assertThat(StatusNotice.decide(StatusNotice.Kind.ABSENCE, 3, "A3", "RECEIVED", "Received", "Nia", StatusNotice.Moment.CHANGED, "RECORDED").notice())
                .isEmpty();
        StatusNotice.Decision d = StatusNotice.decide(StatusNotice.Kind.LEAVE, 3, "L3", "APPROVED", "Approved", "Nia", StatusNotice.Moment.CHANGED, "RECEIVED");
        StatusNotice.Notice n = d.notice().orElseThrow();
        assertThat(n.key()).isEqualTo("status:leave:3:APPROVED");
        assertThat(n.words()).isEqualTo("Your leave request for Nia (reference L3): Approved.");
        assertThat(d.nowKnown()).isEqualTo("APPROVED");
    }

    @Test
    void aReportMadeFromTheFamilysOwnTextIsNotAcknowledgedAgainButItsLaterChangeIsToldOnce() {
        StatusNotice.Decision made = StatusNotice.decide(StatusNotice.Kind.ABSENCE, 4, "A4", "RECORDED", "Recorded as illness (1 session)", "Nia",
                StatusNotice.Moment.MADE_FROM_THEIR_TEXT, null);
        assertThat(made.notice()).as("the reply to their text already said so").isEmpty();
        assertThat(made.nowKnown()).isEqualTo("RECORDED");
        assertThat(StatusNotice.decide(StatusNotice.Kind.ABSENCE, 4, "A4", "RECORDED", "Recorded as illness (2 sessions)", "Nia",
                StatusNotice.Moment.CHANGED, "RECORDED").notice()).as("more sessions of the same status are not news").isEmpty();
        StatusNotice.Decision later = StatusNotice.decide(StatusNotice.Kind.ABSENCE, 5, "A5", "RECORDED", "Recorded as illness (1 session)", "Nia",
                StatusNotice.Moment.CHANGED, "RECEIVED");
        assertThat(later.notice()).isPresent();
        assertThat(later.nowKnown()).isEqualTo("RECORDED");
    }

    @Test
    void marksWrittenWhileAReportIsStillBeingMadeAreLeftToItsMaking() {
        assertThat(StatusNotice.decide(StatusNotice.Kind.ABSENCE, 6, "A6", "RECORDED", "Recorded", "Nia", StatusNotice.Moment.CHANGED, null))
                .isEqualTo(new StatusNotice.Decision(java.util.Optional.empty(), null));
    }

    @Test
    void anOfficeMadeReportIsToldOnlyOncePastReceivedAndStartsFromReceived() {
        StatusNotice.Decision received = StatusNotice.decide(StatusNotice.Kind.ABSENCE, 7, "A7", "RECEIVED", "Received", "Nia",
                StatusNotice.Moment.MADE_BY_OFFICE, null);
        assertThat(received.notice()).isEmpty();
        assertThat(received.nowKnown()).isEqualTo("RECEIVED");
        assertThat(StatusNotice.decide(StatusNotice.Kind.ABSENCE, 7, "A7", "RECORDED", "Recorded", "Nia", StatusNotice.Moment.MADE_BY_OFFICE, null)
                .notice()).isPresent();
    }
}
