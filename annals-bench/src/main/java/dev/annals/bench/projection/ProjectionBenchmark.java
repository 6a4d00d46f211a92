package dev.annals.bench.projection;

import dev.annals.bench.Latency;
import dev.annals.event.Metadata;
import dev.annals.projection.ProjectionOptions;
import dev.annals.projection.ProjectionRunner;
import dev.annals.store.EventStore;
import dev.annals.store.ExpectedVersion;
import dev.annals.store.jdbc.projection.SqlContext;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

import static java.util.Objects.requireNonNull;

/**
 * {@code annals bench projection}: how fast JDBC read models are rebuilt beside how fast the store replays
 * the same events, and how long an append takes to reach a read model at a steady rate.
 *
 * <p>Rebuild: each workload's events ({@link RebuildWorkload#totals()}, {@link RebuildWorkload#balances()})
 * are appended first; then its source is read once from position 0 untimed (a warm-up) and once timed
 * (the replay), and a runner starts from 0 and the clock stops when its checkpoint reaches the head (the
 * rebuild). Latency: with the totals' runner caught up, events are appended one per call at
 * {@code ratePerSecond}, each on its own virtual thread (so appends group-commit as they would from many
 * request threads); each one's latency runs from when its append was due by the schedule to the moment
 * the runner reports it processed (its read-model transaction committed), so a late append counts. Beside
 * it: the appends' own latency from the same due time to their acknowledgement (the store's share of the
 * total), the rest from the acknowledgement to the read model (the projection's own lag), and the process's
 * CPU time over the run, which a shared machine does not distort as it does the
 * wall clock.
 */
public final class ProjectionBenchmark {

    private ProjectionBenchmark() {}

    /** Runs the benchmark on {@code target}, which it fills; the caller closes it. */
    public static ProjectionBenchmarkResult run(BenchedStore target, ProjectionBenchmarkOptions options)
            throws InterruptedException {
        requireNonNull(target, "target");
        requireNonNull(options, "options");
        var totals = RebuildWorkload.totals();
        List<RebuildWorkload<?>> workloads = List.of(totals, RebuildWorkload.balances());
        for (var workload : workloads) {
            workload.fill(target.store(), options.rebuildEvents());
        }
        target.settle();
        var rebuilds = new ArrayList<RebuildResult>();
        for (var workload : workloads) {
            rebuilds.add(rebuild(target, workload));
        }
        try (var readModel = target.readModel(totals.tables());
                var runner = ProjectionRunner.start(totals.projection(), target.store(), readModel, runnerOptions())) {
            runner.awaitPosition(target.store().headPosition(), Duration.ofMinutes(10));
            var warmUp = new Steady(options.eventsIn(options.warmUp()));
            warmUp.run(target.store(), totals, runner, options);
            var measured = new Steady(options.eventsIn(options.latencyRun()));
            long cpuBefore = processCpuNanos();
            measured.run(target.store(), totals, runner, options);
            double cpuSeconds = (processCpuNanos() - cpuBefore) / 1e9;
            return new ProjectionBenchmarkResult(
                    target.database(),
                    rebuilds,
                    measured.total,
                    options.ratePerSecond(),
                    Latency.of(measured.latency),
                    Latency.of(measured.appended),
                    Latency.of(measured.afterAppend),
                    cpuSeconds,
                    options.warmUp(),
                    Latency.of(warmUp.latency));
        }
    }

    private static RebuildResult rebuild(BenchedStore target, RebuildWorkload<?> workload) {
        var store = target.store();
        replay(store, workload);
        long replayStarted = System.nanoTime();
        long events = replay(store, workload);
        double replaySeconds = (System.nanoTime() - replayStarted) / 1e9;
        try (var readModel = target.readModel(workload.tables())) {
            long cpuBefore = processCpuNanos();
            long started = System.nanoTime();
            try (var runner = ProjectionRunner.start(workload.projection(), store, readModel, runnerOptions())) {
                runner.awaitPosition(store.headPosition(), Duration.ofMinutes(10));
                double rebuildSeconds = (System.nanoTime() - started) / 1e9;
                double cpuSeconds = (processCpuNanos() - cpuBefore) / 1e9;
                return new RebuildResult(workload.name(), events, replaySeconds, rebuildSeconds, cpuSeconds);
            }
        }
    }

    /** CPU time of this process so far, every thread; what a busy machine does not show in the wall clock. */
    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    /** Reads the workload's source from the start, as the projection's subscription does, and counts it. */
    private static long replay(EventStore store, RebuildWorkload<?> workload) {
        try (var events = store.readCategory(workload.category(), 0)) {
            return events.count();
        }
    }

    private static ProjectionOptions runnerOptions() {
        return ProjectionOptions.defaults().withMeterRegistry(new SimpleMeterRegistry());
    }

    /**
     * One open-loop run of single-event appends at the options' rate: {@code total} of them, each from its due
     * time to its read model, and to and from its acknowledgement.
     */
    private static final class Steady {

        final long total;
        final Histogram latency = new Histogram(TimeUnit.MINUTES.toNanos(1), 3);
        final Histogram appended = new Histogram(TimeUnit.MINUTES.toNanos(1), 3);
        final Histogram afterAppend = new Histogram(TimeUnit.MINUTES.toNanos(1), 3);

        Steady(long total) {
            this.total = total;
        }

        void run(
                EventStore store,
                RebuildWorkload<RebuildWorkload.Counted> totals,
                ProjectionRunner<SqlContext> runner,
                ProjectionBenchmarkOptions options)
                throws InterruptedException {
            long interval = 1_000_000_000L / options.ratePerSecond();
            var recorder = new Recorder(3);
            var appendRecorder = new Recorder(3);
            var afterAppendRecorder = new Recorder(3);
            // Counted down by each append's thread: a list of the threads would grow the heap the collector
            // scans by every append of the run, during the very run whose pauses it measures.
            var done = new CountDownLatch(Math.toIntExact(total));
            long start = System.nanoTime();
            for (long i = 0; i < total; i++) {
                long due = start + i * interval;
                // Open loop: each event is sent at its due time on its own virtual thread, whatever the others do.
                for (long wait = due - System.nanoTime(); wait > 0; wait = due - System.nanoTime()) {
                    LockSupport.parkNanos(wait);
                }
                long n = i;
                Thread.ofVirtual().start(() -> {
                    try {
                        long position = store.append(
                                        totals.stream(n % RebuildWorkload.STREAMS),
                                        ExpectedVersion.any(),
                                        totals.codec().encode(new RebuildWorkload.Counted(n), Metadata.empty()))
                                .position();
                        long acknowledged = System.nanoTime();
                        appendRecorder.recordValue(acknowledged - due);
                        runner.awaitPosition(position, Duration.ofSeconds(30));
                        long processed = System.nanoTime();
                        // From the due time, not the call: a late append must not hide the wait it caused.
                        recorder.recordValue(processed - due);
                        afterAppendRecorder.recordValue(processed - acknowledged);
                    } finally {
                        done.countDown();
                    }
                });
            }
            done.await();
            latency.add(recorder.getIntervalHistogram());
            appended.add(appendRecorder.getIntervalHistogram());
            afterAppend.add(afterAppendRecorder.getIntervalHistogram());
        }
    }
}
