package uk.openattendance.platform.queue;

/**
 * What a feature gives the queue to have its work done: the queue's name, how many entries an instance works at
 * once, and the work itself. {@link #work} is handed one claimed entry and settles it through the {@link Claim}
 * (done, or due again), writing its own rows in the same transaction; what it returns is a word counted in
 * {@link LeasedQueue#drain}'s answer.
 */
public interface QueueConsumer {
    String queue();

    /** How many of this queue's entries one instance works at the same time. */
    int workers();

    /**
     * Whether one school's entries are worked one after another, in their order, never two at once on an instance
     * (jobs that feed each other: the first texts before the call list they fill). Otherwise each entry is its own task.
     */
    default boolean oneAtATimePerSchool() {
        return false;
    }

    /** Whether the instance's ticker works this queue by itself; when not, only {@link LeasedQueue#drain} does. */
    default boolean ticks() {
        return true;
    }

    String work(Claim claim);
}
