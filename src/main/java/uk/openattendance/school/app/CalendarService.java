package uk.openattendance.school.app;

import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import java.util.List;
import uk.openattendance.platform.cache.CacheVersions;
import uk.openattendance.platform.problem.DomainProblem;
import uk.openattendance.school.domain.Closure;
import uk.openattendance.school.domain.ClosureKind;
import uk.openattendance.school.domain.SchoolCalendar;
import uk.openattendance.school.domain.SessionScope;
import uk.openattendance.school.domain.Term;
import uk.openattendance.school.persistence.ClosureRepository;
import uk.openattendance.school.persistence.ClosureRow;
import uk.openattendance.school.persistence.RegisterGroupRepository;
import uk.openattendance.school.persistence.TermRepository;
import uk.openattendance.school.persistence.TermRow;
import uk.openattendance.security.Actor;
import uk.openattendance.security.Permission;
import uk.openattendance.security.SchoolScope;

/** Terms, half terms and closures per academic year; other features ask it whether a session is school time. */
@Singleton
public class CalendarService {
    private final CacheVersions versions;
    private final TermRepository terms;
    private final ClosureRepository closures;
    private final RegisterGroupRepository groups;

    public CalendarService(TermRepository terms, ClosureRepository closures, RegisterGroupRepository groups, CacheVersions versions) {
        this.versions = versions;
        this.terms = terms;
        this.closures = closures;
        this.groups = groups;
    }

    public SchoolCalendar calendar(Actor actor, long schoolId) {
        return calendar(actor.require(Permission.SCHOOL_READ, schoolId, "School", schoolId));
    }

    public SchoolCalendar calendar(SchoolScope scope) {
        long schoolId = scope.schoolId();
        return new SchoolCalendar(
                terms.findBySchoolIdOrderByStartsOn(schoolId).stream().map(CalendarService::term).toList(),
                closures.findBySchoolIdOrderByClosedOn(schoolId).stream().map(CalendarService::closure).toList());
    }

    public CalendarView view(Actor actor, long schoolId) {
        SchoolCalendar calendar = calendar(actor, schoolId);
        return new CalendarView(schoolId, calendar.terms(), calendar.closures());
    }

    @Transactional
    public Term addTerm(Actor actor, long schoolId, @Valid TermCommand c) {
        actor.require(Permission.SCHOOL_ADMIN, schoolId, "School", schoolId);
        if (c.endsOn().isBefore(c.startsOn())) {
            throw DomainProblem.field(SchoolProblem.CALENDAR_NOT_VALID, "endsOn", "a date on or after startsOn " + c.startsOn());
        }
        if ((c.halfTermBreakStartsOn() == null) != (c.halfTermBreakEndsOn() == null)) {
            throw DomainProblem.field(SchoolProblem.CALENDAR_NOT_VALID, "halfTermBreakEndsOn", "both half-term break dates, or neither");
        }
        if (c.halfTermBreakStartsOn() != null && (c.halfTermBreakStartsOn().isBefore(c.startsOn())
                || c.halfTermBreakEndsOn().isAfter(c.endsOn()) || c.halfTermBreakEndsOn().isBefore(c.halfTermBreakStartsOn()))) {
            throw DomainProblem.field(SchoolProblem.CALENDAR_NOT_VALID, "halfTermBreakStartsOn", "a break inside the term, ending after it starts");
        }
        Term term = new Term(SchoolCalendar.academicYearOf(c.startsOn()), c.name().strip(), c.startsOn(), c.endsOn(),
                c.halfTermBreakStartsOn(), c.halfTermBreakEndsOn());
        SchoolCalendar existing = calendar(actor, schoolId);
        if (existing.terms().stream().anyMatch(t -> !t.endsOn().isBefore(term.startsOn()) && !term.endsOn().isBefore(t.startsOn()))) {
            throw DomainProblem.field(SchoolProblem.CALENDAR_NOT_VALID, "startsOn", "dates that do not overlap another term");
        }
        terms.save(new TermRow(null, schoolId, term.academicYear(), term.name(), term.startsOn(), term.endsOn(),
                term.halfTermBreakStartsOn(), term.halfTermBreakEndsOn()));
        versions.bump(CacheVersions.Scope.SCHOOL, schoolId);
        return term;
    }

    @Transactional
    public Closure addClosure(Actor actor, long schoolId, @Valid ClosureCommand c) {
        SchoolScope scope = actor.require(Permission.SCHOOL_ADMIN, schoolId, "School", schoolId);
        if (c.registerGroupId() != null && groups.findById(c.registerGroupId()).filter(g -> scope.owns(g.schoolId())).isEmpty()) {
            throw DomainProblem.field(SchoolProblem.CALENDAR_NOT_VALID, "registerGroupId", "the id of one of this school's register groups");
        }
        closures.save(new ClosureRow(null, schoolId, c.date(), c.sessions().name(), c.registerGroupId(), c.kind().name(), c.description()));
        versions.bump(CacheVersions.Scope.SCHOOL, schoolId);
        return new Closure(c.date(), c.sessions(), c.registerGroupId(), c.kind(), c.description());
    }

    private static Term term(TermRow r) {
        return new Term(r.academicYear(), r.name(), r.startsOn(), r.endsOn(), r.halfTermBreakStartsOn(), r.halfTermBreakEndsOn());
    }

    private static Closure closure(ClosureRow r) {
        return new Closure(r.closedOn(), SessionScope.valueOf(r.sessions()), r.registerGroupId(), ClosureKind.valueOf(r.kind()), r.description());
    }

}
