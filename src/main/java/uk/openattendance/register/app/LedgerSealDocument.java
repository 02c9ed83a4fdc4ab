package uk.openattendance.register.app;

import java.util.List;
import uk.openattendance.register.domain.LedgerSeal;

/**
 * A school's signed daily seal as downloaded, emailed and given back for a check. The signature (Ed25519, base64)
 * covers every field; the public key is at {@code GET /api/v1/ledger-seal-key}.
 */
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
