package uk.openattendance.statutory.domain;

import java.time.LocalDate;
import java.util.List;

/**
 * The national penalty-notice framework's limits for one parent and one child: notices are per parent, per child;
 * the first is £160, reduced to £80 if paid within 21 days; a second within 3 years of the first is £160 with no
 * reduction; no more than two in 3 years, after which the local authority considers other action.
 */
public record PenaltyNoticeLedger(List<LocalDate> issued) {
    public static final int CAP = 2;
    public static final int YEARS = 3;
    public static final int FULL_PENCE = 16_000;
    public static final int REDUCED_PENCE = 8_000;

    public enum Next { FIRST, SECOND, CAP_REACHED }

    /** What a notice issued on {@code on} would be; {@code availableFrom} says when a capped parent drops back under the cap. */
    public record Standing(int inThreeYears, Next next, Integer amountPence, Integer reducedAmountPence, LocalDate availableFrom, String advice) {}

    public PenaltyNoticeLedger {
        issued = issued.stream().sorted().toList();
    }

    /**
     * Whether a notice dated {@code on} keeps every 3-year span within the cap: a notice recorded late must not
     * make a third in the 3 years before a notice already issued after it.
     */
    public boolean allows(LocalDate on) {
        List<LocalDate> with = new java.util.ArrayList<>(issued);
        with.add(on);
        return with.stream().allMatch(end -> with.stream().filter(d -> d.isAfter(end.minusYears(YEARS)) && !d.isAfter(end)).count() <= CAP);
    }

    /** Which notice within 3 years one dated {@code on} is: 1 or 2. */
    public int numberOn(LocalDate on) {
        return (int) issued.stream().filter(d -> d.isAfter(on.minusYears(YEARS)) && !d.isAfter(on)).count() + 1;
    }

    public Standing standing(LocalDate on) {
        List<LocalDate> window = issued.stream().filter(d -> d.isAfter(on.minusYears(YEARS)) && !d.isAfter(on)).toList();
        if (window.size() >= CAP) {
            LocalDate from = window.get(window.size() - CAP).plusYears(YEARS).plusDays(1);
            return new Standing(window.size(), Next.CAP_REACHED, null, null, from, "Two notices to this parent for this child within 3 years: "
                    + "the framework allows no third before " + from + "; the local authority should consider other action, such as a parenting "
                    + "order or prosecution");
        }
        if (window.size() == 1) {
            return new Standing(1, Next.SECOND, FULL_PENCE, null, on, "A second notice within 3 years of the first (issued " + window.get(0)
                    + ") is £160, with no reduction for early payment");
        }
        return new Standing(0, Next.FIRST, FULL_PENCE, REDUCED_PENCE, on, "A first notice: £160, reduced to £80 if paid within 21 days");
    }
}
