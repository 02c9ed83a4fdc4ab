package uk.openattendance.security;

import java.util.Map;
import java.util.Set;
import uk.openattendance.platform.problem.CommonProblem;

/**
 * Proof that a check passed for one school: only {@link Actor#require} (a caller's permission) and {@link #forJob}
 * (one purpose of scheduled or unauthenticated work) make one. Application methods that reach a school's rows take
 * this, not a bare school id, so a school-scoped operation cannot be reached without the check.
 */
public final class SchoolScope {
    private final long schoolId;
    private final Actor actor;
    private final Permission permission;
    private final Purpose purpose;

    SchoolScope(long schoolId, Actor actor, Permission permission, Purpose purpose) {
        this.schoolId = schoolId;
        this.actor = actor;
        this.permission = permission;
        this.purpose = purpose;
    }

    /**
     * Work that no signed-in caller asked for (a scheduled job, an inbound webhook, a step before sign-in) in one school,
     * with only its purpose's permissions. ArchitectureTest names the entry points allowed to call this.
     */
    public static SchoolScope forJob(Purpose purpose, long schoolId) {
        Actor job = new Actor(Actor.Kind.JOB, 0, "System: " + purpose.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' '),
                Map.of(schoolId, new Actor.Access("Scheduled job", purpose.permissions())), Set.of(), false);
        return new SchoolScope(schoolId, job, null, purpose);
    }

    public long schoolId() {
        return schoolId;
    }

    /** Who acts: the signed-in caller, or the job's own actor (one school, its purpose's permissions). */
    public Actor actor() {
        return actor;
    }

    /** The permission the caller was checked for; null for a job. */
    public Permission permission() {
        return permission;
    }

    /** The job's purpose; null for a signed-in caller. */
    public Purpose purpose() {
        return purpose;
    }

    public boolean isJob() {
        return purpose != null;
    }

    /** Name and position, as recorded beside a change. */
    public String describe() {
        return actor.describeIn(schoolId);
    }

    /** A further permission in the same school (e.g. an operation that also writes letters). */
    public SchoolScope require(Permission other) {
        return actor.require(other, schoolId, "School", schoolId);
    }

    public boolean owns(long rowSchoolId) {
        return rowSchoolId == schoolId;
    }

    /** A row of another school answers "not found", exactly as one that does not exist. */
    public void check(long rowSchoolId, String what, Object id) {
        if (rowSchoolId != schoolId) {
            throw CommonProblem.notFound(what, id);
        }
    }

    @Override
    public String toString() {
        return "SchoolScope[school " + schoolId + ", " + (purpose != null ? "job " + purpose : permission) + ", " + actor.name() + "]";
    }
}
