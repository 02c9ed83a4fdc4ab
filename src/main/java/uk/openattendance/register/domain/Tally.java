package uk.openattendance.register.domain;

/**
 * Session counts as the DfE adds them up. Kept per pupil per week beside the raw marks, so a whole school's year is a
 * sum of about forty rows per pupil; every mark write adds its code's tally and subtracts the one it replaced.
 */
public record Tally(
        int sessions,
        int possible,
        int present,
        int approvedActivity,
        int authorised,
        int unauthorised,
        int lateL,
        int lateU,
        int minutesLate,
        int penaltySessions) {

    public static final Tally ZERO = new Tally(0, 0, 0, 0, 0, 0, 0, 0, 0, 0);

    /** What one mark contributes; {@code minutesLate} counts for L and U only. */
    public static Tally of(AttendanceCode code, int minutesLate) {
        boolean possible = code.possibleSession();
        boolean late = CodeSet.LATE.contains(code);
        return new Tally(1,
                possible ? 1 : 0,
                possible && code.category() == CodeCategory.PRESENT ? 1 : 0,
                possible && code.category() == CodeCategory.APPROVED_EDUCATIONAL_ACTIVITY ? 1 : 0,
                possible && code.isAuthorisedAbsence() ? 1 : 0,
                possible && code.isUnauthorisedAbsence() ? 1 : 0,
                code.code().equals("L") ? 1 : 0,
                code.code().equals("U") ? 1 : 0,
                late ? minutesLate : 0,
                code.penaltyNoticeCount() ? 1 : 0);
    }

    /** {@code count} marks of one code whose minutes late add up to {@code totalMinutesLate}. */
    public static Tally ofMany(AttendanceCode code, int count, int totalMinutesLate) {
        Tally one = of(code, totalMinutesLate);
        return new Tally(count, one.possible * count, one.present * count, one.approvedActivity * count, one.authorised * count,
                one.unauthorised * count, one.lateL * count, one.lateU * count, one.minutesLate, one.penaltySessions * count);
    }

    public Tally plus(Tally o) {
        return new Tally(sessions + o.sessions, possible + o.possible, present + o.present, approvedActivity + o.approvedActivity,
                authorised + o.authorised, unauthorised + o.unauthorised, lateL + o.lateL, lateU + o.lateU, minutesLate + o.minutesLate,
                penaltySessions + o.penaltySessions);
    }

    public Tally minus(Tally o) {
        return new Tally(sessions - o.sessions, possible - o.possible, present - o.present, approvedActivity - o.approvedActivity,
                authorised - o.authorised, unauthorised - o.unauthorised, lateL - o.lateL, lateU - o.lateU, minutesLate - o.minutesLate,
                penaltySessions - o.penaltySessions);
    }

    public int attended() {
        return present + approvedActivity;
    }

    public int absent() {
        return authorised + unauthorised;
    }
}
