package uk.openattendance.security;

import jakarta.inject.Singleton;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import uk.openattendance.platform.problem.CommonProblem;
import uk.openattendance.platform.problem.DomainProblem;
import uk.openattendance.school.app.SchoolService;
import uk.openattendance.security.persistence.ApiClientRepository;
import uk.openattendance.security.persistence.ApiClientRow;
import uk.openattendance.security.persistence.StaffRepository;
import uk.openattendance.security.persistence.StaffRoleRepository;
import uk.openattendance.security.persistence.StaffRoleRow;
import uk.openattendance.security.persistence.StaffRow;

/**
 * Builds the {@link Actor} for an authenticated principal from the database. A removed staff account is refused at its
 * very next request on every replica: one primary-key read per request asks whether the account still stands (a
 * revoked API key is refused earlier, when its key is looked up). What the account may do is reused for
 * {@link #KEEP_NANOS} (five seconds), which saves the role and trust queries on every request of a register-taking
 * morning; a role change takes effect within that.
 */
@Singleton
public class ActorResolver {
    public static final String STAFF_PREFIX = "staff:";
    public static final String CLIENT_PREFIX = "client:";
    public static final String PARENT_PREFIX = "parent:";

    private final StaffRepository staff;
    private final StaffRoleRepository roles;
    private final ApiClientRepository clients;
    private final SchoolService schools;

    public ActorResolver(StaffRepository staff, StaffRoleRepository roles, ApiClientRepository clients, SchoolService schools) {
        this.staff = staff;
        this.roles = roles;
        this.clients = clients;
        this.schools = schools;
    }

    static final long KEEP_NANOS = java.time.Duration.ofSeconds(5).toNanos();

    private record Cached(Actor actor, long readAtNanos) {}

    private final java.util.concurrent.ConcurrentHashMap<String, Cached> recent = new java.util.concurrent.ConcurrentHashMap<>();

    public Actor resolve(String principal) {
        Cached cached = principal == null ? null : recent.get(principal);
        if (cached != null && System.nanoTime() - cached.readAtNanos() < KEEP_NANOS) {
            if (cached.actor().kind() == Actor.Kind.STAFF && !staff.existsByIdAndRemovedAtIsNull(cached.actor().principalId())) {
                recent.remove(principal);
                throw removed();
            }
            return cached.actor();
        }
        long readAt = System.nanoTime();
        Actor actor = load(principal);
        if (recent.size() > 10_000) {
            recent.clear();
        }
        recent.put(principal, new Cached(actor, readAt));
        return actor;
    }

    /** Drops what this replica remembers of a principal (others check the database on every request anyway). */
    public void forget(String principal) {
        recent.remove(principal);
    }

    private static DomainProblem removed() {
        return new DomainProblem(CommonProblem.NOT_AUTHENTICATED, "This account has been removed");
    }

    /** A new school changes what every trust-wide role reaches; such events are rare, so everyone is re-read. */
    @io.micronaut.runtime.event.annotation.EventListener
    void onSchoolChange(uk.openattendance.school.app.SchoolSettingsChanged event) {
        recent.clear();
    }

    private Actor load(String principal) {
        if (principal != null && principal.startsWith(STAFF_PREFIX)) {
            return staffActor(Long.parseLong(principal.substring(STAFF_PREFIX.length())));
        }
        if (principal != null && principal.startsWith(CLIENT_PREFIX)) {
            return clientActor(Long.parseLong(principal.substring(CLIENT_PREFIX.length())));
        }
        if (principal != null && principal.startsWith(PARENT_PREFIX)) {
            // a parent holds no staff permission anywhere; what they may see is checked against their children on each call
            return new Actor(Actor.Kind.PARENT, Long.parseLong(principal.substring(PARENT_PREFIX.length())), "Parent", Map.of(), Set.of(), false);
        }
        throw new DomainProblem(CommonProblem.NOT_AUTHENTICATED, "Sign in as staff or use an API key");
    }

    private Actor staffActor(long staffId) {
        StaffRow person = staff.findById(staffId).filter(s -> s.removedAt() == null).orElseThrow(ActorResolver::removed);
        Map<Long, Actor.Access> access = new HashMap<>();
        Set<Long> trusts = new HashSet<>();
        for (StaffRoleRow grant : roles.findByStaffId(staffId)) {
            Role role = Role.valueOf(grant.role());
            if (grant.trustId() != null) {
                trusts.add(grant.trustId());
                schools.schoolIdsInTrust(grant.trustId()).forEach(id -> access.merge(id, new Actor.Access(role.title(), role.permissions()), ActorResolver::widest));
            }
            if (grant.schoolId() != null) {
                access.merge(grant.schoolId(), new Actor.Access(role.title(), role.permissions()), ActorResolver::widest);
            }
        }
        return new Actor(Actor.Kind.STAFF, staffId, person.displayName(), access, trusts, person.platformAdmin());
    }

    private Actor clientActor(long clientId) {
        ApiClientRow client = clients.findById(clientId).filter(c -> c.revokedAt() == null)
                .orElseThrow(() -> new DomainProblem(CommonProblem.NOT_AUTHENTICATED, "This API key has been revoked"));
        Set<Permission> scopes = scopes(client.scopes());
        List<Long> schoolIds = client.trustId() != null ? schools.schoolIdsInTrust(client.trustId()) : List.of(client.schoolId());
        Map<Long, Actor.Access> access = new HashMap<>();
        schoolIds.forEach(id -> access.put(id, new Actor.Access("API client", scopes)));
        return new Actor(Actor.Kind.API_CLIENT, clientId, "API client " + client.name(), access, Set.of(), false);
    }

    static Set<Permission> scopes(String stored) {
        EnumSet<Permission> set = EnumSet.noneOf(Permission.class);
        Arrays.stream(stored.split(",")).map(String::strip).filter(s -> !s.isEmpty()).map(Permission::valueOf).forEach(set::add);
        return set;
    }

    private static Actor.Access widest(Actor.Access a, Actor.Access b) {
        EnumSet<Permission> all = EnumSet.noneOf(Permission.class);
        all.addAll(a.permissions());
        all.addAll(b.permissions());
        String title = a.permissions().size() >= b.permissions().size() ? a.roleTitle() : b.roleTitle();
        return new Actor.Access(title, all);
    }
}
