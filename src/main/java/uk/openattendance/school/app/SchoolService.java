package uk.openattendance.school.app;

import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import uk.openattendance.platform.cache.CacheVersions;
import uk.openattendance.platform.paging.Page;
import uk.openattendance.platform.paging.PageRequest;
import uk.openattendance.platform.problem.CommonProblem;
import uk.openattendance.platform.problem.DomainProblem;
import uk.openattendance.school.domain.PolicyPreset;
import uk.openattendance.school.domain.PolicyPresets;
import uk.openattendance.school.domain.RegisterGroupTimings;
import uk.openattendance.school.persistence.RegisterGroupRepository;
import uk.openattendance.school.persistence.SchoolRepository;
import uk.openattendance.school.persistence.SchoolRow;
import uk.openattendance.school.persistence.TrustRepository;
import uk.openattendance.school.persistence.TrustRow;
import uk.openattendance.security.Actor;
import uk.openattendance.security.Permission;
import uk.openattendance.security.SchoolScope;
import uk.openattendance.security.TrustSchools;

/** Trusts and schools: the door other features and the edges use to reach a school's details. */
@Singleton
public class SchoolService implements TrustSchools {
    private final CacheVersions versions;
    private final TrustRepository trusts;
    private final SchoolRepository schools;
    private final RegisterGroupRepository groups;
    private final Clock clock;

    public SchoolService(TrustRepository trusts, SchoolRepository schools, RegisterGroupRepository groups, Clock clock, CacheVersions versions) {
        this.versions = versions;
        this.trusts = trusts;
        this.schools = schools;
        this.groups = groups;
        this.clock = clock;
    }

    @Transactional
    public TrustView createTrust(Actor actor, @Valid CreateTrust command) {
        if (!actor.platformAdmin()) {
            throw new DomainProblem(CommonProblem.FORBIDDEN, "Only a platform administrator creates trusts");
        }
        TrustRow row = trusts.save(new TrustRow(null, command.name().strip(), null, 0, clock.instant()));
        return new TrustView(row.id(), row.name());
    }

    @Transactional
    public SchoolView createSchool(Actor actor, @Valid CreateSchool command) {
        if (command.trustId() == null ? !actor.platformAdmin() : !actor.administersTrust(command.trustId())) {
            throw new DomainProblem(CommonProblem.FORBIDDEN, "Only the trust's administrator creates its schools");
        }
        if (command.trustId() != null && trusts.findById(command.trustId()).isEmpty()) {
            throw DomainProblem.field(CommonProblem.VALIDATION_FAILED, "trustId", "the id of an existing trust");
        }
        PolicyPreset preset = PolicyPresets.byKey(command.presetKey()).orElseThrow(() -> DomainProblem.field(SchoolProblem.UNKNOWN_PRESET,
                "presetKey", "one of " + PolicyPresets.all().stream().map(PolicyPreset::key).toList()));
        if (schools.findByUrn(command.urn()).isPresent()) {
            throw DomainProblem.field(SchoolProblem.URN_TAKEN, "urn", "a URN no other school uses");
        }
        SchoolDetails d = command.details();
        SchoolRow row = schools.save(new SchoolRow(null, command.trustId(), command.urn(), d.name().strip(), zone(d.zone()), d.phone(),
                d.email(), d.address(), SchoolMapper.origins(d.allowedOrigins()), preset.key(), null, 0, null, clock.instant()));
        List<RegisterGroupTimings> presetGroups = preset.registerGroups();
        for (int i = 0; i < presetGroups.size(); i++) {
            groups.save(SchoolMapper.row(null, row.id(), i, presetGroups.get(i), null));
        }
        versions.bump(CacheVersions.Scope.SCHOOL, row.id());
        return SchoolMapper.view(row);
    }

    public SchoolView school(Actor actor, long schoolId) {
        return school(actor.require(Permission.SCHOOL_READ, schoolId, "School", schoolId));
    }

    /** The school of an operation already checked (its name, sender details, zone). */
    public SchoolView school(SchoolScope scope) {
        return SchoolMapper.view(schools.findById(scope.schoolId()).orElseThrow(() -> CommonProblem.notFound("School", scope.schoolId())));
    }

    public Page<SchoolView> schools(Actor actor, PageRequest page) {
        List<SchoolView> mine = visibleSchools(actor);
        int from = (int) Math.min(page.offset(), mine.size());
        int to = Math.min(from + page.size(), mine.size());
        return Page.of(mine.subList(from, to), page, mine.size());
    }

    /** Batch lookup for GraphQL loaders: schools the caller may not read are simply absent. */
    public List<SchoolView> schoolsByIds(Actor actor, Set<Long> ids) {
        List<Long> allowed = ids.stream().filter(id -> actor.can(Permission.SCHOOL_READ, id)).toList();
        return allowed.isEmpty() ? List.of() : schools.findByIdInOrderByName(allowed).stream().map(SchoolMapper::view).toList();
    }

    @Transactional
    public SchoolView updateDetails(Actor actor, long schoolId, long expectedVersion, @Valid SchoolDetails details) {
        actor.require(Permission.SCHOOL_ADMIN, schoolId, "School", schoolId);
        SchoolRow r = schools.findById(schoolId).orElseThrow(() -> CommonProblem.notFound("School", schoolId));
        if (r.version() != expectedVersion) {
            throw new DomainProblem(SchoolProblem.STALE_VERSION, "School " + schoolId + " is at version " + r.version() + ", not " + expectedVersion);
        }
        SchoolRow updated = schools.update(new SchoolRow(r.id(), r.trustId(), r.urn(), details.name().strip(), zone(details.zone()),
                details.phone(), details.email(), details.address(), SchoolMapper.origins(details.allowedOrigins()), r.presetKey(),
                r.policyOverrides(), r.policyVersion(), r.version(), r.createdAt()));
        versions.bump(CacheVersions.Scope.SCHOOL, schoolId);
        return SchoolMapper.view(updated);
    }

    /** Used when resolving a caller: a trust administrator stands in every school of the trust. */
    @Override
    public List<Long> schoolIdsInTrust(long trustId) {
        return schools.findIdByTrustId(trustId);
    }

    public ZoneId zoneOf(SchoolScope scope) {
        return ZoneId.of(school(scope).zone());
    }

    private List<SchoolView> visibleSchools(Actor actor) {
        // a platform administrator sees every school (it creates them and gives them their headteacher)
        if (actor.isSystem() || actor.platformAdmin()) {
            return schools.findAll().stream().map(SchoolMapper::view).toList();
        }
        List<Long> ids = actor.schools().keySet().stream().filter(id -> actor.can(Permission.SCHOOL_READ, id)).toList();
        return ids.isEmpty() ? List.of() : schools.findByIdInOrderByName(ids).stream().map(SchoolMapper::view).toList();
    }

    private static String zone(String zone) {
        if (zone == null || zone.isBlank()) {
            return "Europe/London";
        }
        try {
            return ZoneId.of(zone).getId();
        } catch (DateTimeException e) {
            throw DomainProblem.field(CommonProblem.VALIDATION_FAILED, "zone", "an IANA time zone such as Europe/London");
        }
    }
}
