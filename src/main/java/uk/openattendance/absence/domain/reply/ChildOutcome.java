package uk.openattendance.absence.domain.reply;

import java.time.LocalDate;
import java.util.Optional;
import uk.openattendance.school.domain.Session;

/**
 * What a reply says about one child. Exactly one per child on the sender's roll. In the corpora's words: {@code Coded}
 * is {@code I..2026-11-24}, {@code Late} is LATE, {@code ForPerson} PERSON, {@code Unexplained} UNEXPLAINED (marked
 * absent, the reply says nothing about them), {@code NotAbsent} NONE (not marked absent, nothing to do).
 */
public sealed interface ChildOutcome {
    /** The corpus notation of this outcome. */
    String notation();

    /**
     * A suggested code (I, M, R, C, G, ...) from today to {@code lastDay} (its last session {@code lastSession}),
     * with the school day the family expects the child back. {@code applyThrough}: the last day the service may code
     * without a person (empty: a person decides it all, e.g. C and G; today only when the stated absence is over
     * the self-certification limit).
     */
    record Coded(String code, LocalDate firstDay, LocalDate lastDay, Session lastSession, LocalDate expectedReturn,
            Optional<LocalDate> applyThrough) implements ChildOutcome {
        public String notation() {
            return code + ".." + lastDay;
        }

        public boolean applies() {
            return applyThrough.isPresent();
        }
    }

    /** On the way in: a late arrival, no code (the register records the arrival). */
    record Late() implements ChildOutcome {
        public String notation() {
            return "LATE";
        }
    }

    /** The reply is about this child, but only a person can say what it means. */
    record ForPerson(String why) implements ChildOutcome {
        public String notation() {
            return "PERSON";
        }
    }

    /** Marked absent today, and the reply says nothing about them: still to be chased. */
    record Unexplained() implements ChildOutcome {
        public String notation() {
            return "UNEXPLAINED";
        }
    }

    /** Not marked absent today and nothing to record. */
    record NotAbsent() implements ChildOutcome {
        public String notation() {
            return "NONE";
        }
    }
}
