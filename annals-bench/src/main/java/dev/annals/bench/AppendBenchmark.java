package dev.annals.bench;

import dev.annals.bench.internal.LoadDriver;
import dev.annals.bench.internal.Payloads;
import dev.annals.bench.internal.TemporaryDirectory;
import dev.annals.event.EventData;
import dev.annals.event.Metadata;
import dev.annals.event.RecordedEvent;
import dev.annals.store.EventStore;
import dev.annals.store.ExpectedVersion;
import dev.annals.store.ReadRequest;
import dev.annals.store.ReadSource;
import dev.annals.store.StreamInfo;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import static java.util.Objects.requireNonNull;

/**
 * The append benchmark on an event store: writer threads, each on its own stream, make durable appends
 * with exact expected versions until the requested number of events is stored.
 */
public final class AppendBenchmark {

    /** The type name of every event the benchmark appends. */
    public static final String EVENT_TYPE = "BenchmarkAppended";

    private static final Logger LOG = LoggerFactory.getLogger(AppendBenchmark.class);

    private AppendBenchmark() {}

    /**
     * Opens a store with {@code open} in a new temporary directory, runs the benchmark, closes the store
     * and deletes the directory.
     */
    public static BenchmarkResult runInTemporaryDirectory(
            Function<Path, ? extends EventStore> open, String target, AppendBenchmarkOptions options) {
        try (var directory = TemporaryDirectory.create("annals-bench-")) {
            try (EventStore store = open.apply(directory.path())) {
                return run(store, target, directory.path() + " (temporary, deleted afterwards)", options);
            }
        }
    }

    /** Opens a store with {@code open} in {@code dataDirectory}, runs the benchmark and closes the store. */
    public static BenchmarkResult runIn(
            Path dataDirectory,
            Function<Path, ? extends EventStore> open,
            String target,
            AppendBenchmarkOptions options) {
        try (EventStore store = open.apply(dataDirectory)) {
            return run(store, target, dataDirectory.toString(), options);
        }
    }

    /**
     * Runs the benchmark on {@code store}, which the caller opened and closes. The benchmark's streams are
     * new ({@code bench-RUN-WRITER}), so an existing store may be used.
     *
     * @throws IllegalStateException when an append failed; the run stops at the first failure
     */
    public static BenchmarkResult run(
            EventStore store, String target, String location, AppendBenchmarkOptions options) {
        requireNonNull(store, "store");
        requireNonNull(options, "options");
        String run = UUID.randomUUID().toString().substring(0, 8);
        byte[] payload = Payloads.json(options.size());
        var streams = new ArrayList<String>(options.writers());
        for (int i = 0; i < options.writers(); i++) {
            streams.add("bench-" + run + "-" + i);
        }
        LOG.debug("append benchmark {} on {} at {}: {}", run, target, location, options);
        LoadDriver.Measurement measured;
        try {
            measured = LoadDriver.run(
                    options.writers(),
                    options.events(),
                    options.batch(),
                    i -> new StreamWriter(store, streams.get(i), payload));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("the append benchmark was interrupted", e);
        }
        long stored = streams.stream()
                .mapToLong(stream -> storedEvents(store, stream))
                .sum();
        LOG.debug(
                "append benchmark {} done: {} events in {} appends, {} stored",
                run,
                measured.events(),
                measured.appends(),
                stored);
        return new BenchmarkResult(
                target,
                location,
                options,
                measured.events(),
                measured.appends(),
                stored,
                Duration.ofNanos(measured.elapsedNanos()),
                Latency.of(measured.latencies()));
    }

    private static long storedEvents(EventStore store, String stream) {
        var lastEvent = ReadRequest.backward(new ReadSource.StreamOf(stream)).limit(1);
        try (Stream<RecordedEvent> last = store.read(lastEvent)) {
            return last.findFirst().map(event -> event.streamVersion() + 1).orElse(0L);
        }
    }

    /** Appends to one stream, expecting the version it last wrote. */
    private static final class StreamWriter implements LoadDriver.Writer<List<EventData>> {

        private final EventStore store;
        private final String stream;
        private final byte[] payload;
        private long version = StreamInfo.NO_STREAM;

        StreamWriter(EventStore store, String stream, byte[] payload) {
            this.store = store;
            this.stream = stream;
            this.payload = payload;
        }

        @Override
        public List<EventData> prepare(int events) {
            var batch = new ArrayList<EventData>(events);
            for (int i = 0; i < events; i++) {
                batch.add(EventData.of(EVENT_TYPE, payload, Metadata.empty()));
            }
            return batch;
        }

        @Override
        public void append(List<EventData> events) {
            version =
                    store.append(stream, ExpectedVersion.exact(version), events).streamVersion();
        }
    }
}
