package uk.openattendance.security;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import uk.openattendance.platform.problem.CommonProblem;
import uk.openattendance.platform.problem.DomainProblem;

/**
 * The caller of every application-service method: who they are and what they may do in which school. Trust roles are
 * expanded into each of the trust's schools when the actor is resolved, so every check is one map lookup.
 */
@Schema(example = "{\"kind\": \"STAFF\", \"principalId\": 12, \"name\": \"Alys Example\", \"schools\": {\"3\": {\"roleTitle\": \"Office staff\", \"permissions\": [\"SCHOOL_READ\", \"ROLL_READ\", \"ROLL_WRITE\", \"REGISTER_TAKE\", \"REGISTER_AMEND\", \"ATTENDANCE_READ\", \"LETTERS_SEND\"]}}, \"adminOfTrusts\": [], \"platformAdmin\": false}")
public record Actor(Kind kind, long principalId, String name, Map<Long, Access> schools, Set<Long> adminOfTrusts, boolean platformAdmin) {

    public enum Kind {
        STAFF,
        API_CLIENT,
        PARENT,
        // one purpose in one school: see SchoolScope.forJob
        JOB,
        // every permission everywhere: only the demo loader and the day planner (ArchitectureTest names them)
        SYSTEM
    }

    /** A caller's standing in one school; {@code roleTitle} is the position recorded beside changes they make. */
    public record Access(String roleTitle, Set<Permission> permissions) {
        public Access {
            permissions = permissions.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(permissions));
        }
    }

    /**
     * What a platform administrator may do in every school: see it, run its settings and staff, so that the schools it
     * creates can be given their headteacher. Not its pupils, marks or letters: those are for the school's own staff.
     */
    public static final Set<Permission> PLATFORM_ADMIN = Set.of(Permission.SCHOOL_READ, Permission.SCHOOL_ADMIN, Permission.STAFF_ADMIN);

    public Actor {
        schools = Map.copyOf(schools);
        adminOfTrusts = Set.copyOf(adminOfTrusts);
    }

    /**
     * Every permission everywhere, for the demo loader (it creates the trust and its schools) and the scheduler's list of
     * schools to plan. Scheduled work itself runs with {@link SchoolScope#forJob}; ArchitectureTest restricts callers.
     */
    public static Actor bootstrap(String why) {
        return new Actor(Kind.SYSTEM, 0, "system: " + why, Map.of(), Set.of(), true);
    }

    /** The old name of {@link #bootstrap}, kept so branches written before scopes still compile; ArchitectureTest bars it from main code. */
    @Deprecated
    public static Actor system(String why) {
        return bootstrap(why);
    }

    public boolean isSystem() {
        return kind == Kind.SYSTEM;
    }

    public boolean can(Permission permission, long schoolId) {
        if (isSystem() || platformAdmin && PLATFORM_ADMIN.contains(permission)) {
            return true;
        }
        Access access = schools.get(schoolId);
        return access != null && access.permissions().contains(permission);
    }

    /**
     * The one tenancy check. A school the caller has no standing in answers "not found", exactly as a school that does
     * not exist, so a guessed id reveals nothing; a school they belong to but may not act in answers 403. The scope it
     * returns is what every school-scoped application method takes.
     */
    public SchoolScope require(Permission permission, long schoolId, String what, Object id) {
        if (can(permission, schoolId)) {
            return new SchoolScope(schoolId, this, permission, null);
        }
        if (!schools.containsKey(schoolId)) {
            throw CommonProblem.notFound(what, id);
        }
        throw new DomainProblem(SecurityProblem.PERMISSION_DENIED,
                "Your role (" + schools.get(schoolId).roleTitle() + ") does not include " + permission);
    }

    public boolean administersTrust(long trustId) {
        return isSystem() || platformAdmin || adminOfTrusts.contains(trustId);
    }

    /** Name and position, as the law asks to be recorded beside a register amendment. */
    public String describeIn(long schoolId) {
        Access access = schools.get(schoolId);
        return access == null || kind == Kind.JOB ? name : name + " (" + access.roleTitle() + ")";
    }
}
