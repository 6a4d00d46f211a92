package dev.annals.bench.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.IntFunction;
import org.HdrHistogram.Histogram;

import static java.util.Objects.requireNonNull;

/**
 * Runs writer threads that share one budget of events: each claims up to a batch at a time and
 * appends it, until the budget is spent. Only the append itself is timed; preparing it is not.
 */
public final class LoadDriver {

    /** One writer's target: builds an append of some events, then performs it durably. */
    public interface Writer<P> {
        /** Builds, untimed, an append of {@code events} events. */
        P prepare(int events);

        /** Performs the append; returns only once it is durable. */
        void append(P prepared) throws Exception;
    }

    /**
     * What a run measured.
     *
     * @param events       events appended over all writers
     * @param appends      append calls made
     * @param elapsedNanos from the release of the writers to the end of the last one
     * @param latencies    nanoseconds per append call, over all writers
     */
    public record Measurement(long events, long appends, long elapsedNanos, Histogram latencies) {}

    private LoadDriver() {}

    /**
     * Starts {@code writerCount} threads together and lets them append {@code events} events in
     * batches of {@code batch}.
     *
     * @throws IllegalStateException carrying the first writer's failure, once every writer stopped
     */
    public static Measurement run(int writerCount, long events, int batch, IntFunction<Writer<?>> writers)
            throws InterruptedException {
        requireNonNull(writers, "writers");
        var remaining = new AtomicLong(events);
        var failure = new AtomicReference<Throwable>();
        var ready = new CountDownLatch(writerCount);
        var start = new CountDownLatch(1);
        // Every writer is built before any thread starts, so that a failure here leaves no thread waiting.
        var loops = new ArrayList<WriterLoop<?>>(writerCount);
        for (int i = 0; i < writerCount; i++) {
            loops.add(WriterLoop.of(writers.apply(i), remaining, batch, failure));
        }
        var threads = new ArrayList<Thread>(writerCount);
        for (int i = 0; i < writerCount; i++) {
            var loop = loops.get(i);
            threads.add(Thread.ofPlatform().name("bench-writer-" + i).start(() -> {
                ready.countDown();
                try {
                    start.await();
                    loop.run();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }));
        }
        long began;
        try {
            ready.await();
            began = System.nanoTime();
            start.countDown();
            for (Thread thread : threads) {
                thread.join();
            }
        } catch (InterruptedException e) {
            threads.forEach(Thread::interrupt);
            throw e;
        }
        long elapsed = System.nanoTime() - began;
        if (failure.get() != null) {
            throw new IllegalStateException(
                    "a benchmark writer failed: " + failure.get().getMessage(), failure.get());
        }
        return merge(loops, elapsed);
    }

    private static Measurement merge(List<WriterLoop<?>> loops, long elapsed) {
        var latencies = new Histogram(3);
        long events = 0;
        long appends = 0;
        for (WriterLoop<?> loop : loops) {
            latencies.add(loop.latencies());
            events += loop.events();
            appends += loop.appends();
        }
        return new Measurement(events, appends, elapsed, latencies);
    }
}
