package dev.annals.bench.jmh;

import dev.annals.bench.internal.Payloads;
import dev.annals.event.EventData;
import dev.annals.event.Metadata;
import dev.annals.store.AppendLimits;
import dev.annals.store.ExpectedVersion;
import dev.annals.store.internal.AppendChecks;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What every append pays before it joins a group commit: building its events (new time-ordered ids) and
 * the checks all backends share (stream name, distinct ids, sizes).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class AppendChecksBenchmark {

    /** Events per append. */
    @Param({"1", "100"})
    public int batch;

    private byte[] payload;
    private List<EventData> events;

    /** Builds one append of 200-byte events. */
    @Setup
    public void setUp() {
        payload = Payloads.json(200);
        events = build();
    }

    /** Builds the events of one append, as the append benchmark's writers do. */
    @Benchmark
    public List<EventData> build() {
        var built = new ArrayList<EventData>(batch);
        for (int i = 0; i < batch; i++) {
            built.add(EventData.of("BenchmarkAppended", payload, Metadata.empty()));
        }
        return built;
    }

    /** Validates one append. */
    @Benchmark
    public List<EventData> validate() {
        AppendChecks.validate("bench-stream-1", ExpectedVersion.exact(41), events, AppendLimits.defaults());
        return events;
    }
}
