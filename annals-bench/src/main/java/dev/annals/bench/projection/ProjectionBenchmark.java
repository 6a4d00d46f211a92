package dev.annals.bench.projection;

import dev.annals.bench.Latency;
import dev.annals.event.EventData;
import dev.annals.event.Metadata;
import dev.annals.projection.Projection;
import dev.annals.projection.ProjectionOptions;
import dev.annals.projection.ProjectionRunner;
import dev.annals.serialization.EventCodec;
import dev.annals.serialization.EventTypeRegistry;
import dev.annals.store.ExpectedVersion;
import dev.annals.store.ReadSource;
import dev.annals.store.jdbc.projection.ReadModelTable;
import dev.annals.store.jdbc.projection.SqlContext;
import dev.annals.store.sqlite.SqliteEventStore;
import dev.annals.store.sqlite.SqliteProjections;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

import static java.util.Objects.requireNonNull;

/**
 * {@code annals bench projection}: how fast a JDBC read model on the embedded store is rebuilt, and how
 * long an append takes to reach it at a steady rate.
 *
 * <p>The read model keeps a running total per stream (an upsert per event) in the store's own file.
 * Rebuild: {@code rebuildEvents} events are appended first, then a runner starts from 0 and the clock
 * stops when its checkpoint reaches the head. Latency: with the runner caught up, events are appended one
 * per call at {@code ratePerSecond}; each one's latency runs from when its append was due to the
 * moment the runner reports it processed (each append on its own virtual thread, so appends group-commit
 * as they would from many request threads) (its read-model transaction committed); the start is the
 * event's due time by the schedule, so a late append counts against the latency.
 */
public final class ProjectionBenchmark {

    /** The benchmark's event. */
    public record Counted(long amount) {}

    private static final EventCodec<Counted> CODEC = new EventCodec<>(EventTypeRegistry.builder(Counted.class)
            .register(Counted.class, "BenchCounted")
            .build());
    private static final List<ReadModelTable> TABLES =
            List.of(ReadModelTable.of("bench_totals", "stream TEXT PRIMARY KEY, total INTEGER NOT NULL"));
    private static final int STREAMS = 1_000;

    private ProjectionBenchmark() {}

    /** Runs the benchmark on a new store in {@code dataDirectory}. */
    public static ProjectionBenchmarkResult run(Path dataDirectory, ProjectionBenchmarkOptions options)
            throws InterruptedException {
        requireNonNull(dataDirectory, "dataDirectory");
        requireNonNull(options, "options");
        try (var store = SqliteEventStore.open(dataDirectory)) {
            fill(store, options.rebuildEvents());
            try (var readModel = SqliteProjections.readModel(store, TABLES)) {
                long started = System.nanoTime();
                try (var runner = ProjectionRunner.start(projection(), store, readModel, runnerOptions())) {
                    runner.awaitPosition(store.headPosition(), Duration.ofMinutes(10));
                    double rebuildSeconds = (System.nanoTime() - started) / 1e9;
                    var latency = new Histogram(TimeUnit.MINUTES.toNanos(1), 3);
                    long count = steady(store, runner, options, latency);
                    return new ProjectionBenchmarkResult(
                            options.rebuildEvents(),
                            rebuildSeconds,
                            count,
                            options.ratePerSecond(),
                            Latency.of(latency));
                }
            }
        }
    }

    private static Projection<SqlContext> projection() {
        return Projection.<SqlContext>builder("bench-totals")
                .source(new ReadSource.Category("bench"))
                .events(CODEC)
                .on(
                        Counted.class,
                        (event, tx) -> tx.update(
                                "INSERT INTO {bench_totals} (stream, total) VALUES (?, ?)"
                                        + " ON CONFLICT (stream) DO UPDATE SET total = total + excluded.total",
                                tx.event().stream(),
                                event.amount()))
                .build();
    }

    private static ProjectionOptions runnerOptions() {
        return ProjectionOptions.defaults().withMeterRegistry(new SimpleMeterRegistry());
    }

    private static void fill(SqliteEventStore store, int events) {
        int perAppend = 100;
        for (int written = 0; written < events; written += perAppend) {
            var batch = new ArrayList<EventData>(perAppend);
            for (int i = 0; i < Math.min(perAppend, events - written); i++) {
                batch.add(CODEC.encode(new Counted(written + i), Metadata.empty()));
            }
            store.append("bench-" + (written / perAppend % STREAMS), ExpectedVersion.any(), batch);
        }
    }

    private static long steady(
            SqliteEventStore store,
            ProjectionRunner<SqlContext> runner,
            ProjectionBenchmarkOptions options,
            Histogram latency)
            throws InterruptedException {
        long total = options.latencyRun().toNanos() * options.ratePerSecond() / 1_000_000_000L;
        long interval = 1_000_000_000L / options.ratePerSecond();
        var recorder = new Recorder(3);
        var senders = new ArrayList<Thread>((int) total);
        long start = System.nanoTime();
        for (long i = 0; i < total; i++) {
            long due = start + i * interval;
            // Open loop: each event is sent at its due time on its own virtual thread, whatever the others do.
            for (long wait = due - System.nanoTime(); wait > 0; wait = due - System.nanoTime()) {
                LockSupport.parkNanos(wait);
            }
            long n = i;
            senders.add(Thread.ofVirtual().start(() -> {
                long position = store.append(
                                "bench-" + (n % STREAMS),
                                ExpectedVersion.any(),
                                CODEC.encode(new Counted(n), Metadata.empty()))
                        .position();
                runner.awaitPosition(position, Duration.ofSeconds(30));
                // From the due time, not the call: a late append must not hide the wait it caused.
                recorder.recordValue(System.nanoTime() - due);
            }));
        }
        for (Thread sender : senders) {
            sender.join();
        }
        latency.add(recorder.getIntervalHistogram());
        return total;
    }
}
