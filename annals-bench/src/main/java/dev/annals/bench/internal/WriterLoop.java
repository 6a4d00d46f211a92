package dev.annals.bench.internal;

import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.HdrHistogram.Histogram;

/** The loop of one writer thread: claim events from the shared budget, append them, time each append. */
final class WriterLoop<P> {

    private final LoadDriver.Writer<P> writer;
    private final AtomicLong remaining;
    private final int batch;
    private final AtomicReference<Throwable> failure;
    // Auto-resizing, 3 significant digits: no latency is ever out of range.
    private final Histogram latencies = new Histogram(3);
    private long events;
    private long appends;

    private WriterLoop(
            LoadDriver.Writer<P> writer, AtomicLong remaining, int batch, AtomicReference<Throwable> failure) {
        this.writer = writer;
        this.remaining = remaining;
        this.batch = batch;
        this.failure = failure;
    }

    static <P> WriterLoop<P> of(
            LoadDriver.Writer<P> writer, AtomicLong remaining, int batch, AtomicReference<Throwable> failure) {
        return new WriterLoop<>(writer, remaining, batch, failure);
    }

    void run() {
        try {
            int claimed;
            while ((claimed = claim()) > 0 && failure.get() == null) {
                P prepared = writer.prepare(claimed);
                long began = System.nanoTime();
                writer.append(prepared);
                latencies.recordValue(System.nanoTime() - began);
                events += claimed;
                appends++;
            }
        } catch (Throwable e) {
            failure.compareAndSet(null, e);
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private int claim() {
        while (true) {
            long left = remaining.get();
            if (left <= 0) {
                return 0;
            }
            int take = (int) Math.min(batch, left);
            if (remaining.compareAndSet(left, left - take)) {
                return take;
            }
        }
    }

    Histogram latencies() {
        return latencies;
    }

    long events() {
        return events;
    }

    long appends() {
        return appends;
    }
}
