package uk.openattendance.security;

import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import java.time.Clock;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;
import uk.openattendance.platform.problem.CommonProblem;
import uk.openattendance.platform.problem.DomainProblem;
import uk.openattendance.security.persistence.ApiClientRepository;
import uk.openattendance.security.persistence.ApiClientRow;
import uk.openattendance.security.persistence.StaffRepository;
import uk.openattendance.security.persistence.StaffRoleRepository;
import uk.openattendance.security.persistence.StaffRoleRow;
import uk.openattendance.security.persistence.StaffRow;

/** Staff accounts, their roles, API clients, and checking a login. */
@Singleton
public class StaffService {
    private final StaffRepository staff;
    private final StaffRoleRepository roles;
    private final ApiClientRepository clients;
    private final Clock clock;

    public StaffService(StaffRepository staff, StaffRoleRepository roles, ApiClientRepository clients, Clock clock) {
        this.staff = staff;
        this.roles = roles;
        this.clients = clients;
        this.clock = clock;
    }

    @Transactional
    public StaffView createStaff(Actor actor, @Valid CreateStaff command) {
        requireScope(actor, command.role() == Role.TRUST_ADMIN, command.schoolId(), command.trustId());
        refuseOtherScope(command.role() == Role.TRUST_ADMIN, command.schoolId(), command.trustId());
        String email = command.email().strip().toLowerCase(Locale.ROOT);
        if (staff.findByEmail(email).isPresent()) {
            throw DomainProblem.field(SecurityProblem.EMAIL_TAKEN, "email", "an email no other staff account uses");
        }
        StaffRow row = staff.save(new StaffRow(null, email, command.displayName().strip(), PasswordHasher.hash(command.password()), false, clock.instant()));
        roles.save(new StaffRoleRow(null, row.id(), command.role() == Role.TRUST_ADMIN ? null : command.schoolId(),
                command.role() == Role.TRUST_ADMIN ? command.trustId() : null, command.role().name()));
        return new StaffView(row.id(), email, row.displayName(), command.role(), command.schoolId(), command.trustId());
    }

    @Transactional
    public ApiClientCreated createApiClient(Actor actor, @Valid CreateApiClient command) {
        requireScope(actor, command.trustId() != null, command.schoolId(), command.trustId());
        refuseOtherScope(command.trustId() != null, command.schoolId(), command.trustId());
        String key = ApiKeys.generate();
        String prefix = ApiKeys.parse(key).orElseThrow().prefix();
        String scopes = command.scopes().stream().map(Enum::name).sorted().collect(Collectors.joining(","));
        ApiClientRow row = clients.save(new ApiClientRow(null, command.name().strip(), prefix, ApiKeys.hash(key),
                command.trustId() != null ? null : command.schoolId(), command.trustId(), scopes, clock.instant(), null));
        return new ApiClientCreated(row.id(), row.name(), row.schoolId(), row.trustId(), command.scopes(), key);
    }

    /** The principal for a correct email and password; the same empty answer whether the email or the password was wrong. */
    public Optional<String> login(String email, String password) {
        if (email == null || password == null) {
            return Optional.empty();
        }
        return staff.findByEmail(email.strip().toLowerCase(Locale.ROOT))
                .filter(s -> PasswordHasher.matches(password, s.passwordHash()))
                .map(s -> ActorResolver.STAFF_PREFIX + s.id());
    }

    public Optional<String> authenticateApiKey(String key) {
        return ApiKeys.parse(key)
                .flatMap(p -> clients.findByKeyPrefix(p.prefix()))
                .filter(c -> c.revokedAt() == null && java.security.MessageDigest.isEqual(c.keyHash().getBytes(), ApiKeys.hash(key).getBytes()))
                .map(c -> ActorResolver.CLIENT_PREFIX + c.id());
    }

    /** Platform bootstrap and the demo loader create the first administrator without a caller. */
    @Transactional
    public long createPlatformAdmin(String email, String displayName, String password) {
        return staff.save(new StaffRow(null, email.toLowerCase(Locale.ROOT), displayName, PasswordHasher.hash(password), true, clock.instant())).id();
    }

    private static void requireScope(Actor actor, boolean trustWide, Long schoolId, Long trustId) {
        if (trustWide) {
            if (trustId == null) {
                throw DomainProblem.field(CommonProblem.VALIDATION_FAILED, "trustId", "the trust this role or key covers");
            }
            if (!actor.administersTrust(trustId)) {
                throw CommonProblem.notFound("Trust", trustId);
            }
        } else {
            if (schoolId == null) {
                throw DomainProblem.field(CommonProblem.VALIDATION_FAILED, "schoolId", "the school this role or key covers");
            }
            actor.require(Permission.STAFF_ADMIN, schoolId, "School", schoolId);
        }
    }

    /** A role or key covers a school or a trust, never both: the id it does not use is refused, not silently kept or echoed. */
    private static void refuseOtherScope(boolean trustWide, Long schoolId, Long trustId) {
        if (trustWide && schoolId != null) {
            throw DomainProblem.field(CommonProblem.VALIDATION_FAILED, "schoolId", "none: a trust-wide role or key covers every school of trust " + trustId);
        }
        if (!trustWide && trustId != null) {
            throw DomainProblem.field(CommonProblem.VALIDATION_FAILED, "trustId", "none: this role or key covers one school, " + schoolId);
        }
    }
}
