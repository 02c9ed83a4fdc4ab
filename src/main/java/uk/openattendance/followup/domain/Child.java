package uk.openattendance.followup.domain;

import java.util.Comparator;

/**
 * A pupil as the follow-up rules see one: the names the office and the family use, the register group whose register
 * must be taken before the family is texted, and what makes the child more vulnerable when absent.
 */
public record Child(long id, String legalForename, String legalSurname, String preferredForename, String displayName, String form,
        long registerGroupId, boolean vulnerable, boolean lookedAfter, boolean childInNeed, boolean hasSocialWorker) {

    /**
     * Policies 000 and 001: "Schools will use their knowledge of families to identify pupils who may be more vulnerable
     * when absent and these families will be contacted first" — the school's own vulnerable flag, a looked-after child,
     * a child in need or a child with a social worker.
     */
    public boolean needsCare() {
        return vulnerable || lookedAfter || childInNeed || hasSocialWorker;
    }

    /** The first name the family calls the child by. */
    public String familyName() {
        return preferredForename != null ? preferredForename : legalForename;
    }

    /** Vulnerable children first ("these families will be contacted first"), then by legal surname and forename. */
    public static final Comparator<Child> VULNERABLE_FIRST = Comparator.comparing((Child c) -> !c.needsCare()).thenComparing(Child::legalSurname)
            .thenComparing(Child::legalForename);
}
