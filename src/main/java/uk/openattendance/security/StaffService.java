package uk.openattendance.security;

import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import java.time.Clock;
import java.util.List;
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
        StaffRow row = staff.save(new StaffRow(null, email, command.displayName().strip(), PasswordHasher.hash(command.password()), false, clock.instant(), null, null));
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
                command.trustId() != null ? null : command.schoolId(), command.trustId(), scopes, clock.instant(), null, null));
        return new ApiClientCreated(row.id(), row.name(), row.schoolId(), row.trustId(), command.scopes(), key);
    }

    public Optional<String> authenticateApiKey(String key) {
        return ApiKeys.parse(key)
                .flatMap(p -> clients.findByKeyPrefix(p.prefix()))
                .filter(c -> c.revokedAt() == null && java.security.MessageDigest.isEqual(c.keyHash().getBytes(), ApiKeys.hash(key).getBytes()))
                .map(c -> ActorResolver.CLIENT_PREFIX + c.id());
    }

    /**
     * Removes a staff account: it can no longer sign in and its tokens are refused at once. The row stays (marked
     * removed, with who removed it and when) so registers and history keep the name. Only someone who administers
     * staff in every school the account has a role in (or its trust) may do it; anyone else is told it was not found.
     */
    @Transactional
    public void removeStaff(Actor actor, long staffId) {
        StaffRow person = staff.findById(staffId).filter(s -> s.removedAt() == null).orElseThrow(() -> CommonProblem.notFound("Staff", staffId));
        List<StaffRoleRow> grants = roles.findByStaffId(staffId);
        if ((person.platformAdmin() || grants.isEmpty()) && !actor.platformAdmin()) {
            throw CommonProblem.notFound("Staff", staffId);
        }
        for (StaffRoleRow grant : grants) {
            if (grant.trustId() != null) {
                if (!actor.administersTrust(grant.trustId())) {
                    throw CommonProblem.notFound("Staff", staffId);
                }
            } else {
                actor.require(Permission.STAFF_ADMIN, grant.schoolId(), "Staff", staffId);
            }
        }
        if (actor.kind() == Actor.Kind.STAFF && actor.principalId() == staffId) {
            throw new DomainProblem(SecurityProblem.CANNOT_REMOVE_SELF, "Ask another administrator to remove your account");
        }
        staff.update(new StaffRow(person.id(), person.email(), person.displayName(), person.passwordHash(), person.platformAdmin(), person.createdAt(),
                clock.instant(), principal(actor)));
    }

    /** Revokes an integrator's key: refused from its very next request on every replica; the row keeps who revoked it and when. */
    @Transactional
    public void revokeApiClient(Actor actor, long clientId) {
        ApiClientRow c = clients.findById(clientId).filter(r -> r.revokedAt() == null).orElseThrow(() -> CommonProblem.notFound("API client", clientId));
        if (c.trustId() != null) {
            if (!actor.administersTrust(c.trustId())) {
                throw CommonProblem.notFound("API client", clientId);
            }
        } else {
            actor.require(Permission.STAFF_ADMIN, c.schoolId(), "API client", clientId);
        }
        clients.update(new ApiClientRow(c.id(), c.name(), c.keyPrefix(), c.keyHash(), c.schoolId(), c.trustId(), c.scopes(), c.createdAt(),
                clock.instant(), principal(actor)));
    }

    /** Whether a principal is a platform administrator now (not when their token was made). */
    public boolean isPlatformAdmin(String principal) {
        if (principal == null || !principal.startsWith(ActorResolver.STAFF_PREFIX)) {
            return false;
        }
        try {
            long id = Long.parseLong(principal.substring(ActorResolver.STAFF_PREFIX.length()));
            return staff.findById(id).filter(s -> s.removedAt() == null).map(StaffRow::platformAdmin).orElse(false);
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static String principal(Actor actor) {
        return switch (actor.kind()) {
            case STAFF -> ActorResolver.STAFF_PREFIX + actor.principalId();
            case API_CLIENT -> ActorResolver.CLIENT_PREFIX + actor.principalId();
            default -> actor.name().length() > 64 ? actor.name().substring(0, 64) : actor.name();
        };
    }

    /** Whether an account (even a removed one) already has this email: the bootstrap makes nothing over an existing account. */
    public boolean emailTaken(String email) {
        return staff.findByEmail(email.strip().toLowerCase(Locale.ROOT)).isPresent();
    }

    /** Platform bootstrap and the demo loader create the first administrator without a caller. */
    @Transactional
    public long createPlatformAdmin(String email, String displayName, String password) {
        return staff.save(new StaffRow(null, email.toLowerCase(Locale.ROOT), displayName, PasswordHasher.hash(password), true, clock.instant(), null, null)).id();
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
