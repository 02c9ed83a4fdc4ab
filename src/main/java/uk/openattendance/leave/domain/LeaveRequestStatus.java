package uk.openattendance.leave.domain;

/** Where a leave request is: waiting for the headteacher, decided (all, part or none of it), or withdrawn by the family. Stored by name. */
public enum LeaveRequestStatus {
    REQUESTED,
    APPROVED,
    PART_APPROVED,
    REFUSED,
    WITHDRAWN;

    /** Some of the request's sessions were approved. */
    public boolean approvedAny() {
        return this == APPROVED || this == PART_APPROVED;
    }
}
