package uk.openattendance.register.app;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import uk.openattendance.platform.db.UnionRead;
import uk.openattendance.school.domain.Session;

/**
 * The one seam through which absences known in advance reach a register: approved leave (C, M, J1...), absence
 * already reported by a parent (I), study leave. Features that know of such absences provide a bean of this type;
 * the register pre-fills those pupils and records the planned code when the teacher leaves them unmarked.
 */
public interface PlannedMarks {
    /** {@code approvedLeave}: leave the school approved in advance (regulation 11), which codes such as C need. */
    record Planned(long pupilId, String code, String reason, boolean approvedLeave) {
        public Planned(long pupilId, String code, String reason) {
            this(pupilId, code, reason, false);
        }
    }

    List<Planned> plannedFor(long schoolId, LocalDate date, Session session, Collection<Long> pupilIds);

    /**
     * The same answer as {@link #plannedFor}, read as one part of a register save's single read (its pupils, marks and
     * plans in one round trip); empty for a source that is asked separately.
     */
    default Optional<Read<?>> read(long schoolId, LocalDate date, Session session, Collection<Long> pupilIds) {
        return Optional.empty();
    }

    /** A part of the combined read, and what its rows plan. */
    record Read<T>(UnionRead.Part<T> part, java.util.function.Function<List<T>, List<Planned>> planned) {
        @SuppressWarnings("unchecked")
        public List<Planned> plannedFrom(List<?> rows) {
            return planned.apply((List<T>) rows);
        }
    }
}
