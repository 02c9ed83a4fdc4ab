package uk.openattendance.security;

/** What a caller may do inside one school. API-client scopes are these names. */
public enum Permission {
    SCHOOL_READ,
    SCHOOL_ADMIN,
    ROLL_READ,
    ROLL_WRITE,
    ADMISSIONS,
    STAFF_ADMIN,
    /** Take a register: the first marks of a session. */
    REGISTER_TAKE,
    /** Change a mark once taken, with a reason; bulk closures; N resolution. */
    REGISTER_AMEND,
    /** Marks, figures and lists. */
    ATTENDANCE_READ,
    /** Decide a leave-of-absence request: the headteacher's power under regulation 11. */
    LEAVE_DECIDE,
    /** Review, edit, approve and send letters to families. */
    LETTERS_SEND,
    /** Record penalty notices the local authority issued at the school's request. */
    PENALTY_NOTICES
}
