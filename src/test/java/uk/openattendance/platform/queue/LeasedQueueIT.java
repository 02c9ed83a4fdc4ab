package uk.openattendance.platform.queue;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import uk.openattendance.platform.queue.domain.LeaseTerms;

/**
 * Two instances of the queue on one database, each with its own owner, heartbeat and workers, as two replicas of the
 * service would be. They run on the real clock with a short lease, so leases lapse (or are kept alive) for real.
 */
@MicronautTest(transactional = false)
class LeasedQueueIT {
    private static final LeaseTerms SHORT = new LeaseTerms(Duration.ofSeconds(3), Duration.ofSeconds(1)); // the database keeps whole seconds

    @Inject QueueStore store;

    private final List<LeasedQueue> instances = new ArrayList<>();
    private final String queue = "test-" + UUID.randomUUID().toString().substring(0, 8);
    /** How many times each entry's work ran to its end, across instances. */
    private final Map<Long, AtomicInteger> worked = new ConcurrentHashMap<>();
    private final Map<Long, Boolean> inDoubt = new ConcurrentHashMap<>();
    private final CountDownLatch firstStarted = new CountDownLatch(1);

    @AfterEach
    void stop() {
        instances.forEach(LeasedQueue::close);
    }

    /** A consumer that takes {@code slow} per entry (a provider answering slowly), then records the entry done. */
    private LeasedQueue instance(String owner, int workers, Duration slow) {
        QueueConsumer consumer = QueueConsumer.of(queue, workers, claim -> {
            inDoubt.put(claim.refId(), claim.inDoubt());
            firstStarted.countDown();
            sleep(slow);
            return claim.done(() -> worked.computeIfAbsent(claim.refId(), id -> new AtomicInteger()).incrementAndGet()) ? "DONE" : "REFUSED";
        });
        LeasedQueue q = new LeasedQueue(store, () -> List.of(consumer), Clock.systemUTC(), SHORT, owner);
        instances.add(q);
        return q;
    }

    private void enqueue(long n) {
        store.enqueue(queue, LongStream.rangeClosed(1, n).mapToObj(i -> new NewEntry(i, 900_000, NewEntry.NORMAL, Instant.now().minusSeconds(1))).toList(),
                Instant.now());
    }

    @Test
    void twoQueueConsumersNeverWorkOneEntryTwiceAndLoseNone() throws Exception {
        enqueue(300);
        LeasedQueue a = instance("instance-a", 4, Duration.ofMillis(5));
        LeasedQueue b = instance("instance-b", 4, Duration.ofMillis(5));
        var da = CompletableFuture.supplyAsync(() -> a.drain(queue, null));
        var db = CompletableFuture.supplyAsync(() -> b.drain(queue, null));
        int done = da.get(60, TimeUnit.SECONDS).getOrDefault("DONE", 0) + db.get(60, TimeUnit.SECONDS).getOrDefault("DONE", 0);
        assertThat(done).isEqualTo(300);
        assertThat(worked).hasSize(300);
        assertThat(worked.values()).allMatch(n -> n.get() == 1);
        assertThat(store.ofRows(queue, worked.keySet())).as("every entry finished leaves the queue").isEmpty();
    }

    @Test
    void aSlowSendIsNotClaimedByTheOtherInstanceWhileItsLeaseIsKeptAlive() throws Exception {
        enqueue(1);
        LeasedQueue a = instance("instance-a", 1, Duration.ofSeconds(9)); // three leases long
        LeasedQueue b = instance("instance-b", 1, Duration.ZERO);
        var slow = CompletableFuture.supplyAsync(() -> a.drain(queue, null));
        assertThat(firstStarted.await(10, TimeUnit.SECONDS)).isTrue();
        Instant until = Instant.now().plusMillis(8_000);
        int tries = 0;
        while (Instant.now().isBefore(until)) {
            assertThat(b.drain(queue, null)).as("the other instance finds nothing to take while the first renews its lease").isEmpty();
            tries++;
            Thread.sleep(200);
        }
        assertThat(slow.get(30, TimeUnit.SECONDS)).containsEntry("DONE", 1);
        assertThat(tries).isGreaterThan(20);
        assertThat(worked.get(1L).get()).isEqualTo(1);
        assertThat(inDoubt.get(1L)).isFalse();
    }

    @Test
    void anEntryOfADeadInstanceIsReapedAndDoneOnce() throws Exception {
        enqueue(1);
        CountDownLatch started = new CountDownLatch(1);
        // the first instance claims the entry and hangs in its work; then it dies: its heartbeat stops with it
        QueueConsumer hangs = QueueConsumer.of(queue, 1, claim -> {
            started.countDown();
            // a hung worker: it wakes when it wakes, whatever happens around it
            Instant wake = Instant.now().plusSeconds(6);
            while (Instant.now().isBefore(wake)) {
                try {
                    Thread.sleep(100);
                } catch (InterruptedException ignored) {
                    // kill -9 interrupts nothing: the worker goes on as it would
                }
            }
            return claim.done(() -> worked.computeIfAbsent(claim.refId(), id -> new AtomicInteger()).incrementAndGet()) ? "DONE" : "REFUSED";
        });
        LeasedQueue dying = new LeasedQueue(store, () -> List.of(hangs), Clock.systemUTC(), SHORT, "instance-that-dies");
        var late = CompletableFuture.supplyAsync(() -> dying.drain(queue, null));
        assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();
        dying.close(); // kill -9, as far as its heartbeat knows
        LeasedQueue b = instance("instance-b", 1, Duration.ZERO);
        assertThat(b.drain(queue, null)).as("not before its lease lapses").isEmpty();
        // its last renewal may have come just before it died, and the database keeps whole seconds: look until the lease has surely lapsed
        Instant died = Instant.now();
        Map<String, Integer> taken = Map.of();
        while (taken.isEmpty() && Instant.now().isBefore(died.plus(SHORT.lease()).plusSeconds(5))) {
            Thread.sleep(250);
            taken = b.drain(queue, null);
        }
        assertThat(taken).containsEntry("DONE", 1);
        assertThat(Duration.between(died, Instant.now())).as("taken over only once its lease lapsed")
                .isGreaterThanOrEqualTo(SHORT.lease().minus(SHORT.heartbeat().multipliedBy(2)));
        assertThat(inDoubt.get(1L)).as("the new holder is told the dead one may have done the work").isTrue();
        assertThat(b.drain(queue, null)).as("done once: nothing is left to take").isEmpty();
        // the dead instance's worker wakes and tries to record its result: refused, the work counted once
        assertThat(late.get(30, TimeUnit.SECONDS)).containsEntry("REFUSED", 1);
        assertThat(worked.get(1L).get()).isEqualTo(1);
    }

    @Test
    void aResultWithAStaleClaimTokenIsRefused() {
        enqueue(1);
        Instant now = Instant.now();
        QueueEntry first = store.claim(queue, "instance-a", now, now.minusSeconds(2), 1, null, List.of()).get(0);
        assertThat(store.reap(now)).extracting(QueueEntry::id).contains(first.id());
        QueueEntry second = store.claim(queue, "instance-b", now, now.plusSeconds(60), 1, null, List.of()).get(0);
        assertThat(second.claimToken()).isGreaterThan(first.claimToken());
        assertThat(second.inDoubt()).isTrue();
        AtomicInteger written = new AtomicInteger();
        assertThat(store.settle(first, QueueStore.Settlement.DONE, null, now, written::incrementAndGet)).isFalse();
        assertThat(store.settle(first, QueueStore.Settlement.RETRY, now.plusSeconds(30), now, written::incrementAndGet)).isFalse();
        assertThat(written).as("nothing the stale holder meant to write was written").hasValue(0);
        assertThat(store.ofRows(queue, List.of(1L))).singleElement().satisfies(e -> {
            assertThat(e.owner()).isEqualTo("instance-b");
            assertThat(e.claimToken()).isEqualTo(second.claimToken());
        });
        assertThat(store.settle(second, QueueStore.Settlement.DONE, null, now, written::incrementAndGet)).isTrue();
        assertThat(written).hasValue(1);
    }

    /** The figure for issue 12: a provider taking 1.5 s a text, two instances of 8 workers each. */
    @Test
    void manySlowSendsAcrossTwoInstancesTakeSecondsNotMinutesWithNoDuplicateAndNoLoss() throws Exception {
        int n = Integer.getInteger("queue.bench.messages", 160);
        enqueue(n);
        LeasedQueue a = instance("instance-a", 8, Duration.ofMillis(1500));
        LeasedQueue b = instance("instance-b", 8, Duration.ofMillis(1500));
        long t0 = System.nanoTime();
        var da = CompletableFuture.supplyAsync(() -> a.drain(queue, null));
        var db = CompletableFuture.supplyAsync(() -> b.drain(queue, null));
        da.get(10, TimeUnit.MINUTES);
        db.get(10, TimeUnit.MINUTES);
        double seconds = (System.nanoTime() - t0) / 1e9;
        long duplicates = worked.values().stream().mapToInt(AtomicInteger::get).filter(c -> c > 1).mapToLong(c -> c - 1).sum();
        long lost = n - worked.size();
        System.out.printf("QUEUE FIGURE: %d messages, 2 instances x 8 workers, 1.5 s per send: %.1f s, duplicates %d, lost %d "
                + "(a single worker would take %.0f s)%n", n, seconds, duplicates, lost, n * 1.5);
        assertThat(duplicates).isZero();
        assertThat(lost).isZero();
        assertThat(seconds).isLessThan(n * 1.5 / 16 * 2 + 10);
    }

    private static void sleep(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
