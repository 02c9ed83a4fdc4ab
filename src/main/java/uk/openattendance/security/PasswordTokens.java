package uk.openattendance.security;

import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import uk.openattendance.platform.problem.DomainProblem;
import uk.openattendance.platform.problem.FieldError;
import uk.openattendance.platform.problem.RetryLater;
import uk.openattendance.security.SignInThrottle.Key;
import uk.openattendance.security.SignInThrottle.Kind;
import uk.openattendance.security.domain.PasswordTokenPurpose;
import uk.openattendance.security.domain.SignInAttempt;
import uk.openattendance.security.persistence.PasswordTokenRepository;
import uk.openattendance.security.persistence.PasswordTokenRow;
import uk.openattendance.security.persistence.StaffRepository;
import uk.openattendance.security.persistence.StaffRow;

/**
 * One-time links that set a staff password: the first administrator's (made by the bootstrap) and password resets.
 * A token is 256 random bits, kept only as its SHA-256, used once, and expires (a reset after an hour). Asking for a
 * reset answers the same whether or not the email has an account, and is throttled per account and per address like
 * sign-in; so is trying tokens that are not right.
 */
@Singleton
public class PasswordTokens {
    public static final Duration RESET_LIFETIME = Duration.ofHours(1);
    public static final Duration FIRST_PASSWORD_LIFETIME = Duration.ofHours(24);
    static final String PAGE = "/account/set-password.html#token=";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final StaffRepository staff;
    private final PasswordTokenRepository tokens;
    private final SignInThrottle throttle;
    private final Optional<PasswordLinkSender> sender;
    private final Clock clock;
    private final String baseUrl;

    public PasswordTokens(StaffRepository staff, PasswordTokenRepository tokens, SignInThrottle throttle, Optional<PasswordLinkSender> sender, Clock clock,
            @Value("${attendance.public-base-url:}") String publicBaseUrl, @Value("${micronaut.server.port:8080}") int port) {
        this.staff = staff;
        this.tokens = tokens;
        this.throttle = throttle;
        this.sender = sender;
        this.clock = clock;
        String base = publicBaseUrl == null || publicBaseUrl.isBlank() ? "http://127.0.0.1:" + port : publicBaseUrl.strip();
        this.baseUrl = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
    }

    /** A new link for this account (earlier unused ones stop working); the caller hands it over. */
    @Transactional
    public String issue(long staffId, String purpose, Duration lifetime) {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        Instant now = clock.instant();
        tokens.retireUnused(staffId, now);
        tokens.save(new PasswordTokenRow(null, staffId, sha256(token), PasswordTokenPurpose.valueOf(purpose), now, now.plus(lifetime), null));
        return baseUrl + PAGE + token;
    }

    /**
     * A staff member asks for a reset link by email. The same answer whatever the email; an account that exists (and
     * has not been removed) is sent a link valid for an hour. Every request counts against the account and the address.
     */
    @Transactional(dontRollbackOn = RetryLater.class)
    public void requestReset(String email, String clientAddress) {
        if (email == null || email.isBlank() || email.length() > 254) {
            throw DomainProblem.field(uk.openattendance.platform.problem.CommonProblem.VALIDATION_FAILED, "email", "your staff email");
        }
        Instant now = clock.instant();
        String normalised = email.strip().toLowerCase(Locale.ROOT);
        Key account = SignInThrottle.key(Kind.RESET_ACCOUNT, normalised);
        Key address = SignInThrottle.key(Kind.STAFF_ADDRESS, clientAddress);
        Optional<StaffRow> person = staff.findByEmail(normalised).filter(s -> s.removedAt() == null);
        long wait = throttle.secondsLocked(now, account, address);
        if (wait == 0) {
            // counted before it is served, so the request past the budget is the first refused
            throttle.failed(now, account, address);
            wait = throttle.secondsLocked(now, account, address);
        }
        if (wait > 0) {
            throttle.audit(SignInAttempt.Door.RESET, person.map(StaffRow::id).orElse(null), account, clientAddress, SignInAttempt.Refusal.LOCKED, now);
            throw new RetryLater(SecurityProblem.TOO_MANY_SIGN_INS, "Too many reset requests for this account or from this address; try again in "
                    + wait + " seconds", wait);
        }
        person.ifPresent(p -> {
            String link = issue(p.id(), "RESET", RESET_LIFETIME);
            sender.ifPresent(s -> s.send(p.email(), p.displayName(), link, RESET_LIFETIME.toMinutes()));
        });
    }

    /**
     * Sets the password of the token's account and uses the token up. A token that is unknown, used or expired is
     * refused (400, naming the field) and counts as a failure against the address, as a wrong password would.
     */
    @Transactional(dontRollbackOn = {RetryLater.class, DomainProblem.class})
    public void setPassword(String token, String password, String clientAddress) {
        if (password == null || password.length() < 12 || password.length() > 200) {
            throw DomainProblem.field(uk.openattendance.platform.problem.CommonProblem.VALIDATION_FAILED, "password", "a password of 12 to 200 characters");
        }
        Instant now = clock.instant();
        Key address = SignInThrottle.key(Kind.STAFF_ADDRESS, clientAddress);
        long wait = throttle.secondsLocked(now, address);
        if (wait > 0) {
            throw new RetryLater(SecurityProblem.TOO_MANY_SIGN_INS, "Too many failed attempts from this address; try again in " + wait + " seconds", wait);
        }
        Optional<PasswordTokenRow> row = token == null || token.isBlank() || token.length() > 100 ? Optional.empty()
                : tokens.findByTokenHashForUpdate(sha256(token.strip()));
        Optional<StaffRow> person = row.filter(r -> r.usedAt() == null && r.expiresAt().isAfter(now))
                .flatMap(r -> staff.findById(r.staffId())).filter(s -> s.removedAt() == null)
                // used up by the statement that checks it is unused, so one link sets one password even without the row lock
                .filter(s -> tokens.use(row.get().id(), now) == 1);
        if (person.isEmpty()) {
            throttle.failed(now, address);
            throttle.audit(SignInAttempt.Door.RESET, row.map(PasswordTokenRow::staffId).orElse(null), null, clientAddress, SignInAttempt.Refusal.BAD_TOKEN,
                    now);
            throw new DomainProblem(SecurityProblem.PASSWORD_LINK_NOT_VALID, "This link is not valid: it was used, it expired, or a newer one was sent. "
                    + "Ask for a new one", List.of(new FieldError("token", "the token of your latest password link, unused and less than its lifetime old")));
        }
        StaffRow p = person.get();
        staff.update(new StaffRow(p.id(), p.email(), p.displayName(), PasswordHasher.hash(password), p.platformAdmin(), p.createdAt(), p.removedAt(),
                p.removedBy()));
        // a locked account is unlocked by proving control of its email
        throttle.succeeded(SignInThrottle.key(Kind.STAFF_ACCOUNT, p.email()));
    }

    static String sha256(String value) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
