package dev.annals.bench.compare;

import dev.annals.bench.AppendBenchmarkOptions;
import dev.annals.bench.BenchmarkResult;
import dev.annals.bench.Latency;
import dev.annals.bench.compare.internal.AppendTarget;
import dev.annals.bench.compare.internal.TargetWriter;
import dev.annals.bench.internal.LoadDriver;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.UUID;
import java.util.concurrent.atomic.LongAdder;

/** Runs one workload on one target: new streams, one writer per thread, then an independent count. */
final class WorkloadRun {

    private WorkloadRun() {}

    static SystemOutcome.Measured run(AppendTarget target, AppendWorkload workload, int size) throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        var retries = new LongAdder();
        var writers = new ArrayList<TargetWriter>(workload.writers());
        for (int i = 0; i < workload.writers(); i++) {
            writers.add(new TargetWriter(target, "bench-" + run + "-" + (i % workload.streams()), retries));
        }
        var measured = LoadDriver.run(workload.writers(), workload.events(), workload.batch(), writers::get);
        // Counted independently of the writers, over the streams that exist (a small load may leave some
        // writers without a turn; Axon's lastSequenceNumberFor fails on SQLite for a stream without events).
        var streams = new LinkedHashSet<String>();
        writers.stream().filter(TargetWriter::appended).forEach(writer -> streams.add(writer.stream()));
        long stored = 0;
        for (String stream : streams) {
            stored += target.currentVersion(stream) + 1;
        }
        var options = new AppendBenchmarkOptions(workload.writers(), workload.events(), size, workload.batch());
        var result = new BenchmarkResult(
                target.name(),
                "temporary, deleted afterwards",
                options,
                measured.events(),
                measured.appends(),
                stored,
                Duration.ofNanos(measured.elapsedNanos()),
                Latency.of(measured.latencies()));
        return new SystemOutcome.Measured(target.name(), result, retries.sum());
    }
}
