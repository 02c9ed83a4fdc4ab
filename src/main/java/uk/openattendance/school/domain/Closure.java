package uk.openattendance.school.domain;

import java.time.LocalDate;
import java.util.Objects;

/** A planned closure: no register is taken, and the session is not a possible session (code #). A null group means the whole school. */
public record Closure(LocalDate date, SessionScope sessions, Long registerGroupId, ClosureKind kind, String description) {
    public Closure {
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(sessions, "sessions");
        Objects.requireNonNull(kind, "kind");
    }

    public boolean closes(LocalDate day, Session session, Long groupId) {
        return date.equals(day) && sessions.covers(session) && (registerGroupId == null || registerGroupId.equals(groupId));
    }

    public boolean closesWholeSchoolAllDay(LocalDate day) {
        return date.equals(day) && sessions == SessionScope.ALL_DAY && registerGroupId == null;
    }
}
