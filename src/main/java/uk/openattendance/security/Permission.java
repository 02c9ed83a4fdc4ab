package uk.openattendance.security;

/** What a caller may do inside one school. API-client scopes are these names. */
public enum Permission {
    SCHOOL_READ,
    SCHOOL_ADMIN,
    ROLL_READ,
    ROLL_WRITE,
    ADMISSIONS,
    STAFF_ADMIN
}
