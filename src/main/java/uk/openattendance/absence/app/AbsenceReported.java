package uk.openattendance.absence.app;

import java.time.LocalDate;
import java.util.List;

/**
 * Reports just recorded (one per child of a family's report), published inside the transaction that stores them, after
 * the marks they explain were written. {@code by} says who made them, which decides how the family hears of them.
 */
public record AbsenceReported(long schoolId, List<Report> reports, String channel, By by) {

    public record Report(long reportId, long pupilId, LocalDate firstDate, LocalDate lastDate, String suggestedCode) {}

    public enum By {
        /** A parent signed in (web form, app): nothing has answered them yet. */
        SIGNED_IN_FAMILY,
        /** The family's own text, read by the reply reader: the reply to that text (TwiML) answers them. */
        FAMILY_TEXT,
        /** Staff: logging a call or visit, or accepting what a text suggested. */
        OFFICE
    }
}
