package uk.openattendance.register.app;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import uk.openattendance.school.domain.Session;

/**
 * The one seam through which absences known in advance reach a register: approved leave (C, M, J1...), absence
 * already reported by a parent (I), study leave. Features that know of such absences provide a bean of this type;
 * the register pre-fills those pupils and records the planned code when the teacher leaves them unmarked.
 */
public interface PlannedMarks {
    record Planned(long pupilId, String code, String reason) {}

    List<Planned> plannedFor(long schoolId, LocalDate date, Session session, Collection<Long> pupilIds);
}
