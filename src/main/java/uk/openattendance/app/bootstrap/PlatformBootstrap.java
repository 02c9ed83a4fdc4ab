package uk.openattendance.app.bootstrap;

import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.Locale;
import java.util.Optional;
import uk.openattendance.school.app.CreateTrust;
import uk.openattendance.school.app.SchoolService;
import uk.openattendance.security.Actor;
import uk.openattendance.security.ActorResolver;
import uk.openattendance.security.PasswordTokens;
import uk.openattendance.security.StaffService;

/**
 * Production's first start: the first trust and a platform administrator, made once. The administrator is created
 * with a random password nobody knows and gets a one-time link to set their own; the trust is created by that
 * administrator (not by a system caller), so its history says who. Consumed once: the row in platform_bootstrap is
 * written in the same transaction, and its fixed id makes a second replica starting at the same moment roll back.
 */
@Singleton
public class PlatformBootstrap {
    public sealed interface Outcome {}

    /** Made now: the administrator's one-time link to set a password. */
    public record Made(long trustId, long staffId, String passwordLink) implements Outcome {}

    /** Refused: it was consumed before (or the email already has an account); nothing was made. */
    public record Refused(String reason) implements Outcome {}

    private static final SecureRandom RANDOM = new SecureRandom();

    private final StaffService staff;
    private final ActorResolver actors;
    private final SchoolService schools;
    private final PasswordTokens tokens;
    private final BootstrapStore store;
    private final Clock clock;

    PlatformBootstrap(StaffService staff, ActorResolver actors, SchoolService schools, PasswordTokens tokens, BootstrapStore store, Clock clock) {
        this.staff = staff;
        this.actors = actors;
        this.schools = schools;
        this.tokens = tokens;
        this.store = store;
        this.clock = clock;
    }

    @Transactional
    public Outcome run(String adminEmail, String adminName, String trustName) {
        String email = adminEmail.strip().toLowerCase(Locale.ROOT);
        Optional<BootstrapStore.Consumed> before = store.consumed();
        if (before.isPresent()) {
            return new Refused("BOOTSTRAP_* was consumed at " + before.get().at() + " (administrator " + before.get().adminEmail() + ", trust "
                    + before.get().trustId() + "); nothing was made. Remove the BOOTSTRAP_* settings; a lost password is reset with "
                    + "POST /api/v1/auth/password-reset");
        }
        if (staff.emailTaken(email)) {
            return new Refused("BOOTSTRAP_ADMIN_EMAIL " + email + " already has a staff account; nothing was made");
        }
        byte[] unknowable = new byte[32];
        RANDOM.nextBytes(unknowable);
        long staffId = staff.createPlatformAdmin(email, adminName.strip(), Base64.getEncoder().encodeToString(unknowable));
        Actor admin = actors.resolve(ActorResolver.STAFF_PREFIX + staffId);
        long trustId = schools.createTrust(admin, new CreateTrust(trustName.strip())).id();
        store.consume(trustId, staffId, email, clock.instant());
        return new Made(trustId, staffId, tokens.issue(staffId, "FIRST", PasswordTokens.FIRST_PASSWORD_LIFETIME));
    }
}
