package uk.openattendance.app.demo;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;

/**
 * What the demo loader has done so far, logged every few seconds while it works (a first start is otherwise silent
 * for as long as it takes), and how long each step took, logged at the end. Steps may run at the same time (schools'
 * marks load on two threads), so each is timed on its own.
 */
final class DemoProgress implements AutoCloseable {
    private static final long EVERY_MS = 3_000;

    private final Logger log;
    private final long started = System.nanoTime();
    private final AtomicInteger pupils = new AtomicInteger();
    private final AtomicInteger marks = new AtomicInteger();
    private final List<String> done = new ArrayList<>();
    private final Map<String, Long> running = new ConcurrentSkipListMap<>();
    private final Thread ticker;

    private DemoProgress(Logger log) {
        this.log = log;
        this.ticker = new Thread(this::tick, "demo-progress");
        this.ticker.setDaemon(true);
    }

    static DemoProgress start(Logger log) {
        DemoProgress p = new DemoProgress(log);
        log.info("Loading the demo trust (first start only): five schools, their pupils, contacts and this term's marks");
        p.ticker.start();
        return p;
    }

    /** Times one step from now until the returned handle is closed. */
    Step step(String what) {
        running.put(what, System.nanoTime());
        return () -> {
            Long from = running.remove(what);
            synchronized (done) {
                done.add(String.format("%s %.1f s", what, (System.nanoTime() - from) / 1e9));
            }
        };
    }

    /** A step under way; closing it records how long it took. */
    interface Step extends AutoCloseable {
        @Override
        void close();
    }

    void pupils(int n) {
        pupils.addAndGet(n);
    }

    void marks(int n) {
        marks.addAndGet(n);
    }

    private double seconds() {
        return (System.nanoTime() - started) / 1e9;
    }

    private void tick() {
        try {
            while (true) {
                Thread.sleep(EVERY_MS);
                log.info(String.format("Loading the demo trust: %s; %,d pupils and %,d marks so far (%.0f s)", String.join(", ", running.keySet()),
                        pupils.get(), marks.get(), seconds()));
            }
        } catch (InterruptedException stopped) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        ticker.interrupt();
        synchronized (done) {
            log.info(String.format("Demo trust loaded in %.1f s: %,d pupils, %,d marks. Steps: %s", seconds(), pupils.get(), marks.get(),
                    String.join(", ", done)));
        }
    }
}
