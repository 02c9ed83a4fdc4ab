package uk.openattendance.register.app;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;
import uk.openattendance.register.domain.LedgerSeal;

/**
 * A school's signed daily seal as downloaded, emailed and given back for a check. The signature (Ed25519, base64)
 * covers every field; the public key is at {@code GET /api/v1/ledger-seal-key}.
 */
@Schema(example = "{\"format\": \"openattendance-ledger-seal/1\", \"schoolId\": 3, \"date\": \"2026-11-22\", \"asOf\": \"2026-11-22T23:30:00Z\", \"chainKeyId\": \"chain-2026-1\", \"signingKeyId\": \"seal-2026-1\", \"chains\": [{\"pupilId\": 42, \"entries\": 118, \"head\": \"3f1c9b5e0a7d42e8b6c1f0a9d8e7c6b5a4f3e2d1c0b9a8f7e6d5c4b3a2f1e0d9\"}], \"chainCount\": 1, \"totalEntries\": 118, \"signatureAlgorithm\": \"Ed25519\", \"signature\": \"Q2FmZSBmaWN0aW9uYWwgc2lnbmF0dXJlIGZvciB0aGUgZXhhbXBsZSBvbmx5Li4uLi4uLi4uLi4uLi4uLi4uLi4uLi4uLi4uLg==\"}")
public record LedgerSealDocument(String format, long schoolId, String date, String asOf, String chainKeyId, String signingKeyId, List<SealedChain> chains,
        long chainCount, long totalEntries, String signatureAlgorithm, String signature) {

    /** One pupil's chain at the seal: its number of entries and the link of the last. */
    public record SealedChain(long pupilId, long entries, String head) {}

    static LedgerSealDocument of(LedgerSeal.Seal s) {
        return new LedgerSealDocument(s.format(), s.schoolId(), s.date(), s.asOf(), s.chainKeyId(), s.signingKeyId(),
                s.chains().stream().map(c -> new SealedChain(c.pupilId(), c.entries(), c.head())).toList(), s.chainCount(), s.totalEntries(),
                s.signatureAlgorithm(), s.signature());
    }

    /** The seal as signed; a document with a hole in its chain list has no chains, so its signature cannot hold. */
    LedgerSeal.Seal toSeal() {
        boolean whole = chains != null && chains.stream().allMatch(c -> c != null && c.head() != null);
        return new LedgerSeal.Seal(format, schoolId, date, asOf, chainKeyId, signingKeyId,
                whole ? chains.stream().map(c -> new LedgerSeal.Chain(c.pupilId(), c.entries(), c.head())).toList() : null, chainCount, totalEntries,
                signatureAlgorithm, signature);
    }
}
