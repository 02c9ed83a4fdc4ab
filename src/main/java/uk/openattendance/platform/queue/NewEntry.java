package uk.openattendance.platform.queue;

import java.time.Instant;

/** Work to queue: the owning row, its school, its priority (lower goes first) and when it falls due. */
public record NewEntry(long refId, long schoolId, int priority, Instant dueAt) {
    public static final int NORMAL = 5;
}
