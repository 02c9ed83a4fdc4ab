package uk.openattendance.register.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HistoryChainTest {
    static final byte[] OLD_KEY = "an-old-chain-key-of-at-least-32-bytes!!".getBytes(StandardCharsets.UTF_8);
    static final byte[] NEW_KEY = "a-new-chain-key-of-at-least-32-bytes!!!".getBytes(StandardCharsets.UTF_8);
    static final HistoryChain.Keyring KEYS = new HistoryChain.Keyring(Map.of("k2025", OLD_KEY, "k2026", NEW_KEY), "k2026", null);

    private static HistoryChain.Entry raw(int i, String prev) {
        return new HistoryChain.Entry(7, i, "2026-11-2" + i, "AM", i == 1 ? null : "N", i == 1 ? "N" : "I", 0, 0, i == 1 ? null : "Phoned",
                "Office (Office staff)", 1_795_000_000L + i, prev, null, null);
    }

    static List<HistoryChain.Entry> chain(int n, HistoryChain.Keyring keys) {
        List<HistoryChain.Entry> entries = new ArrayList<>();
        String prev = HistoryChain.GENESIS;
        for (int i = 1; i <= n; i++) {
            var e = HistoryChain.sealNew(raw(i, prev), keys);
            entries.add(e);
            prev = e.hash();
        }
        return entries;
    }

    private static HistoryChain.Entry with(HistoryChain.Entry e, String newCode, String keyId, String hash) {
        return new HistoryChain.Entry(e.pupilId(), e.seq(), e.date(), e.session(), e.oldCode(), newCode, e.oldMinutesLate(), e.newMinutesLate(), e.reason(),
                e.changedBy(), e.changedAtEpochSecond(), e.prevHash(), keyId, hash);
    }

    @Test
    void anUntouchedKeyedChainHolds() {
        var c = chain(4, KEYS);
        assertThat(c).allSatisfy(e -> assertThat(e.keyId()).isEqualTo("k2026"));
        assertThat(HistoryChain.verify(c, c.get(3).hash(), KEYS)).isEmpty();
    }

    @Test
    void aChangedReasonBreaksThatEntry() {
        var c = new ArrayList<>(chain(4, KEYS));
        var e = c.get(2);
        c.set(2, new HistoryChain.Entry(e.pupilId(), e.seq(), e.date(), e.session(), e.oldCode(), e.newCode(), e.oldMinutesLate(), e.newMinutesLate(),
                "Holiday", e.changedBy(), e.changedAtEpochSecond(), e.prevHash(), e.keyId(), e.hash()));
        assertThat(HistoryChain.verify(c, c.get(3).hash(), KEYS)).get().satisfies(b -> assertThat(b.seq()).isEqualTo(3));
    }

    @Test
    void aRemovedMiddleEntryOrTailIsDetected() {
        var c = new ArrayList<>(chain(4, KEYS));
        String head = c.get(3).hash();
        var middle = new ArrayList<>(c);
        middle.remove(1);
        assertThat(HistoryChain.verify(middle, head, KEYS)).get().satisfies(b -> assertThat(b.problem()).contains("missing"));
        var tail = new ArrayList<>(c.subList(0, 3));
        assertThat(HistoryChain.verify(tail, head, KEYS)).get().satisfies(b -> assertThat(b.problem()).contains("removed"));
    }

    @Test
    void aRewrittenEntryRelinkedWithoutTheKeyIsDetected() {
        var c = new ArrayList<>(chain(3, KEYS));
        // what someone with only the database can do: recompute every later link, but with a key they guess
        var guess = new HistoryChain.Keyring(Map.of("k2026", "not-the-key-but-long-enough-to-be-one!!".getBytes(StandardCharsets.UTF_8)), "k2026", null);
        String prev = c.get(0).hash();
        for (int i = 1; i < 3; i++) {
            var e = HistoryChain.sealNew(with(raw(i + 1, prev), i == 1 ? "M" : "I", null, null), guess);
            c.set(i, e);
            prev = e.hash();
        }
        assertThat(HistoryChain.verify(c, prev, KEYS)).get().satisfies(b -> assertThat(b.seq()).isEqualTo(2));
    }

    @Test
    void rotatedKeysVerifyOldAndNewEntriesWhileTheOldKeyIsConfigured() {
        var oldKeys = new HistoryChain.Keyring(Map.of("k2025", OLD_KEY), "k2025", null);
        var c = new ArrayList<>(chain(2, oldKeys));
        var third = HistoryChain.sealNew(raw(3, c.get(1).hash()), KEYS);
        c.add(third);
        assertThat(c).extracting(HistoryChain.Entry::keyId).containsExactly("k2025", "k2025", "k2026");
        assertThat(HistoryChain.verify(c, third.hash(), KEYS)).isEmpty();
        var withoutOld = new HistoryChain.Keyring(Map.of("k2026", NEW_KEY), "k2026", null);
        assertThat(HistoryChain.verify(c, third.hash(), withoutOld)).get().satisfies(b -> assertThat(b.problem()).contains("k2025", "not configured"));
    }

    @Test
    void anEntrysKeyIdChangedToAnotherKeyIsDetected() {
        var c = new ArrayList<>(chain(2, KEYS));
        c.set(1, with(c.get(1), c.get(1).newCode(), "k2025", c.get(1).hash()));
        assertThat(HistoryChain.verify(c, c.get(1).hash(), KEYS)).get().satisfies(b -> assertThat(b.seq()).isEqualTo(2));
    }

    @Test
    void unkeyedEntriesFromBeforeTheUpgradeStillVerifyAndTheFirstKeyedEntryLinksToThem() {
        List<HistoryChain.Entry> c = new ArrayList<>();
        String prev = HistoryChain.GENESIS;
        for (int i = 1; i <= 2; i++) {
            var e = raw(i, prev);
            String h = HistoryChain.legacyHash(e);
            c.add(with(e, e.newCode(), null, h));
            prev = h;
        }
        var keyed = HistoryChain.sealNew(raw(3, prev), KEYS);
        c.add(keyed);
        var upgraded = new HistoryChain.Keyring(KEYS.keys(), "k2026", Instant.ofEpochSecond(1_795_000_002L));
        assertThat(HistoryChain.verify(c, keyed.hash(), upgraded)).isEmpty();
        assertThat(HistoryChain.verify(c, keyed.hash(), KEYS)).as("unkeyed entries are refused unless the upgrade moment is configured").isPresent();
    }

    @Test
    void aKeyedChainRewrittenAsUnkeyedIsRefused() {
        var upgraded = new HistoryChain.Keyring(KEYS.keys(), "k2026", Instant.ofEpochSecond(1_795_000_000L));
        var c = new ArrayList<>(chain(2, KEYS));
        // a downgrade: the second entry rewritten with an unkeyed hash after a keyed first
        var e = raw(2, c.get(0).hash());
        c.set(1, with(e, "M", null, HistoryChain.legacyHash(with(e, "M", null, null))));
        assertThat(HistoryChain.verify(c, c.get(1).hash(), upgraded)).get().satisfies(b -> assertThat(b.problem()).contains("no key"));
        // the whole chain rewritten unkeyed, dated after the upgrade
        List<HistoryChain.Entry> all = new ArrayList<>();
        String prev = HistoryChain.GENESIS;
        for (int i = 1; i <= 2; i++) {
            var r = raw(i, prev);
            String h = HistoryChain.legacyHash(r);
            all.add(with(r, r.newCode(), null, h));
            prev = h;
        }
        assertThat(HistoryChain.verify(all, prev, upgraded)).get().satisfies(b -> assertThat(b.problem()).contains("no key"));
    }
}
