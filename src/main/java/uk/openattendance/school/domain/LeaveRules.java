package uk.openattendance.school.domain;

import java.math.BigDecimal;

/** The school's rules that advise a leave-of-absence decision (reg. 11 grounds apply everywhere); null switches a rule off. */
public record LeaveRules(
        Integer minimumNoticeDays,
        boolean refuseInFirstTerm,
        boolean refuseInAssessmentPeriods,
        boolean refuseWithUnauthorisedAbsenceThisYear,
        BigDecimal refuseWhenAuthorisedAbsenceAbovePercent,
        Integer headteacherMeetingWhenDaysAbove,
        Integer religiousObservanceDaysPerFestival,
        Integer religiousObservanceDaysPerYear,
        boolean requesterMustLiveWithPupil) {}
