package uk.openattendance.school.domain;

import java.math.BigDecimal;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import uk.openattendance.platform.problem.FieldError;

/** Checks that a policy makes sense as a whole: the first-day chain runs forward in time, thresholds are percentages. */
public final class PolicyValidator {
    private PolicyValidator() {}

    public static List<FieldError> validate(PolicySettings s) {
        List<FieldError> errors = new ArrayList<>();
        FirstDayChain c = s.firstDay();
        inOrder(errors, "firstDay.firstTextAt", c.reportBy(), c.firstTextAt(), "reportBy");
        inOrder(errors, "firstDay.phoneFrom", c.firstTextAt(), c.phoneFrom(), "firstTextAt");
        inOrder(errors, "firstDay.escalateAt", c.phoneFrom(), c.escalateAt(), "phoneFrom");
        inOrder(errors, "firstDay.safeBy", c.escalateAt(), c.safeBy(), "escalateAt");
        if (c.missingEducationAfterSchoolDays() < 1) {
            errors.add(new FieldError("firstDay.missingEducationAfterSchoolDays", "a number of school days from 1"));
        }
        List<LetterLevel> levels = s.letters().levels();
        for (int i = 0; i < levels.size(); i++) {
            percent(errors, "letters.levels[" + i + "].attendanceBelow", levels.get(i).attendanceBelow());
        }
        positive(errors, "letters.windowWeeks", s.letters().windowWeeks());
        positive(errors, "letters.sameLevelRepeatsBeforeEscalating", s.letters().sameLevelRepeatsBeforeEscalating());
        percent(errors, "praise.halfTermlyExcellentFrom", s.praise().halfTermlyExcellentFrom());
        percent(errors, "leave.refuseWhenAuthorisedAbsenceAbovePercent", s.leave().refuseWhenAuthorisedAbsenceAbovePercent());
        positive(errors, "leave.minimumNoticeDays", s.leave().minimumNoticeDays());
        if (s.marks().unresolvedNLimitSchoolDays() < 1) {
            errors.add(new FieldError("marks.unresolvedNLimitSchoolDays", "a number of school days from 1"));
        }
        ReplyRules r = s.replies();
        if (r.selfCertificationSchoolDays() < 1 || r.selfCertificationSchoolDays() > 30) {
            errors.add(new FieldError("replies.selfCertificationSchoolDays", "a number of school days from 1 to 30"));
        }
        if (r.confidenceToApply().signum() < 0 || r.confidenceToApply().compareTo(java.math.BigDecimal.ONE) > 0) {
            errors.add(new FieldError("replies.confidenceToApply", "a confidence from 0 to 1, e.g. 0.8"));
        }
        return errors;
    }

    private static void inOrder(List<FieldError> errors, String field, LocalTime before, LocalTime after, String beforeName) {
        if (before == null || after == null) {
            errors.add(new FieldError(field, "a time as HH:MM"));
        } else if (after.isBefore(before)) {
            errors.add(new FieldError(field, "a time at or after " + beforeName + " " + before));
        }
    }

    private static void percent(List<FieldError> errors, String field, BigDecimal value) {
        if (value != null && (value.signum() < 0 || value.compareTo(BigDecimal.valueOf(100)) > 0)) {
            errors.add(new FieldError(field, "a percentage from 0 to 100, or null to switch the rule off"));
        }
    }

    private static void positive(List<FieldError> errors, String field, Integer value) {
        if (value != null && value < 1) {
            errors.add(new FieldError(field, "a whole number from 1, or null to switch the rule off"));
        }
    }
}
