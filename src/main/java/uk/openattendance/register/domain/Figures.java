package uk.openattendance.register.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Attendance figures over a window, as the DfE defines them: attendance % = attended / possible sessions; absence
 * rate = (authorised + unauthorised) / possible; persistent absence at 10% or more missed, severe at 50% or more.
 * Percentages are null when there were no possible sessions, never 0 or 100 by default.
 *
 * @param lateBeforeClose   sessions coded L
 * @param unauthorisedLates sessions coded U: arrivals after the school's U time, which is not always the register's
 *                          close (Copnor's registers close at 9:00 and a late arrival becomes U after 9:15)
 */
public record Figures(
        int possibleSessions,
        int attended,
        int present,
        int approvedEducationalActivity,
        int authorisedAbsence,
        int unauthorisedAbsence,
        int lateBeforeClose,
        int unauthorisedLates,
        int minutesLate,
        BigDecimal attendancePercent,
        BigDecimal absencePercent,
        boolean persistentAbsence,
        boolean severeAbsence,
        String denominator) {

    public static Figures of(Tally t) {
        BigDecimal attendance = percent(t.attended(), t.possible());
        BigDecimal absence = percent(t.absent(), t.possible());
        // flags from exact integers: 9.96% rounds to 10.0 for display but is not persistent absence
        boolean persistent = t.possible() > 0 && t.absent() * 10L >= t.possible();
        boolean severe = t.possible() > 0 && t.absent() * 2L >= t.possible();
        return new Figures(t.possible(), t.attended(), t.present(), t.approvedActivity(), t.authorised(), t.unauthorised(), t.lateL(), t.lateU(),
                t.minutesLate(), attendance, absence, persistent, severe,
                t.possible() + " possible sessions: marks whose code counts as possible, only on days the pupil was on roll");
    }

    /** One decimal place, half up, as schools print them. */
    static BigDecimal percent(int part, int whole) {
        if (whole == 0) {
            return null;
        }
        return BigDecimal.valueOf(part).multiply(BigDecimal.valueOf(100)).divide(BigDecimal.valueOf(whole), 1, RoundingMode.HALF_UP);
    }

    /** Minutes late expressed as school days lost, at the school's length of a day. */
    public static BigDecimal daysLost(int minutesLate, int minutesInSchoolDay) {
        return BigDecimal.valueOf(minutesLate).divide(BigDecimal.valueOf(minutesInSchoolDay), 1, RoundingMode.HALF_UP);
    }
}
