package uk.openattendance.followup.domain;

/**
 * Where a child on the call list stands: open while the office is still calling ({@code CALL}) or the designated lead
 * has been told ({@code ESCALATED}); closed once the child is known to be {@code SAFE} or the absence was
 * {@code EXPLAINED}. Stored by name in follow_up_case.status.
 */
public enum FollowUpStatus {
    CALL,
    ESCALATED,
    SAFE,
    EXPLAINED;

    public boolean open() {
        return this == CALL || this == ESCALATED;
    }
}
