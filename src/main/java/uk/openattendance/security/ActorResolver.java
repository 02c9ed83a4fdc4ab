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
import uk.openattendance.security.persistence.ApiClientRepository;
import uk.openattendance.security.persistence.ApiClientRow;
import uk.openattendance.security.persistence.StaffAccessStore;

/**
 * Builds the {@link Actor} for an authenticated principal from the database, afresh on every request and on every
 * replica: a removed account, a revoked key, a role taken away or a school added to a trust counts from the very next
 * request, wherever the change was made (issue 14). Nothing is kept between requests: the account and its roles are one
 * read ({@link StaffAccessStore}), as the removal check alone was when roles were kept, plus one indexed read of a
 * trust's schools for a trust-wide role; a kept copy would still need a read per request to know it is current
 * (StaffAccessIT and TwoReplicasAgreeIT print the figures).
 */
@Singleton
public class ActorResolver {
    public static final String STAFF_PREFIX = "staff:";
    public static final String CLIENT_PREFIX = "client:";
    public static final String PARENT_PREFIX = "parent:";

    private final StaffAccessStore access;
    private final ApiClientRepository clients;
    private final TrustSchools schools;

    public ActorResolver(StaffAccessStore access, ApiClientRepository clients, TrustSchools schools) {
        this.access = access;
        this.clients = clients;
        this.schools = schools;
    }

    public Actor resolve(String principal) {
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

    private static DomainProblem removed() {
        return new DomainProblem(CommonProblem.NOT_AUTHENTICATED, "This account has been removed");
    }

    private Actor staffActor(long staffId) {
        StaffAccessStore.Standing person = access.standing(staffId).orElseThrow(ActorResolver::removed);
        Map<Long, Actor.Access> schoolAccess = new HashMap<>();
        Set<Long> trusts = new HashSet<>();
        for (StaffAccessStore.Grant grant : person.grants()) {
            Role role = Role.valueOf(grant.role());
            if (grant.trustId() != null) {
                trusts.add(grant.trustId());
                schools.schoolIdsInTrust(grant.trustId()).forEach(id -> schoolAccess.merge(id, new Actor.Access(role.title(), role.permissions()),
                        ActorResolver::widest));
            }
            if (grant.schoolId() != null) {
                schoolAccess.merge(grant.schoolId(), new Actor.Access(role.title(), role.permissions()), ActorResolver::widest);
            }
        }
        return new Actor(Actor.Kind.STAFF, staffId, person.displayName(), schoolAccess, trusts, person.platformAdmin());
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
