package dev.annals.kafka.testing;

import dev.annals.event.EventData;
import dev.annals.store.EventStore;
import dev.annals.store.ExpectedVersion;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.IntStream;

/**
 * Writers appending to a store on threads of their own, each to three streams of its own, one to three events
 * per append, paced at about one append per {@code pauseMillis} each, so that a test's run holds a bounded
 * number of events.
 */
public final class Writers implements AutoCloseable {

    private final List<Thread> threads = new ArrayList<>();
    private final AtomicLong appended = new AtomicLong();
    private final AtomicReference<Throwable> failure = new AtomicReference<>();
    private volatile boolean stopping;

    private Writers(EventStore store, int count, long pauseMillis) {
        for (int writer = 0; writer < count; writer++) {
            int id = writer;
            threads.add(Thread.ofPlatform().name("writer-" + id).start(() -> write(store, id, pauseMillis)));
        }
    }

    public static Writers start(EventStore store, int count, long pauseMillis) {
        return new Writers(store, count, pauseMillis);
    }

    private void write(EventStore store, int id, long pauseMillis) {
        try {
            for (int round = 0; !stopping; round++) {
                String stream = (id % 2 == 0 ? "account" : "order") + "-" + id + "x" + (round % 3);
                int size = 1 + round % 3;
                var events = IntStream.range(0, size)
                        .mapToObj(i -> EventData.of("Noted", "{\"writer\":" + id + "}"))
                        .toList();
                store.append(stream, ExpectedVersion.any(), events);
                appended.addAndGet(size);
                // Pacing a load generator, not waiting for anything.
                LockSupport.parkNanos(pauseMillis * 1_000_000L);
            }
        } catch (RuntimeException e) {
            failure.set(e);
        }
    }

    /** Events appended so far. */
    public long appended() {
        return appended.get();
    }

    /** Stops the writers and returns how many events they appended; rethrows a writer's failure. */
    public long stop() throws InterruptedException {
        stopping = true;
        for (var thread : threads) {
            thread.join();
        }
        if (failure.get() != null) {
            throw new IllegalStateException("a writer failed", failure.get());
        }
        return appended.get();
    }

    @Override
    public void close() throws InterruptedException {
        stop();
    }
}
