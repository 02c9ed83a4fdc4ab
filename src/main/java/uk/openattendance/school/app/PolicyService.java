package uk.openattendance.school.app;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import uk.openattendance.platform.cache.CacheVersions;
import uk.openattendance.platform.problem.CommonProblem;
import uk.openattendance.platform.problem.DomainProblem;
import uk.openattendance.platform.problem.FieldError;
import uk.openattendance.school.domain.PolicyPreset;
import uk.openattendance.school.domain.PolicyPresets;
import uk.openattendance.school.domain.PolicySettings;
import uk.openattendance.school.domain.PolicyValidator;
import uk.openattendance.school.persistence.PolicyChangeRepository;
import uk.openattendance.school.persistence.PolicyChangeRow;
import uk.openattendance.school.persistence.SchoolRepository;
import uk.openattendance.school.persistence.SchoolRow;
import uk.openattendance.school.persistence.TrustRepository;
import uk.openattendance.school.persistence.TrustRow;
import uk.openattendance.security.Actor;
import uk.openattendance.security.Permission;
import uk.openattendance.security.SchoolScope;

/** A school's typed policy: preset, then trust defaults, then the school's own changes, each change kept in history. */
@Singleton
public class PolicyService {
    private final SchoolRepository schools;
    private final TrustRepository trusts;
    private final PolicyChangeRepository changes;
    private final PolicyDocuments documents;
    private final Clock clock;
    private final CacheVersions versions;

    public PolicyService(SchoolRepository schools, TrustRepository trusts, PolicyChangeRepository changes, PolicyDocuments documents, Clock clock,
            CacheVersions versions) {
        this.schools = schools;
        this.trusts = trusts;
        this.changes = changes;
        this.documents = documents;
        this.clock = clock;
        this.versions = versions;
    }

    public SchoolPolicyView policy(Actor actor, long schoolId) {
        return policy(actor.require(Permission.SCHOOL_READ, schoolId, "School", schoolId));
    }

    private SchoolPolicyView policy(SchoolScope scope) {
        long schoolId = scope.schoolId();
        SchoolRow school = school(schoolId);
        ObjectNode overrides = documents.parse(school.policyOverrides());
        PolicySettings settings = documents.settings(documents.merge(inherited(school), overrides));
        return new SchoolPolicyView(schoolId, school.presetKey(), school.policyVersion(), settings, asMap(overrides), preset(school).interpretations());
    }

    /** The typed settings other features read; never the JSON. */
    public PolicySettings settings(SchoolScope scope) {
        return policy(scope).settings();
    }

    @Transactional
    public SchoolPolicyView change(Actor actor, long schoolId, Map<String, Object> patch) {
        actor.require(Permission.SCHOOL_ADMIN, schoolId, "School", schoolId);
        SchoolRow school = school(schoolId);
        ObjectNode base = inherited(school);
        ObjectNode before = documents.merge(base, documents.parse(school.policyOverrides()));
        ObjectNode after = documents.merge(before, mapper().valueToTree(patch));
        check(documents.settings(after));
        ObjectNode overrides = documents.diff(base, after);
        int version = school.policyVersion() + 1;
        schools.update(new SchoolRow(school.id(), school.trustId(), school.urn(), school.name(), school.zone(), school.phone(), school.email(),
                school.address(), school.allowedOrigins(), school.presetKey(), documents.write(overrides), version, school.version(), school.createdAt()));
        changes.save(new PolicyChangeRow(null, schoolId, null, version, documents.write(mapper().valueToTree(patch)), actor.describeIn(schoolId), clock.instant()));
        versions.bump(CacheVersions.Scope.SCHOOL, schoolId);
        return policy(actor, schoolId);
    }

    /** Every change to the school's own settings, oldest first, so a headteacher can see who moved a time and when. */
    public List<PolicyChangeView> history(Actor actor, long schoolId) {
        actor.require(Permission.SCHOOL_READ, schoolId, "School", schoolId);
        return changes.findBySchoolIdOrderByVersion(schoolId).stream()
                .map(c -> new PolicyChangeView(c.version(), asMap(documents.parse(c.patch())), c.changedBy(), c.changedAt()))
                .toList();
    }

    public TrustPolicyView trustDefaults(Actor actor, long trustId) {
        TrustRow trust = trustFor(actor, trustId);
        return new TrustPolicyView(trustId, trust.policyVersion(), asMap(documents.parse(trust.policyDefaults())));
    }

    @Transactional
    public TrustPolicyView changeTrustDefaults(Actor actor, long trustId, Map<String, Object> patch) {
        TrustRow trust = trustFor(actor, trustId);
        ObjectNode defaults = documents.merge(documents.parse(trust.policyDefaults()), mapper().valueToTree(patch));
        for (SchoolRow school : schools.findByTrustId(trustId)) {
            ObjectNode base = documents.merge(documents.tree(preset(school).settings()), defaults);
            check(documents.settings(documents.merge(base, documents.parse(school.policyOverrides()))));
        }
        int version = trust.policyVersion() + 1;
        trusts.update(new TrustRow(trust.id(), trust.name(), documents.write(defaults), version, trust.createdAt()));
        changes.save(new PolicyChangeRow(null, null, trustId, version, documents.write(mapper().valueToTree(patch)), actor.name(), clock.instant()));
        // every school of the trust inherits the defaults
        schools.findByTrustId(trustId).forEach(s -> versions.bump(CacheVersions.Scope.SCHOOL, s.id()));
        return trustDefaults(actor, trustId);
    }

    private ObjectNode inherited(SchoolRow school) {
        ObjectNode base = documents.tree(preset(school).settings());
        if (school.trustId() == null) {
            return base;
        }
        TrustRow trust = trusts.findById(school.trustId()).orElseThrow();
        return documents.merge(base, documents.parse(trust.policyDefaults()));
    }

    private static void check(PolicySettings settings) {
        List<FieldError> errors = PolicyValidator.validate(settings);
        if (!errors.isEmpty()) {
            throw new DomainProblem(SchoolProblem.POLICY_NOT_VALID, errors.get(0).field() + ": expected " + errors.get(0).expected(), errors);
        }
    }

    private TrustRow trustFor(Actor actor, long trustId) {
        if (!actor.administersTrust(trustId)) {
            throw CommonProblem.notFound("Trust", trustId);
        }
        return trusts.findById(trustId).orElseThrow(() -> CommonProblem.notFound("Trust", trustId));
    }

    private SchoolRow school(long schoolId) {
        return schools.findById(schoolId).orElseThrow(() -> CommonProblem.notFound("School", schoolId));
    }

    private static PolicyPreset preset(SchoolRow school) {
        return PolicyPresets.byKey(school.presetKey()).orElseThrow(() -> new IllegalStateException("unknown preset " + school.presetKey()));
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> asMap(ObjectNode node) {
        return mapper().convertValue(node, Map.class);
    }

    private ObjectMapper mapper() {
        return documents.mapper();
    }
}
