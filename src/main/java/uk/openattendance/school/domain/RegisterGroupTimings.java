package uk.openattendance.school.domain;

import java.util.Objects;

/** A register group (Nursery, Reception/KS1, Year 7...) and its morning and afternoon register times. */
public record RegisterGroupTimings(String name, SessionTiming am, SessionTiming pm) {
    public RegisterGroupTimings {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(am, "am");
        Objects.requireNonNull(pm, "pm");
    }

    public SessionTiming timing(Session session) {
        return session == Session.AM ? am : pm;
    }
}
