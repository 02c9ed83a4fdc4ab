package uk.openattendance.roll.app;

import io.micronaut.data.model.Pageable;
import io.micronaut.data.model.Sort;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import uk.openattendance.platform.db.Sql;
import uk.openattendance.platform.db.UnionRead;
import uk.openattendance.platform.paging.Page;
import uk.openattendance.platform.paging.PageRequest;
import uk.openattendance.platform.problem.CommonProblem;
import uk.openattendance.platform.problem.DomainProblem;
import uk.openattendance.platform.problem.FieldError;
import uk.openattendance.roll.persistence.PupilRepository;
import uk.openattendance.roll.persistence.PupilRow;
import uk.openattendance.roll.persistence.RollReads;
import uk.openattendance.school.app.RegisterGroupService;
import uk.openattendance.school.app.RegisterGroupView;
import uk.openattendance.security.Actor;
import uk.openattendance.security.Permission;
import uk.openattendance.security.SchoolScope;

/** The admission register: pupils on roll, their admission and their deletion. */
@Singleton
public class PupilService {
    private static final Sort BY_NAME = Sort.of(Sort.Order.asc("legalSurname"), Sort.Order.asc("legalForename"), Sort.Order.asc("id"));

    private final PupilRepository pupils;
    private final RollReads rolls;
    private final RegisterGroupService registerGroups;
    private final AdmissionsRecorder admissions;

    public PupilService(PupilRepository pupils, RollReads rolls, RegisterGroupService registerGroups, AdmissionsRecorder admissions) {
        this.pupils = pupils;
        this.rolls = rolls;
        this.registerGroups = registerGroups;
        this.admissions = admissions;
    }

    @Transactional
    public PupilView admit(Actor actor, long schoolId, @Valid PupilCommand command) {
        SchoolScope scope = actor.require(Permission.ROLL_WRITE, schoolId, "School", schoolId);
        checkDetails(scope, command);
        if (pupils.findBySchoolIdAndUpn(schoolId, command.upn()).isPresent()) {
            throw DomainProblem.field(RollProblem.UPN_TAKEN, "upn", "a UPN not already on this school's roll");
        }
        PupilRow row = pupils.save(RollMapper.row(null, schoolId, command, null));
        admissions.admitted(scope, row.id(), command.startDate());
        return RollMapper.view(row);
    }

    @Transactional
    public PupilView update(Actor actor, long schoolId, long pupilId, @Valid PupilCommand command) {
        SchoolScope scope = actor.require(Permission.ROLL_WRITE, schoolId, "School", schoolId);
        PupilRow current = row(scope, pupilId);
        if (command.version() == null || !Objects.equals(command.version(), current.version())) {
            throw new DomainProblem(RollProblem.STALE_VERSION, "Pupil " + pupilId + " is at version " + current.version() + "; send that version to change it",
                    List.of(new FieldError("version", String.valueOf(current.version()))));
        }
        checkDetails(scope, command);
        if (!current.upn().equals(command.upn()) && pupils.findBySchoolIdAndUpn(schoolId, command.upn()).isPresent()) {
            throw DomainProblem.field(RollProblem.UPN_TAKEN, "upn", "a UPN not already on this school's roll");
        }
        return RollMapper.view(pupils.update(RollMapper.row(pupilId, schoolId, command, current.version())));
    }

    public PupilView pupil(Actor actor, long schoolId, long pupilId) {
        return pupil(actor.require(Permission.ROLL_READ, schoolId, "Pupil", pupilId), pupilId);
    }

    /** A pupil of the scope's school; another school's pupil is "not found". */
    public PupilView pupil(SchoolScope scope, long pupilId) {
        return RollMapper.view(row(scope, pupilId));
    }

    public Page<PupilView> pupils(Actor actor, long schoolId, Long registerGroupId, PageRequest page) {
        actor.require(Permission.ROLL_READ, schoolId, "School", schoolId);
        Pageable pageable = Pageable.from(page.page(), page.size(), BY_NAME);
        List<PupilRow> rows = registerGroupId == null ? pupils.findBySchoolId(schoolId, pageable)
                : pupils.findBySchoolIdAndRegisterGroupId(schoolId, registerGroupId, pageable);
        long total = registerGroupId == null ? pupils.countBySchoolId(schoolId) : pupils.countBySchoolIdAndRegisterGroupId(schoolId, registerGroupId);
        return Page.of(rows.stream().map(RollMapper::view).toList(), page, total);
    }

    /** Every pupil ever admitted to the school (leavers too, for figures over past windows), for registers and figures. */
    public List<PupilView> wholeRoll(Actor actor, long schoolId) {
        return wholeRoll(actor.require(Permission.ROLL_READ, schoolId, "School", schoolId));
    }

    public List<PupilView> wholeRoll(SchoolScope scope) {
        return rolls.ofSchool(scope.schoolId()).stream().map(RollMapper::view).toList();
    }

    /** Batch lookup for GraphQL and other features: pupils of schools the caller may not read are left out. */
    public List<PupilView> pupilsByIds(Actor actor, Collection<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return pupils.findByIdIn(ids).stream().filter(p -> actor.can(Permission.ROLL_READ, p.schoolId())).map(RollMapper::view).toList();
    }

    /** Batch lookup inside one school's operation: pupils of other schools are left out. */
    public List<PupilView> pupilsByIds(SchoolScope scope, Collection<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return pupils.findByIdIn(ids).stream().filter(p -> scope.owns(p.schoolId())).map(RollMapper::view).toList();
    }

    /**
     * {@link #pupilsByIds(SchoolScope, Collection)} as a part of another feature's combined read (UnionRead): a register
     * save reads its pupils with their marks in one round trip. Only this school's pupils, as there.
     */
    public UnionRead.Part<PupilView> pupilsPart(SchoolScope scope, Collection<Long> ids) {
        return new UnionRead.Part<>(List.of("id", "school_id", "upn", "legal_forename", "legal_surname", "preferred_forename", "preferred_surname",
                "date_of_birth", "sex", "year_group", "register_group_id", "form", "house", "start_date", "leaving_date", "pupil_premium", "send_status",
                "free_school_meals", "eal", "looked_after", "child_in_need", "has_social_worker", "young_carer", "vulnerable", "version"),
                "FROM pupil WHERE school_id = :school AND id IN (:ids)", Sql.params("school", scope.schoolId()).and("ids", ids),
                v -> RollMapper.view(new PupilRow(v.id(0), v.id(1), v.text(2), v.text(3), v.text(4), v.text(5), v.text(6), v.date(7), v.text(8), v.text(9),
                        v.id(10), v.text(11), v.text(12), v.date(13), v.date(14), v.bool(15), v.text(16), v.bool(17), v.bool(18), v.bool(19), v.bool(20),
                        v.bool(21), v.bool(22), v.bool(23), v.id(24))));
    }

    /** As {@link #pupilsByIds(SchoolScope, Collection)} over several schools in one read (a trust's lists). */
    public List<PupilView> pupilsByIds(List<SchoolScope> scopes, Collection<Long> ids) {
        if (ids.isEmpty() || scopes.isEmpty()) {
            return List.of();
        }
        return pupils.findByIdIn(ids).stream().filter(p -> scopes.stream().anyMatch(s -> s.owns(p.schoolId()))).map(RollMapper::view).toList();
    }

    @Transactional
    public PupilView delete(Actor actor, long schoolId, long pupilId, @Valid DeletePupil command) {
        SchoolScope scope = actor.require(Permission.ADMISSIONS, schoolId, "Pupil", pupilId);
        PupilRow r = row(scope, pupilId);
        if (r.leavingDate() != null) {
            throw new DomainProblem(RollProblem.ALREADY_DELETED, "Pupil " + pupilId + " left the roll on " + r.leavingDate());
        }
        if (command.deletedOn().isBefore(r.startDate())) {
            throw DomainProblem.field(RollProblem.PUPIL_NOT_VALID, "deletedOn", "a date on or after admission on " + r.startDate());
        }
        PupilRow left = pupils.update(new PupilRow(r.id(), r.schoolId(), r.upn(), r.legalForename(), r.legalSurname(), r.preferredForename(),
                r.preferredSurname(), r.dateOfBirth(), r.sex(), r.yearGroup(), r.registerGroupId(), r.form(), r.house(), r.startDate(), command.deletedOn(),
                r.pupilPremium(), r.sendStatus(), r.freeSchoolMeals(), r.eal(), r.lookedAfter(), r.childInNeed(), r.hasSocialWorker(),
                r.youngCarer(), r.vulnerable(), r.version()));
        admissions.deleted(scope, pupilId, command);
        return RollMapper.view(left);
    }

    public List<AdmissionEventView> admissionHistory(Actor actor, long schoolId, long pupilId) {
        row(actor.require(Permission.ROLL_READ, schoolId, "Pupil", pupilId), pupilId);
        return admissions.ofPupil(pupilId);
    }

    public List<AdmissionEventView> localAuthorityReturns(Actor actor, long schoolId) {
        actor.require(Permission.ADMISSIONS, schoolId, "School", schoolId);
        return admissions.ofSchool(schoolId);
    }

    PupilRow row(SchoolScope scope, long pupilId) {
        return pupils.findById(pupilId).filter(p -> scope.owns(p.schoolId())).orElseThrow(() -> CommonProblem.notFound("Pupil", pupilId));
    }

    void checkDetails(SchoolScope scope, PupilCommand c) {
        List<Long> groups = registerGroups.registerGroups(scope).stream().map(RegisterGroupView::id).toList();
        if (!groups.contains(c.registerGroupId())) {
            throw DomainProblem.field(RollProblem.PUPIL_NOT_VALID, "registerGroupId", "one of this school's register groups " + groups);
        }
        if (c.leavingDate() != null && c.leavingDate().isBefore(c.startDate())) {
            throw DomainProblem.field(RollProblem.PUPIL_NOT_VALID, "leavingDate", "a date on or after startDate " + c.startDate());
        }
        if (!c.dateOfBirth().isBefore(c.startDate())) {
            throw DomainProblem.field(RollProblem.PUPIL_NOT_VALID, "dateOfBirth", "a date before startDate " + c.startDate());
        }
    }
}
