package uk.openattendance.register.domain;

import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The named groups of codes the rules ask about, each defined once over the catalogue's flags (ATTENDANCE-CODES.md),
 * never as a list typed again where it is used. Membership is of a code's meaning on a date: B, C and X meant other
 * things before 19 August 2024. {@link #codes()} gives the code letters for the edges that need them (SQL filters).
 */
public enum CodeSet {
    /** Counts in the denominator of every figure. */
    POSSIBLE(AttendanceCode::possibleSession),
    /** Present or approved educational activity: the numerator of attendance %. */
    ATTENDED(c -> c.possibleSession() && c.attendance()),
    AUTHORISED(AttendanceCode::isAuthorisedAbsence),
    UNAUTHORISED(AttendanceCode::isUnauthorisedAbsence),
    /** National penalty-notice framework: G, N, O and U in any mix count toward the 10 sessions. */
    PENALTY_THRESHOLD(AttendanceCode::penaltyNoticeCount),
    /** Leave the school approves on a parent's application made in advance (2024 regs, reg. 11): C, C1, C2, J1, S. */
    NEEDS_ADVANCE_LEAVE(AttendanceCode::needsAdvanceLeave),
    /** An arrival after the register's late time: L before the U time, U after it. */
    LATE(c -> c.code().equals("L") || c.code().equals("U")),
    /** The child is in the building: present (/ \), or late before (L) or after (U) the U time. */
    IN_SCHOOL(c -> c.category() == CodeCategory.PRESENT || c.code().equals("U")),
    /**
     * Unauthorised absence a child is missing for (G, N, O): the shape of continuous unauthorised absence and of
     * missing education. U is not among them: the child came in, only late.
     */
    MISSING_WITHOUT_PERMISSION(c -> c.isUnauthorisedAbsence() && !c.code().equals("U")),
    /** No reason yet (N) or none the school accepts as one (O): what a later explanation or decision replaces. */
    WITHOUT_REASON(c -> c.code().equals("N") || c.code().equals("O"));

    private final Predicate<AttendanceCode> rule;
    private final Set<String> codes;

    CodeSet(Predicate<AttendanceCode> rule) {
        this.rule = rule;
        Set<String> in = new LinkedHashSet<>();
        CodeCatalogue.all().stream().filter(rule).forEach(c -> in.add(c.code()));
        this.codes = java.util.Collections.unmodifiableSet(in);
    }

    public boolean contains(AttendanceCode code) {
        return code != null && rule.test(code);
    }

    /** The code's meaning on the date is in the set; a code not in force then is in no set. */
    public boolean contains(String code, LocalDate date) {
        return code != null && CodeCatalogue.on(code, date).map(rule::test).orElse(false);
    }

    /** Every code letter with a meaning in this set on some date, in catalogue order (for SQL filters at the edge). */
    public Set<String> codes() {
        return codes;
    }
}
