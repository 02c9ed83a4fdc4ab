package uk.openattendance.platform.queue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import uk.openattendance.platform.db.Deadlocks;
import uk.openattendance.platform.queue.QueueStore.Settlement;
import uk.openattendance.platform.queue.domain.LeaseTerms;

/**
 * One instance's side of the durable queue (after Kill Bill's notification queue: claim with an owner and a lease,
 * work outside any transaction, a reaper for the entries of owners that died). Each queue has a bounded pool of
 * workers on this instance; entries are claimed only as workers come free, so no entry waits behind a slow one. While
 * an entry is worked, a heartbeat renews its lease, so a slow provider never lets another instance take it; an
 * instance that dies stops renewing, its leases lapse, and the reaper makes its entries available again, in doubt.
 * Every result is fenced by the claim's token.
 */
public class LeasedQueue implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(LeasedQueue.class);
    /** How many of one school's entries a one-at-a-time queue claims together (its jobs due at the same moment). */
    static final int SCHOOL_BATCH = 8;
    /** An entry whose work threw, or ended without settling it (a bug), is tried again after this. */
    static final Duration AFTER_AN_ERROR = Duration.ofMinutes(1);
    /** The outcome {@link #drain} counts for an entry whose work threw, whatever words its consumer uses. */
    public static final String ERROR = "ERROR";
    /** The outcome a consumer returns for an entry with nothing left to do (settled elsewhere, or no longer pending). */
    public static final String GONE = "GONE";

    private final QueueStore store;
    private final Supplier<? extends Collection<QueueConsumer>> consumers;
    private final Clock clock;
    private final LeaseTerms terms;
    private final String owner;
    private final Map<Long, Long> held = new ConcurrentHashMap<>();
    private final ScheduledExecutorService heartbeat;
    private volatile Map<String, Lane> lanes;

    public LeasedQueue(QueueStore store, Supplier<? extends Collection<QueueConsumer>> consumers, Clock clock, LeaseTerms terms, String owner) {
        this.store = store;
        this.consumers = consumers;
        this.clock = clock;
        this.terms = terms;
        this.owner = owner;
        this.heartbeat = Executors.newSingleThreadScheduledExecutor(r -> daemon(r, "queue-heartbeat-" + owner));
        long every = terms.heartbeat().toMillis();
        heartbeat.scheduleWithFixedDelay(this::beat, every, every, TimeUnit.MILLISECONDS);
    }

    public String owner() {
        return owner;
    }

    public LeaseTerms terms() {
        return terms;
    }

    /** One pass of the instance's ticker: reap the entries of dead owners, then fill every queue's free workers. */
    public void tick() {
        reap();
        for (Lane lane : lanes().values()) {
            if (lane.consumer.ticks()) {
                try {
                    fill(lane, null);
                } catch (RuntimeException e) {
                    LOG.error("claiming from queue {} failed; the next pass tries again", lane.consumer.queue(), e);
                }
            }
        }
    }

    /**
     * Works one queue's due entries on this instance until none is due (for some schools only, when given), waiting
     * for each; returns how many of each outcome the work reported. Tests and "send now" use it; the ticker does not wait.
     */
    public Map<String, Integer> drain(String queue, Collection<Long> onlySchools) {
        Lane lane = lanes().get(queue);
        if (lane == null) {
            throw new IllegalArgumentException("no consumer for queue " + queue);
        }
        reap();
        Map<String, Integer> counts = new TreeMap<>();
        List<CompletableFuture<List<String>>> running = new ArrayList<>();
        for (int round = 0; round < 1_000_000; round++) {
            running.addAll(fill(lane, onlySchools));
            if (running.isEmpty()) {
                break;
            }
            CompletableFuture.anyOf(running.toArray(CompletableFuture[]::new)).join();
            for (var it = running.iterator(); it.hasNext(); ) {
                CompletableFuture<List<String>> f = it.next();
                if (f.isDone()) {
                    it.remove();
                    f.join().forEach(outcome -> counts.merge(outcome, 1, Integer::sum));
                }
            }
        }
        return counts;
    }

    /** Makes the entries of owners that stopped renewing available again, in doubt; returns them as they were. */
    public List<QueueEntry> reap() {
        List<QueueEntry> reaped;
        try {
            reaped = store.reap(clock.instant());
        } catch (RuntimeException e) {
            if (Deadlocks.isDeadlock(e)) {
                return List.of();
            }
            throw e;
        }
        for (QueueEntry e : reaped) {
            LOG.warn("{} entry {} (row {}): its owner {} stopped renewing its lease (until {}); available again, in doubt", e.queue(), e.id(), e.refId(),
                    e.owner(), e.leaseUntil());
        }
        return reaped;
    }

    boolean settle(QueueEntry entry, Settlement how, Instant at, Runnable alsoWrite) {
        try {
            return store.settle(entry, how, at, clock.instant(), alsoWrite);
        } finally {
            held.remove(entry.id());
        }
    }

    /** Claims as many entries as the lane has free workers and starts them; returns the work started. */
    private List<CompletableFuture<List<String>>> fill(Lane lane, Collection<Long> onlySchools) {
        synchronized (lane) {
            int free = lane.consumer.workers() - lane.busy.get();
            if (free <= 0) {
                return List.of();
            }
            boolean serial = lane.consumer.oneAtATimePerSchool();
            List<QueueEntry> claimed = claim(lane.consumer.queue(), serial ? SCHOOL_BATCH : free, onlySchools, serial ? Set.copyOf(lane.busySchools) : Set.of());
            List<List<QueueEntry>> tasks = serial
                    ? new ArrayList<>(claimed.stream().collect(Collectors.groupingBy(QueueEntry::schoolId, LinkedHashMap::new, Collectors.toList())).values())
                    : claimed.stream().map(List::of).toList();
            List<CompletableFuture<List<String>>> started = new ArrayList<>();
            for (List<QueueEntry> task : tasks) {
                task.forEach(e -> held.put(e.id(), e.claimToken()));
                lane.busy.incrementAndGet();
                long school = task.get(0).schoolId();
                if (serial) {
                    lane.busySchools.add(school);
                }
                started.add(CompletableFuture.supplyAsync(() -> task.stream().map(e -> work(lane.consumer, e)).toList(), lane.pool).whenComplete((r, t) -> {
                    lane.busy.decrementAndGet();
                    lane.busySchools.remove(school);
                    task.forEach(e -> held.remove(e.id()));
                }));
            }
            return started;
        }
    }

    private List<QueueEntry> claim(String queue, int limit, Collection<Long> onlySchools, Collection<Long> exceptSchools) {
        for (int attempt = 1; ; attempt++) {
            Instant now = clock.instant();
            try {
                return store.claim(queue, owner, now, terms.until(now), limit, onlySchools, exceptSchools);
            } catch (RuntimeException e) {
                // InnoDB chose the claim as a deadlock victim: it changed nothing, so it simply runs again
                if (attempt >= 5 || !Deadlocks.isDeadlock(e)) {
                    throw e;
                }
            }
        }
    }

    private String work(QueueConsumer consumer, QueueEntry entry) {
        Claim claim = new Claim(entry, this);
        try {
            String outcome = consumer.work(claim);
            if (!claim.settled()) {
                LOG.error("{} entry {} (row {}) was worked but not settled; tried again in {}", entry.queue(), entry.id(), entry.refId(), AFTER_AN_ERROR);
                claim.retry(clock.instant().plus(AFTER_AN_ERROR), null);
            }
            return outcome;
        } catch (RuntimeException e) {
            LOG.error("{} entry {} (row {}) failed; tried again in {}", entry.queue(), entry.id(), entry.refId(), AFTER_AN_ERROR, e);
            if (!claim.settled()) {
                try {
                    claim.retry(clock.instant().plus(AFTER_AN_ERROR), null);
                } catch (RuntimeException again) {
                    LOG.error("{} entry {}: could not record the failure; its lease will lapse and it is reaped", entry.queue(), entry.id(), again);
                }
            }
            return ERROR;
        }
    }

    /** Renews the leases of every entry this instance is still working. */
    void beat() {
        if (held.isEmpty()) {
            return;
        }
        try {
            Map<Long, Long> now = new HashMap<>(held);
            List<Long> renewed = store.heartbeat(owner, now, terms.until(clock.instant()));
            for (Long id : now.keySet()) {
                if (!renewed.contains(id) && held.containsKey(id)) {
                    LOG.warn("queue entry {}: this instance ({}) lost its lease; whatever it records for it will be refused", id, owner);
                }
            }
        } catch (RuntimeException e) {
            LOG.warn("heartbeat of {} failed; the next one tries again", owner, e);
        }
    }

    private Map<String, Lane> lanes() {
        Map<String, Lane> l = lanes;
        if (l == null) {
            synchronized (this) {
                if (lanes == null) {
                    Map<String, Lane> built = new LinkedHashMap<>();
                    for (QueueConsumer c : consumers.get()) {
                        built.put(c.queue(), new Lane(c, Executors.newFixedThreadPool(Math.max(1, c.workers()), r -> daemon(r, "queue-" + c.queue()))));
                    }
                    lanes = built;
                }
                l = lanes;
            }
        }
        return l;
    }

    @Override
    public void close() {
        heartbeat.shutdownNow();
        Map<String, Lane> l = lanes;
        if (l != null) {
            l.values().forEach(lane -> lane.pool.shutdownNow());
        }
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }

    private static final class Lane {
        final QueueConsumer consumer;
        final ExecutorService pool;
        final AtomicInteger busy = new AtomicInteger();
        final Set<Long> busySchools = ConcurrentHashMap.newKeySet();

        Lane(QueueConsumer consumer, ExecutorService pool) {
            this.consumer = consumer;
            this.pool = pool;
        }
    }
}
