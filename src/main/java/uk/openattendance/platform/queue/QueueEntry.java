package uk.openattendance.platform.queue;

import java.time.Instant;

/**
 * One piece of queued work as claimed: which queue, the row it is about ({@code refId} in the owning feature's table),
 * how many times it has been claimed ({@code attempts}, this claim included), the claim's fencing token, and whether
 * an earlier holder may have done the work before it vanished ({@code inDoubt}).
 */
public record QueueEntry(long id, String queue, long refId, long schoolId, int priority, Instant dueAt, int attempts, long claimToken,
        boolean inDoubt, String owner, Instant leaseUntil) {}
