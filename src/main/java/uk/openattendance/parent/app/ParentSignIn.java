package uk.openattendance.parent.app;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.token.generator.TokenGenerator;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import uk.openattendance.notify.app.Outbox;
import uk.openattendance.notify.domain.ContactLanguage;
import uk.openattendance.notify.domain.MessagePurpose;
import uk.openattendance.notify.domain.ShippedWording;
import uk.openattendance.notify.domain.Recipients;
import uk.openattendance.parent.persistence.ParentChallengeRepository;
import uk.openattendance.parent.persistence.ParentChallengeRow;
import uk.openattendance.platform.problem.DomainProblem;
import uk.openattendance.platform.secrets.SecretBox;
import uk.openattendance.roll.app.ContactService;
import uk.openattendance.roll.app.ContactView;
import uk.openattendance.roll.domain.Channel;
import uk.openattendance.roll.domain.MobileNumber;
import uk.openattendance.security.Purpose;
import uk.openattendance.security.SchoolScope;

/**
 * A parent proves who they are with a one-time code sent to the mobile or email the school holds for them, and gets a
 * token that reaches only their own children. The answer to "send me a code" is the same whether or not the number is
 * known, so the form cannot be used to find out who is a parent at a school.
 */
@Singleton
public class ParentSignIn {
    public static final String PRINCIPAL_PREFIX = "parent:";
    static final Duration CODE_LIFETIME = Duration.ofMinutes(10);
    static final int MAX_GUESSES = 5;
    static final int MAX_CODES_PER_HOUR = 5;
    static final int TOKEN_SECONDS = 3600;

    private final ParentChallengeRepository challenges;
    private final ContactService contacts;
    private final Outbox outbox;
    private final TokenGenerator tokens;
    private final Clock clock;
    private final SecretBox secrets;
    private final SecureRandom random = new SecureRandom();

    public ParentSignIn(ParentChallengeRepository challenges, ContactService contacts, Outbox outbox, TokenGenerator tokens, Clock clock, SecretBox secrets) {
        this.secrets = secrets;
        this.challenges = challenges;
        this.contacts = contacts;
        this.outbox = outbox;
        this.tokens = tokens;
        this.clock = clock;
    }

    /**
     * The mobile or the email the school holds for the parent; one of the two. {@code language} (optional): the language
     * the parent is reading the form in (en, pl, ur, ro or cy), for the code's text or email; without it the contact's
     * own language is used. It is not saved to the contact.
     */
    @Schema(example = "{\"mobile\": \"07700 900123\", \"language\": \"pl\"}")
    public record StartSignIn(@Nullable String mobile, @Nullable String email, @Nullable String language) {}

    @Schema(example = "{\"challenge\": \"ch_9d2f61b0c4e8\", \"expiresAt\": \"2026-11-23T10:15:00Z\", \"sentTo\": \"mobile ending 123\"}")
    public record Challenge(String challenge, Instant expiresAt, String sentTo) {}

    @Schema(example = "{\"challenge\": \"ch_9d2f61b0c4e8\", \"code\": \"482913\"}")
    public record Verify(String challenge, String code) {}

    @Schema(example = "{\"accessToken\": \"eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJwYXJlbnQ6NDIifQ.c2lnbmF0dXJl\", \"tokenType\": \"Bearer\", \"expiresIn\": 3600, \"name\": \"Rhys Codekeeper\"}")
    public record SignedIn(String accessToken, String tokenType, int expiresIn, String name) {}

    @Transactional
    public Challenge start(long schoolId, StartSignIn command) {
        Instant now = clock.instant();
        // nobody is signed in yet: finding the family and texting the code is all this scope may do, in this school
        SchoolScope scope = SchoolScope.forJob(Purpose.PARENT_SIGN_IN, schoolId);
        String token = HexFormat.of().formatHex(randomBytes(16));
        // checked before the contact is looked for, so a wrong language is refused alike for known and unknown numbers
        String language = formLanguage(command);
        Optional<ContactView> contact = find(scope, command);
        String code = String.format("%06d", random.nextInt(1_000_000));
        Instant expires = now.plus(CODE_LIFETIME);
        String masked = mask(command);
        if (contact.isEmpty()) {
            // nothing is sent, but the caller cannot tell: a code that no one received never verifies
            challenges.save(new ParentChallengeRow(null, token, schoolId, null, hash(token, code), expires, 0, null, now));
            return new Challenge(token, expires, masked);
        }
        ContactView c = contact.get();
        if (challenges.countByContactIdAndCreatedAtGreaterThanEquals(c.contactId(), now.minus(Duration.ofHours(1))) >= MAX_CODES_PER_HOUR) {
            throw new DomainProblem(ParentProblem.TOO_MANY_CODES, "Five codes were sent in the last hour; the next can be asked for later");
        }
        challenges.save(new ParentChallengeRow(null, token, schoolId, c.contactId(), hash(token, code), expires, 0, null, now));
        Recipients.Target to = command.email() != null && !command.email().isBlank() ? new Recipients.Target(c.contactId(), Channel.EMAIL, c.email())
                : new Recipients.Target(c.contactId(), Channel.SMS, c.mobile());
        // the code itself goes into the outbox only sealed, and is wiped when it expires (Outbox.enqueueSecret)
        outbox.enqueueSecret(scope, new Outbox.Request(schoolId, MessagePurpose.ONE_TIME_CODE, "challenge " + token, Outbox.URGENT,
                new Recipients.Plan(to, List.of()), Map.of("code", code), List.of(), null), expires, language);
        return new Challenge(token, expires, masked);
    }

    @Transactional(dontRollbackOn = DomainProblem.class)
    public SignedIn verify(long schoolId, Verify command) {
        Instant now = clock.instant();
        if (command == null || command.challenge() == null || command.code() == null) {
            throw DomainProblem.field(ParentProblem.SIGN_IN_NOT_VALID, command != null && command.code() != null ? "challenge" : "code",
                    "the challenge you were given and the 6-digit code sent to you");
        }
        SchoolScope scope = SchoolScope.forJob(Purpose.PARENT_SIGN_IN, schoolId);
        ParentChallengeRow row = challenges.findByToken(command.challenge()).filter(r -> scope.owns(r.schoolId()))
                .orElseThrow(() -> new DomainProblem(ParentProblem.CODE_NOT_VALID, "Ask for a new code"));
        if (row.usedAt() != null || row.expiresAt().isBefore(now) || row.attempts() >= MAX_GUESSES) {
            throw new DomainProblem(ParentProblem.CODE_NOT_VALID, "This code has expired, was used, or had too many wrong tries; ask for a new one");
        }
        if (row.contactId() == null || !MessageDigest.isEqual(row.codeHash().getBytes(StandardCharsets.US_ASCII),
                hash(row.token(), command.code().strip()).getBytes(StandardCharsets.US_ASCII))) {
            challenges.wrongGuess(row.id());
            throw new DomainProblem(ParentProblem.CODE_NOT_VALID, "That code is not right (" + (MAX_GUESSES - row.attempts() - 1) + " tries left)");
        }
        if (challenges.use(row.id(), now) != 1) {
            throw new DomainProblem(ParentProblem.CODE_NOT_VALID, "This code was already used; ask for a new one");
        }
        ContactView c = contacts.linksOfContact(scope, row.contactId()).stream().findFirst()
                .orElseThrow(() -> new DomainProblem(ParentProblem.CODE_NOT_VALID, "Your contact record has changed; call the school office"));
        String jwt = tokens.generateToken(Authentication.build(PRINCIPAL_PREFIX + row.contactId(), List.of("PARENT"), Map.of("schoolId", schoolId)),
                TOKEN_SECONDS).orElseThrow();
        return new SignedIn(jwt, "Bearer", TOKEN_SECONDS, c.name());
    }

    /** The form's language as one we ship wording in ("pl-PL" is Polish), null when not given; anything else is refused. */
    static String formLanguage(StartSignIn command) {
        if (command == null || command.language() == null) {
            return null;
        }
        List<String> shipped = new java.util.ArrayList<>(List.of(ContactLanguage.ENGLISH));
        shipped.addAll(ShippedWording.LANGUAGES);
        return ContactLanguage.tag(command.language()).map(t -> t.split("-")[0]).filter(shipped::contains)
                .orElseThrow(() -> DomainProblem.field(ParentProblem.SIGN_IN_NOT_VALID, "language",
                        "one of the languages the forms are written in: " + String.join(", ", shipped)));
    }

    private Optional<ContactView> find(SchoolScope scope, StartSignIn command) {
        if (command == null || ((command.mobile() == null || command.mobile().isBlank()) && (command.email() == null || command.email().isBlank()))) {
            throw DomainProblem.field(ParentProblem.SIGN_IN_NOT_VALID, "mobile", "the mobile number (or email) the school holds for you");
        }
        List<ContactView> found;
        if (command.mobile() != null && !command.mobile().isBlank()) {
            String e164 = MobileNumber.toE164(command.mobile()).orElseThrow(() -> DomainProblem.field(ParentProblem.SIGN_IN_NOT_VALID, "mobile", MobileNumber.refusal(command.mobile())));
            found = contacts.contactsWithMobile(scope, e164);
        } else {
            String email = command.email().strip();
            if (email.length() > 254 || !email.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")) {
                throw DomainProblem.field(ParentProblem.SIGN_IN_NOT_VALID, "email", "an email address");
            }
            found = contacts.contactsWithEmail(scope, email);
            if (found.isEmpty()) {
                found = contacts.contactsWithEmail(scope, email.toLowerCase(Locale.ROOT));
            }
        }
        // only people with parental responsibility, and never someone under a no-contact order
        return found.stream().filter(c -> c.parentalResponsibility() && !c.noContact()).findFirst();
    }

    private static String mask(StartSignIn command) {
        if (command.mobile() != null && !command.mobile().isBlank()) {
            String digits = command.mobile().replaceAll("\\D", "");
            return "mobile ending " + (digits.length() >= 3 ? digits.substring(digits.length() - 3) : digits);
        }
        String email = command.email().strip();
        int at = email.indexOf('@');
        return at <= 1 ? "your email" : email.charAt(0) + "…" + email.substring(at);
    }

    private byte[] randomBytes(int n) {
        byte[] b = new byte[n];
        random.nextBytes(b);
        return b;
    }

    /**
     * Only this keyed hash of the code is kept (HMAC under a key derived from SECRETS_KEY, not in the database): with a
     * plain hash, a reader of parent_challenge could try all 10^6 codes against a row in a moment.
     */
    private String hash(String token, String code) {
        return secrets.keyedHash("parent one-time code", token, code);
    }
}
