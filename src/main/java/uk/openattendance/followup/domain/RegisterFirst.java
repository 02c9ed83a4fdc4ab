package uk.openattendance.followup.domain;

import java.util.Set;
import java.util.function.Predicate;

/**
 * Issue 12, item 9: "first-day texts for that group wait until it is taken, so no family is told a child is absent
 * because a register was forgotten". A child whose group's morning register is not wholly taken is not texted about
 * yet; the first text's job looks again until it is (up to safe-by).
 */
public final class RegisterFirst {
    private RegisterFirst() {}

    /** Children whose group's register has been taken. */
    public static Predicate<Child> taken(Set<Long> groupsNotTaken) {
        return c -> !groupsNotTaken.contains(c.registerGroupId());
    }

    /** Whether the first text must look again: some group's register is still not taken. */
    public static boolean lookAgain(Set<Long> groupsNotTaken) {
        return !groupsNotTaken.isEmpty();
    }
}
