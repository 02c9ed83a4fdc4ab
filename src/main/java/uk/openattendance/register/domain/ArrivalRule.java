package uk.openattendance.register.domain;

import java.time.Duration;
import java.time.LocalTime;
import uk.openattendance.school.domain.Session;
import uk.openattendance.school.domain.SessionTiming;

/**
 * The one rule for what the clock means to a register: whether it is open, and what an arrival is.
 *
 * <ul>
 *   <li>The register is open from {@code opensAt} up to and including {@code closesAt}: a teacher marking at 9:00 of a
 *       register that "closes at 9:00" is still taking it.
 *   <li>An arrival up to and including {@code lateAfter} is present ({@code /} or {@code \}), whenever before it the
 *       pupil came: a pupil there before the register opens is there when it does.
 *   <li>Strictly after {@code lateAfter} and up to and including {@code unauthorisedAfter}: L. Strictly after
 *       {@code unauthorisedAfter}: U. Policies word both as "after" ("arriving after 9:15am", "arrives after registers
 *       close"), and ATTENDANCE-CODES.md defines L as arriving "before it closed" and U as "after the register closed".
 *   <li>Minutes late count from {@code lateAfter}, a part minute as a whole one, and are kept on a U as on an L.
 * </ul>
 * Time is compared to the second: 9:15:00 is not after 9:15, 9:15:01 is.
 */
public final class ArrivalRule {
    private static final AttendanceCode PRESENT_AM = CodeCatalogue.current("/");
    private static final AttendanceCode PRESENT_PM = CodeCatalogue.current("\\");
    private static final AttendanceCode L = CodeCatalogue.current("L");
    private static final AttendanceCode U = CodeCatalogue.current("U");

    private ArrivalRule() {}

    /** Where a register stands at a moment of its own day. */
    public enum RegisterState {
        NOT_OPEN_YET,
        OPEN,
        CLOSED
    }

    public enum Kind {
        ON_TIME,
        LATE,
        UNAUTHORISED_LATE
    }

    /** What an arrival means: its kind, the code it is recorded with, and how many minutes late (0 on time). */
    public record Arrival(Kind kind, AttendanceCode code, int minutesLate) {}

    public static RegisterState state(SessionTiming t, LocalTime now) {
        if (now.isBefore(t.opensAt())) {
            return RegisterState.NOT_OPEN_YET;
        }
        return hasClosed(t.closesAt(), now) ? RegisterState.CLOSED : RegisterState.OPEN;
    }

    /** Open up to and including the closing time itself (9:00:00 of a register closing at 9:00), closed a second later. */
    public static boolean hasClosed(LocalTime closesAt, LocalTime now) {
        return now.isAfter(closesAt);
    }

    public static Arrival judge(Session session, SessionTiming t, LocalTime arrivedAt) {
        if (!arrivedAt.isAfter(t.lateAfter())) {
            return new Arrival(Kind.ON_TIME, presentCode(session), 0);
        }
        int minutesLate = (int) Math.ceil(Duration.between(t.lateAfter(), arrivedAt).getSeconds() / 60.0);
        return arrivedAt.isAfter(t.unauthorisedAfter()) ? new Arrival(Kind.UNAUTHORISED_LATE, U, minutesLate) : new Arrival(Kind.LATE, L, minutesLate);
    }

    /** The present code of a session: a register's present mark is / in the morning and \ in the afternoon. */
    public static AttendanceCode presentCode(Session session) {
        return session == Session.AM ? PRESENT_AM : PRESENT_PM;
    }

    public static boolean isPresentCode(String code) {
        return "/".equals(code) || "\\".equals(code);
    }

    public static boolean isArrivalCode(String code) {
        return "L".equals(code) || "U".equals(code);
    }

    /** Why an arrival got its code, in the school's terms, for a refusal a person can act on. */
    public static String describe(Kind kind, SessionTiming t) {
        return switch (kind) {
            case ON_TIME -> "on time (late only after " + t.lateAfter() + ")";
            case LATE -> "late, but not after " + t.unauthorisedAfter() + " (U only after it)";
            case UNAUTHORISED_LATE -> "after " + t.unauthorisedAfter() + ", when a late arrival becomes U";
        };
    }
}
