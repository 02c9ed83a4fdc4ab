package uk.openattendance.register.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LedgerSealTest {
    private static final KeyPair KEYS = pair();

    private static KeyPair pair() {
        try {
            return KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static LedgerSeal.Seal sealOf(List<HistoryChain.Entry> chain) {
        return LedgerSeal.sign(3, "2026-11-23", "2026-11-23T18:00:00Z", "k2026", List.of(new LedgerSeal.Chain(7, chain.size(), chain.get(chain.size() - 1)
                .hash()), new LedgerSeal.Chain(8, 1, "f".repeat(64))), "ed25519-test", KEYS.getPrivate());
    }

    @Test
    void aSealVerifiesWithThePublicKeyAndNotAfterAnyValueChanges() {
        var seal = sealOf(HistoryChainTest.chain(3, HistoryChainTest.KEYS));
        assertThat(LedgerSeal.signatureHolds(seal, KEYS.getPublic())).isTrue();
        var chains = new ArrayList<>(seal.chains());
        chains.set(0, new LedgerSeal.Chain(7, 2, chains.get(0).head()));
        var fewer = new LedgerSeal.Seal(seal.format(), seal.schoolId(), seal.date(), seal.asOf(), seal.chainKeyId(), seal.signingKeyId(), chains,
                seal.chainCount(), seal.totalEntries(), seal.signatureAlgorithm(), seal.signature());
        assertThat(LedgerSeal.signatureHolds(fewer, KEYS.getPublic())).isFalse();
        var otherDay = new LedgerSeal.Seal(seal.format(), seal.schoolId(), "2026-11-24", seal.asOf(), seal.chainKeyId(), seal.signingKeyId(), seal.chains(),
                seal.chainCount(), seal.totalEntries(), seal.signatureAlgorithm(), seal.signature());
        assertThat(LedgerSeal.signatureHolds(otherDay, KEYS.getPublic())).isFalse();
        assertThat(LedgerSeal.signatureHolds(seal, pair().getPublic())).as("another key's seal").isFalse();
    }

    @Test
    void theDatabaseIsCheckedAgainstTheSealForDeletedTruncatedAndRewrittenChains() {
        var chain = HistoryChainTest.chain(3, HistoryChainTest.KEYS);
        var seal = sealOf(chain);
        var grown = new ArrayList<>(HistoryChainTest.chain(4, HistoryChainTest.KEYS));
        var eight = List.of(new HistoryChain.Entry(8, 1, "2026-11-23", "AM", null, "/", 0, 0, null, "T", 1L, HistoryChain.GENESIS, "k2026", "f".repeat(64)));
        assertThat(LedgerSeal.check(seal, Map.of(7L, grown, 8L, eight))).as("a chain that grew since is fine").isEmpty();
        assertThat(LedgerSeal.check(seal, Map.of(7L, chain))).extracting(LedgerSeal.Finding::pupilId).containsExactly(8L);
        assertThat(LedgerSeal.check(seal, Map.of(7L, chain.subList(0, 2), 8L, eight))).singleElement()
                .satisfies(f -> assertThat(f.problem()).contains("has 2 entries but had 3"));
        var rewritten = HistoryChainTest.chain(3, new HistoryChain.Keyring(Map.of("k2026", "some-other-key-material-32-bytes-long!!".getBytes()), "k2026",
                null));
        assertThat(LedgerSeal.check(seal, Map.of(7L, rewritten, 8L, eight))).singleElement()
                .satisfies(f -> assertThat(f.problem()).contains("rewritten"));
    }
}
