package dev.annals.bench.relay;

import dev.annals.bench.Latency;
import dev.annals.bench.internal.Payloads;
import dev.annals.event.EventData;
import dev.annals.event.Metadata;
import dev.annals.kafka.relay.KafkaRelay;
import dev.annals.kafka.relay.RelayOptions;
import dev.annals.kafka.relay.RelayRole;
import dev.annals.kafka.relay.TopicRule;
import dev.annals.kafka.testing.KafkaBroker;
import dev.annals.store.ExpectedVersion;
import dev.annals.store.sqlite.SqliteEventStore;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.locks.LockSupport;
import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;

import static java.util.Objects.requireNonNull;

/**
 * {@code annals bench relay}: how fast the Kafka relay publishes the embedded store, against the ceiling of
 * Kafka's own producer on the same broker, and how long an append takes to reach a read_committed consumer.
 *
 * <p>Throughput: {@code events} events are appended first (100 per append, over 1,000 streams) and the broker
 * is warmed up by an untimed run of Kafka's producer; then a relay starts from position 0, the clock starts
 * when it holds its transactional id and stops when its checkpoint reaches the head: reading the store,
 * building the envelopes and committing the transactions all count. The ceiling is then measured with
 * {@link ProducerCeiling} for as many records as large as one record the relay wrote (key, value and headers,
 * as a batch holds them: {@link RecordSize}), committing as often
 * as the relay's transaction time says. Latency: with the
 * relay caught up, single-event appends at a steady rate, each measured from its due time to its receipt,
 * and to its append's acknowledgement (the store's share of that time), after a warm-up at the same rate
 * whose figures are reported apart.
 */
public final class RelayBenchmark {

    private static final int STREAMS = 1_000;
    private static final int PER_APPEND = 100;
    private static final int PARTITIONS = 3;
    private static final int WARM_UP_RECORDS = 200_000;
    /** About what the envelope adds to a payload: the warm-up's records are about as large as the relay's. */
    private static final int ENVELOPE_AROUND_PAYLOAD = 265;

    private RelayBenchmark() {}

    /** Runs the benchmark on a new store in {@code dataDirectory}. */
    public static RelayBenchmarkResult run(Path dataDirectory, RelayBenchmarkOptions options) {
        requireNonNull(dataDirectory, "dataDirectory");
        requireNonNull(options, "options");
        Optional<KafkaBroker> started =
                options.bootstrapServers().isPresent() ? Optional.empty() : Optional.of(KafkaBroker.start());
        try (var store = SqliteEventStore.open(dataDirectory)) {
            String servers =
                    options.bootstrapServers().orElseGet(() -> started.get().bootstrapServers());
            String run = "bench-" + UUID.randomUUID().toString().substring(0, 8);
            byte[] payload = Payloads.json(options.payloadBytes());
            fill(store, options.events(), payload);
            var meters = new SimpleMeterRegistry();
            var relayOptions = RelayOptions.to(servers)
                    .withName(run)
                    .withTopics(new TopicRule.Single(run + ".events"))
                    .withCheckpointTopic(run + ".checkpoints")
                    .withTopicCreation(true, PARTITIONS)
                    .withKafka(options.producer())
                    .withMeterRegistry(meters);
            // As for the ceiling's topic, created before the clock starts.
            ProducerCeiling.createTopic(servers, run + ".events", PARTITIONS);
            // A broker's first minute of traffic compiles its hot paths: both runs are timed on a warm broker.
            ProducerCeiling.run(
                    servers,
                    run + ".warm-up",
                    PARTITIONS,
                    STREAMS,
                    Math.min(options.events(), WARM_UP_RECORDS),
                    payload.length + ENVELOPE_AROUND_PAYLOAD,
                    relayOptions.transactionTime().toMillis(),
                    relayOptions.producerSettings());
            var cpu = CpuTimes.ofThisProcessAnd(started.map(KafkaBroker::process));
            try (var relay = KafkaRelay.start(store, relayOptions)) {
                // The clock starts once the relay holds its transactional id, as ProducerPerformance's starts
                // after its producer's initTransactions: starting up is not publishing.
                awaitActive(relay, Duration.ofMinutes(1));
                var cpuBefore = cpu.now();
                long begun = System.nanoTime();
                awaitCheckpoint(relay, store.headPosition(), Duration.ofMinutes(30));
                double seconds = (System.nanoTime() - begun) / 1e9;
                var relayCpu = cpu.now().since(cpuBefore);
                var relayRequests = ProducerRequests.ofClient("annals-relay-" + run + "-producer");
                long transactions = Math.max(
                        1,
                        Math.round(meters.get("annals.relay.transactions")
                                .functionCounter()
                                .count()));
                try (var receipts = Receipts.open(servers, run + ".events")) {
                    var relayRecord = receipts.firstRecordSize();
                    var appended = new ConcurrentHistogram(TimeUnit.MINUTES.toNanos(1), 3);
                    var commits = meters.get("annals.relay.commit").timer();
                    long commitsBefore = commits.count();
                    double commitNanosBefore = commits.totalTime(TimeUnit.NANOSECONDS);
                    var afterAppend = new ConcurrentHistogram(TimeUnit.MINUTES.toNanos(1), 3);
                    var steady = steady(store, receipts, options, payload, appended, afterAppend);
                    var latencyCommits = new RelayBenchmarkResult.Commits(
                            commits.count() - commitsBefore,
                            Duration.ofNanos(Math.round(commits.totalTime(TimeUnit.NANOSECONDS) - commitNanosBefore)));
                    var ceilingBefore = cpu.now();
                    var ceiling = ProducerCeiling.run(
                            servers,
                            run + ".ceiling",
                            PARTITIONS,
                            STREAMS,
                            options.events(),
                            // Records as large as the relay's in a batch: key, value and headers (RecordSize).
                            relayRecord.ceilingValueBytes(),
                            relayOptions.transactionTime().toMillis(),
                            relayOptions.producerSettings());
                    var ceilingBroker = cpu.now().since(ceilingBefore).broker();
                    return new RelayBenchmarkResult(
                            options.events(),
                            seconds,
                            transactions,
                            relayCpu,
                            relayRequests,
                            relayRecord,
                            ceiling,
                            ceilingBroker,
                            options.latencyEvents(),
                            options.ratePerSecond(),
                            options.warmUp(),
                            steady.warmUp(),
                            steady.latency(),
                            Latency.of(appended),
                            Latency.of(afterAppend),
                            latencyCommits,
                            started.isPresent());
                }
            }
        } finally {
            started.ifPresent(KafkaBroker::close);
        }
    }

    private static void fill(SqliteEventStore store, int events, byte[] payload) {
        for (int written = 0; written < events; written += PER_APPEND) {
            var batch = new ArrayList<EventData>(PER_APPEND);
            for (int i = 0; i < Math.min(PER_APPEND, events - written); i++) {
                batch.add(EventData.of("BenchPublished", payload, Metadata.empty()));
            }
            store.append("bench-" + (written / PER_APPEND % STREAMS), ExpectedVersion.any(), batch);
        }
    }

    private static void awaitActive(KafkaRelay relay, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (relay.status().role() != RelayRole.ACTIVE) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(
                        "the relay did not start publishing within " + timeout + ": " + relay.status());
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(1));
        }
    }

    private static void awaitCheckpoint(KafkaRelay relay, long position, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (relay.status().checkpoint() < position) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(
                        "the relay did not reach position " + position + " within " + timeout + ": " + relay.status());
            }
            // A millisecond's park: the relay's own thread does the work; this only watches its checkpoint.
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(1));
        }
    }

    /** The latency run's figures: end to end after the warm-up, and during it. */
    private record Steady(Latency latency, Latency warmUp) {}

    private static Steady steady(
            SqliteEventStore store,
            Receipts receipts,
            RelayBenchmarkOptions options,
            byte[] payload,
            Histogram appended,
            Histogram afterAppend) {
        int warmUpEvents = Math.toIntExact(options.warmUpEvents());
        int total = Math.toIntExact(warmUpEvents + options.latencyEvents());
        var schedule = new Receipts.Schedule(
                ThreadLocalRandom.current().nextLong(),
                System.nanoTime(),
                1_000_000_000L / options.ratePerSecond(),
                total,
                warmUpEvents);
        var latency = new Histogram(TimeUnit.MINUTES.toNanos(1), 3);
        var warmUp = new Histogram(TimeUnit.MINUTES.toNanos(1), 3);
        var listening = receipts.listen(schedule, latency, warmUp);
        var acknowledged = new AtomicLongArray(total);
        // Counted down by each append's thread: a list of the threads would grow the heap by every append.
        var appends = new CountDownLatch(total);
        for (int i = 0; i < total; i++) {
            long due = schedule.due(i);
            // Open loop: each event is sent at its due time on its own virtual thread, whatever the others do.
            for (long wait = due - System.nanoTime(); wait > 0; wait = due - System.nanoTime()) {
                LockSupport.parkNanos(wait);
            }
            var event =
                    EventData.of("BenchPublished", payload, Metadata.empty()).withEventId(schedule.eventId(i));
            int n = i;
            Thread.ofVirtual().start(() -> {
                try {
                    store.append("bench-" + (n % STREAMS), ExpectedVersion.any(), event);
                    if (n >= warmUpEvents) {
                        long now = System.nanoTime();
                        acknowledged.set(n, now);
                        // The store's share of the end-to-end time: what is left is the relay's and Kafka's.
                        appended.recordValue(Math.min(appended.getHighestTrackableValue(), now - due));
                    }
                } finally {
                    appends.countDown();
                }
            });
        }
        try {
            appends.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while appending", e);
        }
        listening.await(Duration.ofMinutes(2));
        // Paired after the run: a receipt may come before its append's thread has noted the acknowledgement.
        for (int n = warmUpEvents; n < total; n++) {
            long received = receipts.receivedAt(n);
            afterAppend.recordValue(
                    Math.min(afterAppend.getHighestTrackableValue(), Math.max(0, received - acknowledged.get(n))));
        }
        return new Steady(Latency.of(latency), Latency.of(warmUp));
    }
}
