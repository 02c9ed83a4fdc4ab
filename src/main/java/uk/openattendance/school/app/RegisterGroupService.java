package uk.openattendance.school.app;

import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import uk.openattendance.platform.cache.CacheVersions;
import uk.openattendance.platform.problem.CommonProblem;
import uk.openattendance.platform.problem.DomainProblem;
import uk.openattendance.platform.problem.FieldError;
import uk.openattendance.school.domain.RegisterGroupTimings;
import uk.openattendance.school.domain.SessionTiming;
import uk.openattendance.school.domain.TimingValidator;
import uk.openattendance.school.persistence.RegisterGroupRepository;
import uk.openattendance.school.persistence.RegisterGroupRow;
import uk.openattendance.security.Actor;
import uk.openattendance.security.Permission;
import uk.openattendance.security.SchoolScope;

/** Register groups and their session times; every change is checked school-wide against the law's limits. */
@Singleton
public class RegisterGroupService {
    private final CacheVersions versions;
    private final RegisterGroupRepository groups;

    public RegisterGroupService(RegisterGroupRepository groups, CacheVersions versions) {
        this.versions = versions;
        this.groups = groups;
    }

    public List<RegisterGroupView> registerGroups(Actor actor, long schoolId) {
        return registerGroups(actor.require(Permission.SCHOOL_READ, schoolId, "School", schoolId));
    }

    public List<RegisterGroupView> registerGroups(SchoolScope scope) {
        return groups.findBySchoolIdOrderBySortOrder(scope.schoolId()).stream().map(SchoolMapper::view).toList();
    }

    /** Batch lookup for GraphQL: groups of schools the caller may not read are left out. */
    public List<RegisterGroupView> registerGroupsOfSchools(Actor actor, Collection<Long> schoolIds) {
        List<Long> allowed = schoolIds.stream().filter(id -> actor.can(Permission.SCHOOL_READ, id)).toList();
        return allowed.isEmpty() ? List.of() : groups.findBySchoolIdInOrderBySortOrder(allowed).stream().map(SchoolMapper::view).toList();
    }

    public List<RegisterGroupView> registerGroupsByIds(Actor actor, Collection<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return groups.findByIdIn(ids).stream().filter(g -> actor.can(Permission.SCHOOL_READ, g.schoolId())).map(SchoolMapper::view).toList();
    }

    public RegisterGroupView registerGroup(Actor actor, long schoolId, long groupId) {
        SchoolScope scope = actor.require(Permission.SCHOOL_READ, schoolId, "School", schoolId);
        return groups.findById(groupId).filter(g -> scope.owns(g.schoolId())).map(SchoolMapper::view)
                .orElseThrow(() -> CommonProblem.notFound("Register group", groupId));
    }

    @Transactional
    public RegisterGroupView create(Actor actor, long schoolId, @Valid RegisterGroupCommand command) {
        actor.require(Permission.SCHOOL_ADMIN, schoolId, "School", schoolId);
        List<RegisterGroupRow> existing = groups.findBySchoolIdOrderBySortOrder(schoolId);
        if (existing.stream().anyMatch(g -> g.name().equalsIgnoreCase(command.name().strip()))) {
            throw DomainProblem.field(CommonProblem.CONFLICT, "name", "a name no other register group of this school uses");
        }
        List<RegisterGroupTimings> proposed = new ArrayList<>(existing.stream().map(SchoolMapper::timings).toList());
        RegisterGroupTimings timings = timings(command);
        proposed.add(timings);
        check(proposed);
        int sort = existing.stream().mapToInt(RegisterGroupRow::sortOrder).max().orElse(-1) + 1;
        versions.bump(CacheVersions.Scope.SCHOOL, schoolId);
        return SchoolMapper.view(groups.save(SchoolMapper.row(null, schoolId, sort, timings, null)));
    }

    @Transactional
    public RegisterGroupView update(Actor actor, long schoolId, long groupId, @Valid RegisterGroupCommand command) {
        actor.require(Permission.SCHOOL_ADMIN, schoolId, "School", schoolId);
        List<RegisterGroupRow> existing = groups.findBySchoolIdOrderBySortOrder(schoolId);
        RegisterGroupRow current = existing.stream().filter(g -> g.id() == groupId).findFirst()
                .orElseThrow(() -> CommonProblem.notFound("Register group", groupId));
        if (command.version() == null || !Objects.equals(command.version(), current.version())) {
            throw new DomainProblem(SchoolProblem.STALE_VERSION, "Register group " + groupId + " is at version " + current.version()
                    + "; send that version to change it", List.of(new FieldError("version", String.valueOf(current.version()))));
        }
        RegisterGroupTimings timings = timings(command);
        check(existing.stream().map(g -> g.id() == groupId ? timings : SchoolMapper.timings(g)).toList());
        versions.bump(CacheVersions.Scope.SCHOOL, schoolId);
        return SchoolMapper.view(groups.update(SchoolMapper.row(groupId, schoolId, current.sortOrder(), timings, current.version())));
    }

    private static void check(List<RegisterGroupTimings> proposed) {
        List<FieldError> errors = TimingValidator.validate(proposed);
        if (!errors.isEmpty()) {
            throw new DomainProblem(SchoolProblem.TIMINGS_NOT_ALLOWED,
                    "A register may stay open at most 30 minutes and the same length every session: " + errors.get(0).field() + " should be "
                            + errors.get(0).expected(), errors);
        }
    }

    private static RegisterGroupTimings timings(RegisterGroupCommand c) {
        return new RegisterGroupTimings(c.name().strip(), timing(c.am()), timing(c.pm()));
    }

    private static SessionTiming timing(RegisterGroupCommand.Times t) {
        return new SessionTiming(t.opensAt(), t.lateAfter(), t.closesAt(), t.unauthorisedAfter());
    }
}
