package uk.openattendance.security;

import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import uk.openattendance.platform.problem.DomainProblem;
import uk.openattendance.platform.problem.FieldError;
import uk.openattendance.platform.problem.RetryLater;
import uk.openattendance.security.SignInThrottle.Key;
import uk.openattendance.security.SignInThrottle.Kind;
import uk.openattendance.security.domain.SignInAttempt;
import uk.openattendance.security.persistence.StaffRepository;
import uk.openattendance.security.persistence.StaffRow;

/**
 * Checks a staff email and password. Guessing is throttled per account and per client address; an account that does
 * not exist costs the same password hashing as one that does and is locked the same way, so neither the answer nor its
 * timing tells a caller which emails have accounts. Every refusal is audited.
 */
@Singleton
public class StaffSignIn {
    /** A hash of nobody's password, so an unknown email costs the same PBKDF2 work as a known one. */
    private static final String NOBODYS_HASH = PasswordHasher.hash("no account has this password " + System.nanoTime());

    private final StaffRepository staff;
    private final SignInThrottle throttle;
    private final Clock clock;

    public StaffSignIn(StaffRepository staff, SignInThrottle throttle, Clock clock) {
        this.staff = staff;
        this.throttle = throttle;
        this.clock = clock;
    }

    /** The principal for a right email and password; refused with 401 (wrong) or 429 with Retry-After (locked). */
    public String signIn(String email, String password, String clientAddress) {
        if (email == null || email.isBlank() || password == null) {
            throw new DomainProblem(SecurityProblem.SIGN_IN_FAILED, "Send your email as username and your password",
                    java.util.List.of(new FieldError(email == null || email.isBlank() ? "username" : "password", "your staff email and password")));
        }
        Instant now = clock.instant();
        String normalised = email.strip().toLowerCase(Locale.ROOT);
        Key account = SignInThrottle.key(Kind.STAFF_ACCOUNT, normalised);
        Key address = SignInThrottle.key(Kind.STAFF_ADDRESS, clientAddress);
        Optional<StaffRow> person = normalised.length() > 254 ? Optional.empty() : staff.findByEmail(normalised).filter(s -> s.removedAt() == null);
        Long staffId = person.map(StaffRow::id).orElse(null);
        long wait = throttle.secondsLocked(now, account, address);
        if (wait > 0) {
            throttle.audit(SignInAttempt.Door.STAFF, staffId, account, clientAddress, SignInAttempt.Refusal.LOCKED, now);
            throw new RetryLater(SecurityProblem.TOO_MANY_SIGN_INS, "Too many failed sign-ins for this account or from this address; try again in "
                    + wait + " seconds", wait);
        }
        boolean matches = PasswordHasher.matches(password, person.map(StaffRow::passwordHash).orElse(NOBODYS_HASH));
        if (person.isPresent() && matches) {
            throttle.succeeded(account);
            return ActorResolver.STAFF_PREFIX + staffId;
        }
        throttle.failed(now, account, address);
        throttle.audit(SignInAttempt.Door.STAFF, staffId, account, clientAddress,
                person.isPresent() ? SignInAttempt.Refusal.WRONG_PASSWORD : SignInAttempt.Refusal.UNKNOWN_ACCOUNT, now);
        throw new DomainProblem(SecurityProblem.SIGN_IN_FAILED, "The email or password is not right");
    }
}
