package uk.openattendance.register.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class HistoryChainTest {

    private static List<HistoryChain.Entry> chain(int n) {
        List<HistoryChain.Entry> entries = new ArrayList<>();
        String prev = HistoryChain.GENESIS;
        for (int i = 1; i <= n; i++) {
            var e = new HistoryChain.Entry(7, i, "2026-11-2" + i, "AM", i == 1 ? null : "N", i == 1 ? "N" : "I", 0, 0, i == 1 ? null : "Phoned", "Office (Office staff)",
                    1_795_000_000L + i, prev, null);
            String hash = HistoryChain.hash(e);
            entries.add(new HistoryChain.Entry(e.pupilId(), e.seq(), e.date(), e.session(), e.oldCode(), e.newCode(), e.oldMinutesLate(), e.newMinutesLate(),
                    e.reason(), e.changedBy(), e.changedAtEpochSecond(), prev, hash));
            prev = hash;
        }
        return entries;
    }

    @Test
    void anUntouchedChainHolds() {
        var c = chain(4);
        assertThat(HistoryChain.verify(c, c.get(3).hash())).isEmpty();
    }

    @Test
    void aChangedReasonBreaksThatEntry() {
        var c = new ArrayList<>(chain(4));
        var e = c.get(2);
        c.set(2, new HistoryChain.Entry(e.pupilId(), e.seq(), e.date(), e.session(), e.oldCode(), e.newCode(), e.oldMinutesLate(), e.newMinutesLate(),
                "Holiday", e.changedBy(), e.changedAtEpochSecond(), e.prevHash(), e.hash()));
        assertThat(HistoryChain.verify(c, c.get(3).hash())).get().satisfies(b -> assertThat(b.seq()).isEqualTo(3));
    }

    @Test
    void aRemovedMiddleEntryOrTailIsDetected() {
        var c = new ArrayList<>(chain(4));
        String head = c.get(3).hash();
        var middle = new ArrayList<>(c);
        middle.remove(1);
        assertThat(HistoryChain.verify(middle, head)).get().satisfies(b -> assertThat(b.problem()).contains("missing"));
        var tail = new ArrayList<>(c.subList(0, 3));
        assertThat(HistoryChain.verify(tail, head)).get().satisfies(b -> assertThat(b.problem()).contains("removed"));
    }
}
