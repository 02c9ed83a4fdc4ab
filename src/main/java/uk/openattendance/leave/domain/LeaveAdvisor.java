package uk.openattendance.leave.domain;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import uk.openattendance.school.domain.DateWindow;
import uk.openattendance.school.domain.LeaveRules;

/**
 * The school's leave rules applied to one request. Pure: the caller gathers the facts (figures, calendar, the
 * requester's relationship) and this says what each rule makes of them.
 */
public final class LeaveAdvisor {
    private LeaveAdvisor() {}

    /**
     * Everything the rules look at.
     *
     * @param schoolDaysRequested      school days the request covers (half days count half)
     * @param firstTermEndsOn          the end of the pupil's first term at the school, or null when unknown
     * @param assessmentPeriods        windows the school has set (e.g. KS2 SATs week)
     * @param unauthorisedSessionsThisYear  G, N, O, U sessions so far this academic year
     * @param authorisedAbsencePercent authorised absence so far this year, % of possible sessions
     * @param religiousDaysThisFestival days already granted for the same festival
     * @param religiousDaysThisYear    days already granted for religious observance this year
     */
    public record Facts(LeaveGround ground, LocalDate firstDay, LocalDate lastDay, double schoolDaysRequested, LocalDate requestedOn,
            LocalDate firstTermEndsOn, List<DateWindow> assessmentPeriods, int unauthorisedSessionsThisYear, BigDecimal authorisedAbsencePercent,
            double religiousDaysThisFestival, double religiousDaysThisYear, boolean requesterHasParentalResponsibility, boolean requesterLivesWithPupil) {}

    public static LeaveAdvice advise(LeaveRules rules, Facts f) {
        List<LeaveAdvice.Point> points = new ArrayList<>();
        if (!f.requesterHasParentalResponsibility() || (rules.requesterMustLiveWithPupil() && !f.requesterLivesWithPupil())) {
            points.add(new LeaveAdvice.Point("REQUESTER", LeaveAdvice.Weight.AGAINST, "Leave may be granted only on the request of a parent the pupil "
                    + "normally lives with (regulation 11); this request came from someone who is not"));
        }
        if (f.firstDay().isBefore(f.requestedOn()) || f.firstDay().equals(f.requestedOn()) && f.ground() != LeaveGround.RELIGIOUS_OBSERVANCE) {
            points.add(new LeaveAdvice.Point("IN_ADVANCE", LeaveAdvice.Weight.AGAINST, "Leave is granted in advance, never for days already begun or past"));
        }
        long notice = ChronoUnit.DAYS.between(f.requestedOn(), f.firstDay());
        if (rules.minimumNoticeDays() != null && notice < rules.minimumNoticeDays() && notice >= 0) {
            points.add(new LeaveAdvice.Point("NOTICE", LeaveAdvice.Weight.CONCERN, "Asked " + notice + " days ahead; the school asks for "
                    + rules.minimumNoticeDays() + " days' notice"));
        }
        if (rules.refuseInFirstTerm() && f.firstTermEndsOn() != null && !f.firstDay().isAfter(f.firstTermEndsOn())) {
            points.add(new LeaveAdvice.Point("FIRST_TERM", LeaveAdvice.Weight.AGAINST, "The pupil is in their first term at the school (until "
                    + f.firstTermEndsOn() + "); the school does not grant leave then"));
        }
        if (rules.refuseInAssessmentPeriods()) {
            for (DateWindow w : f.assessmentPeriods()) {
                if (!f.lastDay().isBefore(w.from()) && !f.firstDay().isAfter(w.to())) {
                    points.add(new LeaveAdvice.Point("ASSESSMENT", LeaveAdvice.Weight.AGAINST, "The dates overlap " + w.name() + " (" + w.from() + " to "
                            + w.to() + ")"));
                }
            }
        }
        if (rules.refuseWithUnauthorisedAbsenceThisYear() && f.unauthorisedSessionsThisYear() > 0) {
            points.add(new LeaveAdvice.Point("UNAUTHORISED_THIS_YEAR", LeaveAdvice.Weight.AGAINST, f.unauthorisedSessionsThisYear()
                    + " unauthorised session(s) this year; the school does not grant leave after unauthorised absence in the same year"));
        }
        if (rules.refuseWhenAuthorisedAbsenceAbovePercent() != null && f.authorisedAbsencePercent() != null
                && f.authorisedAbsencePercent().compareTo(rules.refuseWhenAuthorisedAbsenceAbovePercent()) > 0) {
            points.add(new LeaveAdvice.Point("AUTHORISED_ABOVE", LeaveAdvice.Weight.AGAINST, "Authorised absence this year is already "
                    + f.authorisedAbsencePercent().toPlainString() + "%, above the school's " + rules.refuseWhenAuthorisedAbsenceAbovePercent().toPlainString() + "%"));
        }
        if (rules.headteacherMeetingWhenDaysAbove() != null && f.schoolDaysRequested() > rules.headteacherMeetingWhenDaysAbove()) {
            points.add(new LeaveAdvice.Point("MEETING", LeaveAdvice.Weight.CONCERN, trim(f.schoolDaysRequested()) + " school days asked for: more than "
                    + rules.headteacherMeetingWhenDaysAbove() + " needs a meeting with the headteacher before a decision"));
        }
        if (f.ground() == LeaveGround.RELIGIOUS_OBSERVANCE) {
            if (rules.religiousObservanceDaysPerFestival() != null
                    && f.religiousDaysThisFestival() + f.schoolDaysRequested() > rules.religiousObservanceDaysPerFestival()) {
                points.add(new LeaveAdvice.Point("RELIGIOUS_PER_FESTIVAL", LeaveAdvice.Weight.AGAINST, "The school allows "
                        + rules.religiousObservanceDaysPerFestival() + " day(s) per festival; this would make " + trim(f.religiousDaysThisFestival()
                        + f.schoolDaysRequested())));
            }
            if (rules.religiousObservanceDaysPerYear() != null && f.religiousDaysThisYear() + f.schoolDaysRequested() > rules.religiousObservanceDaysPerYear()) {
                points.add(new LeaveAdvice.Point("RELIGIOUS_PER_YEAR", LeaveAdvice.Weight.AGAINST, "The school allows " + rules.religiousObservanceDaysPerYear()
                        + " day(s) of religious observance a year; this would make " + trim(f.religiousDaysThisYear() + f.schoolDaysRequested())));
            }
        }
        if (points.isEmpty()) {
            points.add(new LeaveAdvice.Point("NONE", LeaveAdvice.Weight.NOTE, "None of the school's rules speaks against this request"));
        }
        return LeaveAdvice.of(points);
    }

    private static String trim(double days) {
        return days == Math.floor(days) ? String.valueOf((long) days) : String.valueOf(days);
    }
}
