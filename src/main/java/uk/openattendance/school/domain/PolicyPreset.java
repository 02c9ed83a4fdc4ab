package uk.openattendance.school.domain;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/**
 * A school's policy as a starting point: register groups with their times and typed settings. {@code interpretations}
 * records every value the policy text did not state or that the law made us read differently, so staff can review them.
 */
@Schema(example = "{\"key\": \"primary-gloucestershire\", \"title\": \"Primary school (Gloucestershire model policy)\", \"source\": \"Gloucestershire County Council model attendance policy for primary schools, 2024\", \"registerGroups\": [{\"name\": \"Reception and KS1\", \"am\": {\"opensAt\": \"08:40\", \"lateAfter\": \"08:50\", \"closesAt\": \"09:10\", \"unauthorisedAfter\": \"09:10\"}, \"pm\": {\"opensAt\": \"13:00\", \"lateAfter\": \"13:05\", \"closesAt\": \"13:20\", \"unauthorisedAfter\": \"13:20\"}}], \"settings\": {\"firstDay\": {\"reportBy\": \"08:45\", \"firstTextAt\": \"09:30\", \"phoneFrom\": \"10:00\", \"escalateAt\": \"11:00\", \"safeBy\": \"12:00\", \"reportEachDay\": true, \"routing\": \"PRIORITY_ONE\", \"missingEducationAfterSchoolDays\": 10}, \"lateness\": {\"enabled\": true, \"routing\": \"PRIORITY_ONE\"}, \"letters\": {\"windowWeeks\": 12, \"levels\": [{\"key\": \"below-95\", \"label\": \"below 95%\", \"attendanceBelow\": 95.0, \"orEqual\": false, \"meetingInvitation\": false}, {\"key\": \"below-90\", \"label\": \"below 90%\", \"attendanceBelow\": 90.0, \"orEqual\": false, \"meetingInvitation\": true}], \"sameLevelRepeatsBeforeEscalating\": 1, \"medicalEvidenceAfterIllnessSessionsInTerm\": 10, \"medicalEvidenceAfterIllnessSessionsInYear\": 20, \"evidenceOnConsecutiveIllnessDay\": 3, \"punctualityLetterWhenUnauthorisedLatesAbove\": 5}, \"praise\": {\"weeklyFullAttendance\": false, \"halfTermlyExcellentFrom\": 98.0, \"halfTermlyFullAttendance\": true, \"termlyFullAttendance\": true, \"improvementByPoints\": 3.0, \"routing\": \"ALL_WITH_PARENTAL_RESPONSIBILITY\"}, \"leave\": {\"minimumNoticeDays\": 14, \"refuseInFirstTerm\": true, \"refuseInAssessmentPeriods\": true, \"refuseWithUnauthorisedAbsenceThisYear\": false, \"refuseWhenAuthorisedAbsenceAbovePercent\": 10.0, \"headteacherMeetingWhenDaysAbove\": 5, \"religiousObservanceDaysPerFestival\": 1, \"religiousObservanceDaysPerYear\": 3, \"requesterMustLiveWithPupil\": true}, \"marks\": {\"unresolvedNLimitSchoolDays\": 5, \"convertUnresolvedNToO\": false}, \"messaging\": {\"quietFrom\": \"20:00\", \"quietUntil\": \"07:30\", \"emailWhenOptedOut\": true, \"designatedLeadEmail\": \"dsl@example.org\"}, \"replies\": {\"selfCertificationSchoolDays\": 2, \"confidenceToApply\": 0.9}}, \"interpretations\": [\"The policy says 'after the bell'; read as late after 08:50\"]}")
public record PolicyPreset(
        String key,
        String title,
        String source,
        List<RegisterGroupTimings> registerGroups,
        PolicySettings settings,
        List<String> interpretations) {

    public PolicyPreset {
        registerGroups = List.copyOf(registerGroups);
        interpretations = List.copyOf(interpretations);
    }
}
