package uk.openattendance.register.domain;

/** How a code counts in the DfE's figures (ATTENDANCE-CODES.md). */
public enum CodeCategory {
    PRESENT,
    APPROVED_EDUCATIONAL_ACTIVITY,
    AUTHORISED_ABSENCE,
    UNAUTHORISED_ABSENCE,
    UNABLE_TO_ATTEND,
    ADMINISTRATIVE,
    NOT_COUNTED
}
