package uk.openattendance.security;

import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Locale;
import uk.openattendance.platform.problem.RetryLater;
import uk.openattendance.security.domain.SignInAttempt;
import uk.openattendance.security.domain.ThrottlePolicy;
import uk.openattendance.security.persistence.SignInAuditRepository;
import uk.openattendance.security.persistence.SignInAuditRow;
import uk.openattendance.security.persistence.SignInThrottleStore;
import uk.openattendance.security.persistence.SignInThrottleStore.ThrottleRow;

/**
 * Counts failed sign-ins per account and per client address in the database (so every replica sees the same count)
 * and says how long a key is locked. Keys are stored as SHA-256 hashes: the table never holds an email or address in
 * clear.
 */
@Singleton
public class SignInThrottle {
    /** What is being throttled; each kind has its own policy. */
    public enum Kind {
        STAFF_ACCOUNT,
        STAFF_ADDRESS,
        PARENT_ADDRESS,
        /** password-reset requests for one account */
        RESET_ACCOUNT
    }

    public record Key(Kind kind, String hash) {}

    private final SignInThrottleStore store;
    private final SignInAuditRepository audits;
    private final Clock clock;
    private final ThrottlePolicy account;
    private final ThrottlePolicy staffAddress;
    private final ThrottlePolicy parentAddress;

    public SignInThrottle(SignInThrottleStore store, SignInAuditRepository audits, Clock clock,
            @Value("${attendance.sign-in.staff-failures-per-address:50}") int staffAddressBudget,
            @Value("${attendance.sign-in.parent-requests-per-address:30}") int parentAddressBudget) {
        this.store = store;
        this.audits = audits;
        this.clock = clock;
        this.account = ThrottlePolicy.perAccount();
        this.staffAddress = ThrottlePolicy.perAddress(staffAddressBudget);
        this.parentAddress = ThrottlePolicy.perAddress(parentAddressBudget);
    }

    public static Key key(Kind kind, String value) {
        return new Key(kind, sha256(kind.name() + ":" + (value == null ? "" : value.strip().toLowerCase(Locale.ROOT))));
    }

    /** Seconds until every one of these keys may try again; zero when none is locked. */
    public long secondsLocked(Instant now, Key... keys) {
        long wait = 0;
        for (Key key : keys) {
            Instant until = store.lockedUntil(key.kind().name(), key.hash()).orElse(null);
            wait = Math.max(wait, ThrottlePolicy.secondsUntil(until, now));
        }
        return wait;
    }

    /** Counts one failure against each key, locking those that have used up their free failures. */
    @Transactional
    public void failed(Instant now, Key... keys) {
        for (Key key : keys) {
            ThrottlePolicy policy = policy(key.kind());
            ThrottleRow row = store.lockRow(key.kind().name(), key.hash(), now);
            int failures = row.failures() == 0 || policy.forgotten(row.updatedAt(), row.lockedUntil(), now) ? 1 : row.failures() + 1;
            Instant lockedUntil = policy.lockedUntil(failures, now);
            if (row.lockedUntil() != null && (lockedUntil == null || row.lockedUntil().isAfter(lockedUntil))) {
                lockedUntil = row.lockedUntil();
            }
            store.write(key.kind().name(), key.hash(), failures, lockedUntil, now);
        }
    }

    /** A right password clears the account's count (never the address's: one good account must not unlock a guesser). */
    public void succeeded(Key key) {
        store.forget(key.kind().name(), key.hash());
    }

    /**
     * A parent asks for a one-time code. Every request counts against the address, since whether the number was known
     * is never revealed (so there is no visible failure to count); past the budget the address waits, and the refusal
     * is audited.
     */
    @Transactional(dontRollbackOn = RetryLater.class)
    public void parentCodeRequested(String clientAddress) {
        Instant now = clock.instant();
        Key key = key(Kind.PARENT_ADDRESS, clientAddress);
        long wait = secondsLocked(now, key);
        if (wait == 0) {
            // counted before it is served, so the request past the budget is the first refused (a refused one is not counted)
            failed(now, key);
            wait = secondsLocked(now, key);
        }
        if (wait > 0) {
            audit(SignInAttempt.Door.PARENT, null, null, clientAddress, SignInAttempt.Refusal.LOCKED, now);
            throw new RetryLater(SecurityProblem.TOO_MANY_SIGN_INS, "Too many codes were asked for from this address; try again in " + wait
                    + " seconds", wait);
        }
    }

    /** A refused sign-in, kept for the school's and the platform's review. */
    public void audit(SignInAttempt.Door signIn, Long staffId, Key account, String clientAddress, SignInAttempt.Refusal outcome, Instant now) {
        String address = clientAddress.length() > 64 ? clientAddress.substring(0, 64) : clientAddress;
        audits.save(new SignInAuditRow(null, signIn, staffId, account == null ? null : account.hash(), address, outcome, now));
    }

    private ThrottlePolicy policy(Kind kind) {
        return switch (kind) {
            case STAFF_ACCOUNT, RESET_ACCOUNT -> account;
            case STAFF_ADDRESS -> staffAddress;
            case PARENT_ADDRESS -> parentAddress;
        };
    }

    private static String sha256(String value) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
