package uk.openattendance.security;

import java.util.Collection;
import java.util.Set;
import uk.openattendance.platform.problem.DomainProblem;

/**
 * A signed-in parent at one school, with the children they may act for there (parental responsibility, on roll). Made
 * only by the parent feature's check (ArchitectureTest); family-facing methods of other features take this and refuse
 * any pupil outside it.
 */
public final class ParentScope {
    private final SchoolScope school;
    private final long contactId;
    private final Set<Long> pupilIds;

    private ParentScope(SchoolScope school, long contactId, Set<Long> pupilIds) {
        this.school = school;
        this.contactId = contactId;
        this.pupilIds = pupilIds;
    }

    /** The school a signed-in parent asks about, before their children there are known. */
    public static SchoolScope schoolOf(Actor parent, long schoolId, DomainProblem notAParent) {
        if (parent.kind() != Actor.Kind.PARENT) {
            throw notAParent;
        }
        return new SchoolScope(schoolId, parent, null, Purpose.PARENT);
    }

    /** {@code children} are the pupils of {@code school} this contact holds parental responsibility for. */
    public static ParentScope of(SchoolScope school, Collection<Long> children) {
        if (school.purpose() != Purpose.PARENT || school.actor().kind() != Actor.Kind.PARENT) {
            throw new IllegalArgumentException("A parent scope is made from the parent's own school scope");
        }
        return new ParentScope(school, school.actor().principalId(), Set.copyOf(children));
    }

    public SchoolScope school() {
        return school;
    }

    public long schoolId() {
        return school.schoolId();
    }

    /** The signed-in contact. */
    public long contactId() {
        return contactId;
    }

    public Set<Long> pupilIds() {
        return pupilIds;
    }

    public boolean mayActFor(long pupilId) {
        return pupilIds.contains(pupilId);
    }

    public boolean mayActForAll(Collection<Long> ids) {
        return pupilIds.containsAll(ids);
    }
}
