package uk.openattendance.register.domain;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.BiPredicate;
import java.util.function.Predicate;
import uk.openattendance.school.domain.Session;

/**
 * A session a pupil should have a mark for and has none is a missing register: never present, never absent, and never
 * left out of the count. Figures count only marks, so anything that praises "100%" must first ask this.
 */
public final class RegisterGaps {
    private RegisterGaps() {}

    public record Slot(LocalDate date, Session session) {
        public static final Comparator<Slot> ORDER = Comparator.comparing(Slot::date).thenComparing(Slot::session);

        @Override
        public String toString() {
            return date + " " + session;
        }
    }

    /**
     * The sessions owed a mark: both sessions of each school day the pupil was on roll, less sessions closed to the
     * pupil's group (a closure is not a register) and sessions not yet due (the register is still open).
     */
    public static List<Slot> owed(Collection<LocalDate> schoolDays, Predicate<LocalDate> onRoll, BiPredicate<LocalDate, Session> closedToGroup,
            Predicate<Slot> due) {
        List<Slot> out = new ArrayList<>();
        for (LocalDate d : schoolDays) {
            if (!onRoll.test(d)) {
                continue;
            }
            for (Session s : Session.values()) {
                Slot slot = new Slot(d, s);
                if (!closedToGroup.test(d, s) && due.test(slot)) {
                    out.add(slot);
                }
            }
        }
        out.sort(Slot.ORDER);
        return out;
    }

    /** The owed sessions with no mark, in date order. Any mark counts as taken (X, # and Z too: someone recorded it). */
    public static List<Slot> missing(Collection<Slot> owed, Collection<Slot> marked) {
        Set<Slot> have = new HashSet<>(marked);
        return owed.stream().filter(s -> !have.contains(s)).sorted(Slot.ORDER).toList();
    }

    /** Praise for a window is earned only on a complete record: at least one owed session and a mark for every one. */
    public static boolean complete(Collection<Slot> owed, Collection<Slot> marked) {
        return !owed.isEmpty() && missing(owed, marked).isEmpty();
    }
}
