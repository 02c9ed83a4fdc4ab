package uk.openattendance.statutory.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class PenaltyNoticeLedgerTest {
    static final LocalDate TODAY = LocalDate.of(2026, 11, 23);

    @Test
    void aFirstNoticeIs160PoundsReducedTo80ForPaymentWithin21Days() {
        var s = new PenaltyNoticeLedger(List.of()).standing(TODAY);
        assertThat(s.next()).isEqualTo(PenaltyNoticeLedger.Next.FIRST);
        assertThat(s.amountPence()).isEqualTo(16_000);
        assertThat(s.reducedAmountPence()).isEqualTo(8_000);
    }

    @Test
    void aSecondNoticeWithinThreeYearsIs160PoundsWithNoReduction() {
        var s = new PenaltyNoticeLedger(List.of(TODAY.minusYears(2))).standing(TODAY);
        assertThat(s.next()).isEqualTo(PenaltyNoticeLedger.Next.SECOND);
        assertThat(s.reducedAmountPence()).isNull();
        assertThat(s.advice()).contains(TODAY.minusYears(2).toString());
    }

    @Test
    void twoNoticesInThreeYearsReachTheCapUntilTheOlderIsThreeYearsOld() {
        LocalDate first = LocalDate.of(2024, 3, 4);
        var ledger = new PenaltyNoticeLedger(List.of(LocalDate.of(2025, 6, 2), first));
        var capped = ledger.standing(TODAY);
        assertThat(capped.next()).isEqualTo(PenaltyNoticeLedger.Next.CAP_REACHED);
        assertThat(capped.amountPence()).isNull();
        assertThat(capped.availableFrom()).isEqualTo(LocalDate.of(2027, 3, 5));
        assertThat(capped.advice()).contains("other action");
        assertThat(ledger.standing(LocalDate.of(2027, 3, 5)).next()).isEqualTo(PenaltyNoticeLedger.Next.SECOND);
    }

    @Test
    void aNoticeOlderThanThreeYearsNoLongerCounts() {
        var s = new PenaltyNoticeLedger(List.of(TODAY.minusYears(3))).standing(TODAY);
        assertThat(s.next()).isEqualTo(PenaltyNoticeLedger.Next.FIRST);
    }

    @Test
    void aNoticeRecordedLateMayNotMakeAThirdInTheThreeYearsBeforeALaterOne() {
        var ledger = new PenaltyNoticeLedger(List.of(LocalDate.of(2025, 1, 6), LocalDate.of(2026, 6, 1)));
        assertThat(ledger.allows(LocalDate.of(2025, 9, 15))).isFalse();
        assertThat(new PenaltyNoticeLedger(List.of(LocalDate.of(2026, 6, 1))).allows(LocalDate.of(2025, 9, 15))).isTrue();
        assertThat(new PenaltyNoticeLedger(List.of(LocalDate.of(2026, 6, 1))).numberOn(LocalDate.of(2026, 9, 15))).isEqualTo(2);
    }
}
