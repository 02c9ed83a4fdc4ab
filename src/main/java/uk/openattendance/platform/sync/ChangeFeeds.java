package uk.openattendance.platform.sync;

import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import java.time.Duration;
import uk.openattendance.platform.problem.CommonProblem;
import uk.openattendance.platform.problem.DomainProblem;

/**
 * The rules every change feed shares. A row's change stamp is taken when it is written, but the row is seen only
 * once its transaction commits; a feed that served it at once could pass a row a longer transaction stamped earlier
 * and commits later. So a feed serves only rows stamped at least {@code settle} ago (on the database's clock): a
 * client that keeps its cursor misses nothing. Integrators who need the moment itself subscribe to the webhooks.
 */
@Singleton
public class ChangeFeeds {
    public static final int MAX_SIZE = 1000;
    private final Duration settle;

    public ChangeFeeds(@Value("${attendance.sync.settle:30s}") Duration settle) {
        this.settle = settle;
    }

    /** Microseconds back from the database's now that a row must have been stamped to be served. */
    public long settleMicros() {
        return settle.toNanos() / 1000;
    }

    public static int size(Integer size) {
        int s = size == null ? 200 : size;
        if (s < 1 || s > MAX_SIZE) {
            throw DomainProblem.field(CommonProblem.VALIDATION_FAILED, "size", "a page size from 1 to " + MAX_SIZE);
        }
        return s;
    }
}
