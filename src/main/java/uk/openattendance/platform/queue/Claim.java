package uk.openattendance.platform.queue;

import java.time.Instant;
import uk.openattendance.platform.queue.QueueStore.Settlement;

/**
 * A claimed entry in the hands of the code working it. Each way of settling it records the queue's side and runs
 * {@code alsoWrite} (the feature's own rows) in one transaction, only while this claim's token is still the entry's;
 * each returns false, having written nothing, when the claim was lost (its lease lapsed and another instance took it).
 */
public final class Claim {
    private final QueueEntry entry;
    private final LeasedQueue queue;
    private volatile boolean settled;

    Claim(QueueEntry entry, LeasedQueue queue) {
        this.entry = entry;
        this.queue = queue;
    }

    public QueueEntry entry() {
        return entry;
    }

    public long refId() {
        return entry.refId();
    }

    public long schoolId() {
        return entry.schoolId();
    }

    /** How many times this entry has been claimed, this claim included. */
    public int attempts() {
        return entry.attempts();
    }

    /** An earlier holder stopped while it held this entry, after it might have done the work: check before doing it again. */
    public boolean inDoubt() {
        return entry.inDoubt();
    }

    public boolean settled() {
        return settled;
    }

    /** The work is finished (well or for good): the entry leaves the queue. */
    public boolean done(Runnable alsoWrite) {
        return settle(Settlement.DONE, null, alsoWrite);
    }

    /** The attempt failed; try again at {@code at} (the attempt counts towards the backoff's limit). */
    public boolean retry(Instant at, Runnable alsoWrite) {
        return settle(Settlement.RETRY, at, alsoWrite);
    }

    /** As {@link #retry}, when this attempt itself may have done the work: the next holder checks first. */
    public boolean retryInDoubt(Instant at, Runnable alsoWrite) {
        return settle(Settlement.RETRY_IN_DOUBT, at, alsoWrite);
    }

    /** Not tried now (quiet hours): due again at {@code at}, and this claim is not counted as an attempt. */
    public boolean defer(Instant at, Runnable alsoWrite) {
        return settle(Settlement.DEFER, at, alsoWrite);
    }

    /** Part of the work waits on something else: due again at {@code at} with its attempts counted afresh. */
    public boolean restart(Instant at, Runnable alsoWrite) {
        return settle(Settlement.RESTART, at, alsoWrite);
    }

    private boolean settle(Settlement how, Instant at, Runnable alsoWrite) {
        try {
            return queue.settle(entry, how, at, alsoWrite);
        } finally {
            settled = true;
        }
    }
}
