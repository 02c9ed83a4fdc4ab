package uk.openattendance.school.domain;

/** Which registers of a day a closure covers. */
public enum SessionScope {
    ALL_DAY,
    AM,
    PM;

    public boolean covers(Session session) {
        return this == ALL_DAY || name().equals(session.name());
    }
}
