package uk.openattendance.register.domain;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Optional;
import uk.openattendance.school.domain.ArrivalMark;
import uk.openattendance.school.domain.Session;
import uk.openattendance.school.domain.SessionTiming;

/**
 * The code a register entry gets. An arrival time is judged against the pupil's register-group timings. A present
 * mark sent while the register is open means the pupil was there at registration; sent later the same day for a pupil
 * not yet marked, it means they arrived now, and the clock decides L or U. L or U typed without a time on the day
 * means "arriving now" too.
 */
public final class Marking {
    private Marking() {}

    /** What the caller sent for one pupil, and when. {@code now} is the school's local time; null for a past date. */
    public record Entry(String code, LocalTime arrivedAt, Session session, LocalDate date, LocalTime now, boolean alreadyMarked) {}

    /** The code, its minutes late and the arrival time; or the field that is wrong and what was expected instead. */
    public record Outcome(String code, int minutesLate, LocalTime arrivedAt, String field, String expected) {
        static Outcome mark(String code, int minutes, LocalTime arrived) {
            return new Outcome(code, minutes, arrived, null, null);
        }

        static Outcome refused(String field, String expected) {
            return new Outcome(null, 0, null, field, expected);
        }

        public boolean refused() {
            return field != null;
        }
    }

    public static Outcome decide(Entry e, SessionTiming timing) {
        boolean today = e.now() != null;
        boolean lateCode = "L".equals(e.code()) || "U".equals(e.code());
        if (e.code() == null && e.arrivedAt() == null) {
            return Outcome.refused("code", "a register code, or an arrival time (arrivedAt, HH:MM)");
        }
        if (e.code() != null && !MarkDecision.isPresentCode(e.code()) && !lateCode) {
            return checked(e.code(), e.date());
        }
        LocalTime arrived = e.arrivedAt();
        if (arrived == null && today && (lateCode || (!e.alreadyMarked() && e.now().isAfter(timing.closesAt())))) {
            arrived = e.now();
        }
        if (arrived == null) {
            return checked(MarkDecision.isPresentCode(e.code()) ? MarkDecision.presentCode(e.session()) : e.code(), e.date());
        }
        if (today && arrived.isAfter(e.now())) {
            return Outcome.refused("arrivedAt", "a time that has passed (it is " + e.now() + ")");
        }
        ArrivalMark mark = timing.classify(arrived);
        String code = MarkDecision.codeFor(e.session(), mark);
        if (lateCode && !e.code().equals(code)) {
            return Outcome.refused("code", code + ": arriving at " + arrived + " is " + describe(mark, timing) + ", so the code is " + code + ", not "
                    + e.code());
        }
        return Outcome.mark(code, mark.minutesLate(), arrived);
    }

    /** A code typed by hand: in force on the date, and one a pupil on roll can have. */
    public static Outcome checked(String code, LocalDate date) {
        Optional<AttendanceCode> c = CodeCatalogue.on(code, date);
        if (c.isEmpty()) {
            return Outcome.refused("code", "a code in force on " + date + ", one of "
                    + CodeCatalogue.inForceOn(date).stream().map(AttendanceCode::code).toList() + " (not '" + code + "')");
        }
        if (code.equals("Z")) {
            return Outcome.refused("code", "a code for a pupil on roll (Z is for prospective pupils not yet admitted)");
        }
        return Outcome.mark(code, 0, null);
    }

    private static String describe(ArrivalMark mark, SessionTiming t) {
        return switch (mark.kind()) {
            case ON_TIME -> "on time (late only after " + t.lateAfter() + ")";
            case LATE -> "late before the register closed (U from " + t.unauthorisedFrom() + ")";
            case UNAUTHORISED_LATE -> "after " + t.unauthorisedFrom() + ", when a late arrival becomes U";
        };
    }
}
