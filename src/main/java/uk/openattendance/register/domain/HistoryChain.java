package uk.openattendance.register.domain;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * Makes a pupil's register history tamper-evident: each entry's hash covers its own fields and the previous entry's
 * hash, so changing, removing or reordering any entry breaks every link after it. The chain is per pupil so that
 * registers for different pupils never wait on each other.
 */
public final class HistoryChain {
    public static final String GENESIS = "0".repeat(64);

    private HistoryChain() {}

    /** The fields an entry commits to. Times are whole seconds: MariaDB drops fractions (STACK.md). */
    public record Entry(long pupilId, long seq, String date, String session, String oldCode, String newCode, int oldMinutesLate,
            int newMinutesLate, String reason, String changedBy, long changedAtEpochSecond, String prevHash, String hash) {}

    public static String hash(Entry e) {
        String canonical = String.join("|", Long.toString(e.pupilId()), Long.toString(e.seq()), e.date(), e.session(), nz(e.oldCode()), nz(e.newCode()),
                Integer.toString(e.oldMinutesLate()), Integer.toString(e.newMinutesLate()), nz(e.reason()), nz(e.changedBy()),
                Long.toString(e.changedAtEpochSecond()), e.prevHash());
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(sha.digest(canonical.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e1) {
            throw new IllegalStateException(e1);
        }
    }

    /** The first entry that does not follow from the one before it, in sequence order; empty when the chain holds. */
    public record Break(long seq, String problem) {}

    public static Optional<Break> verify(List<Entry> inSeqOrder, String expectedHeadHash) {
        String prev = GENESIS;
        long expectedSeq = 1;
        for (Entry e : inSeqOrder) {
            if (e.seq() != expectedSeq) {
                return Optional.of(new Break(expectedSeq, "entry " + expectedSeq + " is missing"));
            }
            if (!e.prevHash().equals(prev)) {
                return Optional.of(new Break(e.seq(), "entry " + e.seq() + " does not point at the entry before it"));
            }
            if (!hash(e).equals(e.hash())) {
                return Optional.of(new Break(e.seq(), "entry " + e.seq() + " was changed after it was written"));
            }
            prev = e.hash();
            expectedSeq++;
        }
        if (expectedHeadHash != null && !expectedHeadHash.equals(prev)) {
            return Optional.of(new Break(expectedSeq, "the latest entries were removed (the chain ends before its recorded head)"));
        }
        return Optional.empty();
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
