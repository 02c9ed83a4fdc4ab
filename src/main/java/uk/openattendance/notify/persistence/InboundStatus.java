package uk.openattendance.notify.persistence;

/** Where a family's text is: stored, dealt with at once, waiting for a person, or settled by one. */
public enum InboundStatus {
    /** Stored and not yet processed; the sweeper processes one left here by a crash. */
    RECEIVED,
    ACTIONED,
    REVIEW,
    RESOLVED
}
