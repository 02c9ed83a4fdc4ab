package uk.openattendance.register.domain;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Optional;
import uk.openattendance.school.domain.Session;
import uk.openattendance.school.domain.SessionTiming;

/**
 * The code a register entry gets. An arrival time is judged against the pupil's register-group timings by
 * {@link ArrivalRule}. A present mark sent while the register is open means the pupil was there at registration; sent
 * later the same day for a pupil not yet marked, it means they arrived now, and the clock decides L or U. L or U typed
 * without a time on the day means "arriving now" too. A register taken on paper and typed in later says so
 * ({@code atRegistration}): its marks are what the paper says, as for a past day, whatever the clock says now.
 */
public final class Marking {
    private Marking() {}

    /** What the caller sent for one pupil, and when. {@code now} is the school's local time; null for a past date. */
    public record Entry(String code, LocalTime arrivedAt, Session session, LocalDate date, LocalTime now, boolean alreadyMarked, boolean atRegistration) {
        public Entry(String code, LocalTime arrivedAt, Session session, LocalDate date, LocalTime now, boolean alreadyMarked) {
            this(code, arrivedAt, session, date, now, alreadyMarked, false);
        }
    }

    /** The code, its minutes late and the arrival time; or the field that is wrong and what was expected instead. */
    public record Outcome(AttendanceCode code, int minutesLate, LocalTime arrivedAt, String field, String expected) {
        static Outcome mark(AttendanceCode code, int minutes, LocalTime arrived) {
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
        // typed up from paper: the clock now says nothing about when the pupil came
        boolean arrivingNow = today && !e.atRegistration();
        boolean lateCode = ArrivalRule.isArrivalCode(e.code());
        if (e.code() == null && e.arrivedAt() == null) {
            return Outcome.refused("code", "a register code, or an arrival time (arrivedAt, HH:MM)");
        }
        if (e.code() != null && !ArrivalRule.isPresentCode(e.code()) && !lateCode) {
            return checked(e.code(), e.date());
        }
        LocalTime arrived = e.arrivedAt();
        if (arrived == null && arrivingNow
                && (lateCode || (!e.alreadyMarked() && ArrivalRule.state(timing, e.now()) == ArrivalRule.RegisterState.CLOSED))) {
            arrived = e.now();
        }
        if (arrived == null) {
            return checked(ArrivalRule.isPresentCode(e.code()) ? ArrivalRule.presentCode(e.session()).code() : e.code(), e.date());
        }
        if (today && arrived.isAfter(e.now())) {
            return Outcome.refused("arrivedAt", "a time that has passed (it is " + e.now() + ")");
        }
        ArrivalRule.Arrival mark = ArrivalRule.judge(e.session(), timing, arrived);
        if (lateCode && !e.code().equals(mark.code().code())) {
            return Outcome.refused("code", mark.code().code() + ": arriving at " + arrived + " is " + ArrivalRule.describe(mark.kind(), timing)
                    + ", so the code is " + mark.code().code() + ", not " + e.code());
        }
        return Outcome.mark(mark.code(), mark.minutesLate(), arrived);
    }

    /** A code typed by hand: in force on the date (whether it applies to the pupil is {@link CodeEligibility}'s). */
    public static Outcome checked(String code, LocalDate date) {
        Optional<AttendanceCode> c = CodeCatalogue.on(code, date);
        if (c.isEmpty()) {
            return Outcome.refused("code", "a code in force on " + date + ", one of "
                    + CodeCatalogue.inForceOn(date).stream().map(AttendanceCode::code).toList() + " (not '" + code + "')");
        }
        return Outcome.mark(c.get(), 0, null);
    }
}
