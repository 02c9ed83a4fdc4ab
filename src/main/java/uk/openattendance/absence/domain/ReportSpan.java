package uk.openattendance.absence.domain;

import java.time.LocalDate;
import uk.openattendance.school.domain.Session;

/**
 * The sessions a report covers, first to last inclusive. When the school asks families to report each day, a report
 * explains only the day it was made for (and the first day, if made ahead); later days need their own call.
 */
public record ReportSpan(LocalDate firstDate, Session firstSession, LocalDate lastDate, Session lastSession) {

    public boolean covers(LocalDate date, Session session) {
        if (date.isBefore(firstDate) || date.isAfter(lastDate)) {
            return false;
        }
        if (date.equals(firstDate) && session == Session.AM && firstSession == Session.PM) {
            return false;
        }
        return !(date.equals(lastDate) && session == Session.PM && lastSession == Session.AM);
    }

    /** Whether the report explains this session for the first-day chain and the register, under the school's rule. */
    public boolean explains(LocalDate date, Session session, boolean reportEachDay, LocalDate reportedOn) {
        if (!covers(date, session)) {
            return false;
        }
        if (!reportEachDay) {
            return true;
        }
        LocalDate day = reportedOn.isBefore(firstDate) ? firstDate : reportedOn;
        return date.equals(day);
    }

    public boolean inOrder() {
        return !lastDate.isBefore(firstDate) && !(lastDate.equals(firstDate) && firstSession == Session.PM && lastSession == Session.AM);
    }
}
