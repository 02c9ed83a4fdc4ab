package uk.openattendance.platform.queue;

import java.util.function.Function;

/**
 * What a feature gives the queue to have its work done: the queue's name, how many entries an instance works at
 * once, and the work itself. {@code worker} is handed one claimed entry and settles it through the {@link Claim}
 * (done, or due again), writing its own rows in the same transaction; what it returns is a word counted in
 * {@link LeasedQueue#drain}'s answer. A feature declares one as a bean; nothing else is needed to have it worked.
 *
 * @param oneAtATimePerSchool one school's entries are worked one after another, in their order, never two at once on
 *     an instance (jobs that feed each other: the first texts before the call list they fill); otherwise each entry is
 *     its own task
 * @param ticks whether the instance's ticker works this queue by itself; when not, only {@link LeasedQueue#drain} does
 */
public record QueueConsumer(String queue, int workers, boolean oneAtATimePerSchool, boolean ticks, Function<Claim, String> worker) {

    /** Entries worked side by side by {@code workers} threads, on the instance's ticker. */
    public static QueueConsumer of(String queue, int workers, Function<Claim, String> worker) {
        return new QueueConsumer(queue, workers, false, true, worker);
    }

    public QueueConsumer oneSchoolAtATime() {
        return new QueueConsumer(queue, workers, true, ticks, worker);
    }

    public QueueConsumer ticking(boolean on) {
        return new QueueConsumer(queue, workers, oneAtATimePerSchool, on, worker);
    }

    public String work(Claim claim) {
        return worker.apply(claim);
    }
}
