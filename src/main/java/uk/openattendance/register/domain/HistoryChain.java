package uk.openattendance.register.domain;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Makes a pupil's register history tamper-evident: each entry's link covers its own fields and the previous entry's
 * link, so changing, removing or reordering any entry breaks every link after it. The chain is per pupil so that
 * registers for different pupils never wait on each other.
 *
 * <p>A link is an HMAC-SHA256 under a key that lives in configuration, never in the database, so someone who can
 * write to the database cannot recompute the links after rewriting an entry. Each entry names its key id, so keys
 * rotate: new entries use the current key, older ones verify with theirs while it stays configured. Entries written
 * before the chain was keyed have no key id and an unkeyed SHA-256 link; they are accepted only at the start of a
 * chain and only when written up to {@link Keyring#legacyUntil()}, so nobody can "downgrade" a keyed chain by
 * rewriting it unkeyed.
 */
public final class HistoryChain {
    public static final String GENESIS = "0".repeat(64);

    private HistoryChain() {}

    /** The fields an entry commits to. Times are whole seconds: MariaDB drops fractions (STACK.md). */
    public record Entry(long pupilId, long seq, String date, String session, String oldCode, String newCode, int oldMinutesLate,
            int newMinutesLate, String reason, String changedBy, long changedAtEpochSecond, String prevHash, String keyId, String hash) {}

    /**
     * The chain keys by id, the one new entries use, and the last moment an unkeyed (pre-key) entry may carry; null
     * means unkeyed entries are never accepted.
     */
    public record Keyring(Map<String, byte[]> keys, String currentKeyId, Instant legacyUntil) {
        public Keyring {
            keys = Map.copyOf(keys);
            if (!keys.containsKey(currentKeyId)) {
                throw new IllegalArgumentException("the current key id " + currentKeyId + " is not among the keys " + keys.keySet());
            }
        }
    }

    /** The link of a new entry, under the keyring's current key; {@code e.keyId()} is ignored. */
    public static Entry sealNew(Entry e, Keyring keys) {
        Entry keyed = new Entry(e.pupilId(), e.seq(), e.date(), e.session(), e.oldCode(), e.newCode(), e.oldMinutesLate(), e.newMinutesLate(), e.reason(),
                e.changedBy(), e.changedAtEpochSecond(), e.prevHash(), keys.currentKeyId(), null);
        String mac = mac(keys.keys().get(keys.currentKeyId()), canonical(keyed) + "|" + keys.currentKeyId());
        return new Entry(keyed.pupilId(), keyed.seq(), keyed.date(), keyed.session(), keyed.oldCode(), keyed.newCode(), keyed.oldMinutesLate(),
                keyed.newMinutesLate(), keyed.reason(), keyed.changedBy(), keyed.changedAtEpochSecond(), keyed.prevHash(), keyed.keyId(), mac);
    }

    /** The unkeyed SHA-256 link entries carried before the chain was keyed (kept so they still verify). */
    public static String legacyHash(Entry e) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(sha.digest(canonical(e).getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e1) {
            throw new IllegalStateException(e1);
        }
    }

    private static String canonical(Entry e) {
        return String.join("|", Long.toString(e.pupilId()), Long.toString(e.seq()), e.date(), e.session(), nz(e.oldCode()), nz(e.newCode()),
                Integer.toString(e.oldMinutesLate()), Integer.toString(e.newMinutesLate()), nz(e.reason()), nz(e.changedBy()),
                Long.toString(e.changedAtEpochSecond()), e.prevHash());
    }

    /** The last key this thread used and its initialised Mac: a bulk write or a verification links thousands of entries under one key. */
    private static final ThreadLocal<Object[]> LAST_MAC = new ThreadLocal<>();

    static String mac(byte[] key, String text) {
        try {
            Object[] last = LAST_MAC.get();
            Mac mac;
            if (last != null && last[0] == key) {
                mac = (Mac) last[1];
            } else {
                mac = Mac.getInstance("HmacSHA256");
                mac.init(new SecretKeySpec(key, "HmacSHA256"));
                LAST_MAC.set(new Object[] {key, mac});
            }
            // doFinal resets the Mac for the next entry under the same key
            return HexFormat.of().formatHex(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The first entry that does not follow from the one before it, in sequence order; empty when the chain holds. */
    public record Break(long seq, String problem) {}

    public static Optional<Break> verify(List<Entry> inSeqOrder, String expectedHeadHash, Keyring keys) {
        String prev = GENESIS;
        long expectedSeq = 1;
        boolean keyedSeen = false;
        for (Entry e : inSeqOrder) {
            if (e.seq() != expectedSeq) {
                return Optional.of(new Break(expectedSeq, e.seq() > expectedSeq ? "entry " + expectedSeq + " is missing"
                        : "entry " + e.seq() + " appears twice or out of order"));
            }
            if (!e.prevHash().equals(prev)) {
                return Optional.of(new Break(e.seq(), "entry " + e.seq() + " does not point at the entry before it"));
            }
            if (e.keyId() == null) {
                if (keyedSeen) {
                    return Optional.of(new Break(e.seq(), "entry " + e.seq() + " has no key although an earlier entry was keyed"));
                }
                if (keys.legacyUntil() == null || e.changedAtEpochSecond() > keys.legacyUntil().getEpochSecond()) {
                    return Optional.of(new Break(e.seq(), "entry " + e.seq() + " has no key, and unkeyed entries are accepted only "
                            + (keys.legacyUntil() == null ? "when attendance.ledger.legacy-until is set" : "up to " + keys.legacyUntil())));
                }
                if (!legacyHash(e).equals(e.hash())) {
                    return Optional.of(new Break(e.seq(), "entry " + e.seq() + " was changed after it was written"));
                }
            } else {
                byte[] key = keys.keys().get(e.keyId());
                if (key == null) {
                    return Optional.of(new Break(e.seq(), "entry " + e.seq() + " names key " + e.keyId() + ", which is not configured"));
                }
                if (!MessageDigest.isEqual(mac(key, canonical(e) + "|" + e.keyId()).getBytes(StandardCharsets.US_ASCII),
                        nz(e.hash()).getBytes(StandardCharsets.US_ASCII))) {
                    return Optional.of(new Break(e.seq(), "entry " + e.seq() + " was changed after it was written (its link does not match under key "
                            + e.keyId() + ")"));
                }
                keyedSeen = true;
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
