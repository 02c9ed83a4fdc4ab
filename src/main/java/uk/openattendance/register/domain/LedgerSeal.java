package uk.openattendance.register.domain;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * A school's daily seal: for every pupil's history chain, how many entries it had and the link of the last one, as
 * of a moment, signed with Ed25519. The seal leaves the database (downloaded, emailed to the designated lead), so a
 * later check of the database against it catches what the database alone cannot: a chain deleted with its head,
 * entries removed from the end, or a history rewritten and re-linked. Anyone can check the signature with the public
 * key; only the service can make one.
 */
public final class LedgerSeal {
    public static final String FORMAT = "openattendance-ledger-seal/1";
    public static final String ALGORITHM = "Ed25519";

    private LedgerSeal() {}

    public record Chain(long pupilId, long entries, String head) {}

    /** What is signed; {@code signature} is base64 of the Ed25519 signature over {@link #canonical(Seal)}. */
    public record Seal(String format, long schoolId, String date, String asOf, String chainKeyId, String signingKeyId, List<Chain> chains,
            long chainCount, long totalEntries, String signatureAlgorithm, String signature) {}

    /** A sealed chain that the database no longer bears out. */
    public record Finding(long pupilId, String problem) {}

    public static Seal sign(long schoolId, String date, String asOf, String chainKeyId, List<Chain> chains, String signingKeyId, PrivateKey key) {
        List<Chain> sorted = new ArrayList<>(chains);
        sorted.sort(Comparator.comparingLong(Chain::pupilId));
        long total = sorted.stream().mapToLong(Chain::entries).sum();
        Seal unsigned = new Seal(FORMAT, schoolId, date, asOf, chainKeyId, signingKeyId, List.copyOf(sorted), sorted.size(), total, ALGORITHM, null);
        try {
            Signature s = Signature.getInstance(ALGORITHM);
            s.initSign(key);
            s.update(canonical(unsigned).getBytes(StandardCharsets.UTF_8));
            return new Seal(FORMAT, schoolId, date, asOf, chainKeyId, signingKeyId, unsigned.chains(), unsigned.chainCount(), total, ALGORITHM,
                    Base64.getEncoder().encodeToString(s.sign()));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Whether the seal is exactly what the holder of the private key signed (any changed value fails). */
    public static boolean signatureHolds(Seal seal, PublicKey key) {
        if (seal.signature() == null || seal.chains() == null || !FORMAT.equals(seal.format()) || !ALGORITHM.equals(seal.signatureAlgorithm())) {
            return false;
        }
        try {
            Signature s = Signature.getInstance(ALGORITHM);
            s.initVerify(key);
            s.update(canonical(seal).getBytes(StandardCharsets.UTF_8));
            return s.verify(Base64.getDecoder().decode(seal.signature()));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return false;
        }
    }

    /** One line per field and per chain: the bytes the signature covers, independent of JSON spacing or field order. */
    public static String canonical(Seal seal) {
        StringBuilder b = new StringBuilder();
        b.append(seal.format()).append('\n').append("school=").append(seal.schoolId()).append('\n').append("date=").append(seal.date()).append('\n')
                .append("asOf=").append(seal.asOf()).append('\n').append("chainKeyId=").append(seal.chainKeyId()).append('\n')
                .append("signingKeyId=").append(seal.signingKeyId()).append('\n').append("chains=").append(seal.chainCount()).append('\n')
                .append("entries=").append(seal.totalEntries()).append('\n');
        for (Chain c : seal.chains()) {
            b.append(c.pupilId()).append(' ').append(c.entries()).append(' ').append(c.head()).append('\n');
        }
        return b.toString();
    }

    /**
     * Checks the chains as they are now against the seal: every sealed chain still exists, has at least the sealed
     * number of entries, and its entry at that number still has the sealed link. Chains begun after the seal are not
     * its concern. {@code now} holds each pupil's entries in sequence order.
     */
    public static List<Finding> check(Seal seal, Map<Long, List<HistoryChain.Entry>> now) {
        List<Finding> out = checkChains(seal.chains(), now);
        if (seal.chains().size() != seal.chainCount()) {
            out.add(new Finding(0, "the seal lists " + seal.chains().size() + " chains but says " + seal.chainCount()));
        }
        return out;
    }

    /** As {@link #check}, for some of a seal's chains (a school is checked a slice of pupils at a time). */
    public static List<Finding> checkChains(List<Chain> sealed, Map<Long, List<HistoryChain.Entry>> now) {
        List<Finding> out = new ArrayList<>();
        for (Chain c : sealed) {
            List<HistoryChain.Entry> entries = now.get(c.pupilId());
            if (entries == null || entries.isEmpty()) {
                out.add(new Finding(c.pupilId(), "the chain is missing: it had " + c.entries() + " entries at the seal"));
                continue;
            }
            if (entries.size() < c.entries()) {
                out.add(new Finding(c.pupilId(), "the chain has " + entries.size() + " entries but had " + c.entries() + " at the seal"));
                continue;
            }
            HistoryChain.Entry atSeal = entries.stream().filter(e -> e.seq() == c.entries()).findFirst().orElse(null);
            if (atSeal == null) {
                out.add(new Finding(c.pupilId(), "entry " + c.entries() + ", the chain's last at the seal, is missing"));
            } else if (!c.head().equals(atSeal.hash())) {
                out.add(new Finding(c.pupilId(), "entry " + c.entries() + " is not the entry sealed: the history up to it was rewritten"));
            }
        }
        return out;
    }
}
