package uk.openattendance.notify.persistence;

/**
 * Where an outbox message is: waiting to be sent (or sent again), accepted by the provider, confirmed delivered, or
 * settled without reaching anyone (failed, the recipient opted out, or cancelled before sending). Stored by name.
 */
public enum OutboxStatus {
    PENDING,
    SENT,
    DELIVERED,
    FAILED,
    SUPPRESSED,
    CANCELLED;

    /** The provider took the message (a receipt may later say whether it arrived). */
    public boolean sent() {
        return this == SENT || this == DELIVERED;
    }
}
