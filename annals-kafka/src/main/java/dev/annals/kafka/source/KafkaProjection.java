package dev.annals.kafka.source;

import dev.annals.kafka.source.internal.RecordedEvents;
import dev.annals.projection.Projection;
import dev.annals.projection.ProjectionHandler;
import dev.annals.projection.ReadModelStore;
import io.cloudevents.CloudEvent;
import io.cloudevents.kafka.CloudEventDeserializer;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Metrics;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import static java.util.Objects.requireNonNull;

/**
 * One worker of a projection fed from Kafka instead of the store. Workers of one projection share the
 * partitions of its {@link KafkaSource} through a consumer group; each partition's checkpoint (the next offset
 * to read) is kept in the read model, under {@code kafka:TOPIC:PARTITION}, and saved in the same
 * {@link ReadModelStore#transact unit of work} as the handlers' effects. With a transactional (JDBC) read
 * model a crash therefore never applies an event twice nor skips one: a worker given a partition seeks to
 * the offset its read model committed, not to the group's offset, which is never committed.
 *
 * <p>Unlike the store-fed {@code ProjectionRunner}, this worker has no dead letters and no rebuild: a handler
 * that throws makes the worker roll back, seek its partition back to the checkpoint and pause that partition
 * for a second, while the others go on. Its lag, the records of the partitions it holds that it has not yet
 * applied, is {@link #lag()} and the gauge {@code annals.projection.kafka.lag.records}; the events it applied
 * are the counter {@code annals.projection.kafka.applied} (both tagged {@code projection=NAME} and {@code
 * worker=}{@link #worker()}, so that the workers of one projection in one JVM each report their own). A worker
 * that stalls past {@code max.poll.interval.ms} while a handler runs can lose its partitions mid-batch; the
 * read model's transaction then races the new owner's, so keep handlers quick.
 *
 * @param <C> the handlers' context type
 */
public final class KafkaProjection<C> implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(KafkaProjection.class);
    /** How long a partition whose handler failed waits before it is read again from its checkpoint. */
    private static final Duration RETRY_PAUSE = Duration.ofSeconds(1);
    /** Numbers the workers started in this JVM, for their meters' {@code worker} tag and their client ids. */
    private static final AtomicInteger WORKERS = new AtomicInteger();

    private final Projection<C> projection;
    private final ReadModelStore<C> target;
    private final KafkaSource source;
    private final KafkaConsumer<String, CloudEvent> consumer;
    private final AtomicLong applied = new AtomicLong();
    private final Set<TopicPartition> owned = ConcurrentHashMap.newKeySet();
    /** The offset after the last record applied, per partition held; the consumer's thread only. */
    private final Map<TopicPartition, Long> nextToApply = new HashMap<>();
    /** When each partition paused after a failure is read again ({@link System#nanoTime()}); the consumer's thread only. */
    private final Map<TopicPartition, Long> pausedUntil = new HashMap<>();

    private final AtomicLong lag = new AtomicLong();
    private final String worker;
    private final List<Meter> meters;
    private final MeterRegistry registry;
    private final Thread thread;
    private volatile boolean closing;
    private int version;

    private KafkaProjection(
            Projection<C> projection, ReadModelStore<C> target, KafkaSource source, MeterRegistry registry) {
        this.projection = projection;
        this.target = target;
        this.source = source;
        this.registry = registry;
        // Each worker's meters are its own: with the projection's name alone, a second worker in this JVM was
        // handed the first one's gauge, which reported the first worker's lag for both.
        this.worker = "annals-projection-" + projection.name() + "-" + WORKERS.incrementAndGet();
        this.meters = List.of(
                Gauge.builder("annals.projection.kafka.lag.records", lag, AtomicLong::get)
                        .description("records of the partitions this worker holds that it has not applied yet")
                        .tag("projection", projection.name())
                        .tag("worker", worker)
                        .register(registry),
                FunctionCounter.builder("annals.projection.kafka.applied", applied, AtomicLong::get)
                        .description("events this worker applied")
                        .tag("projection", projection.name())
                        .tag("worker", worker)
                        .register(registry));
        var properties = new HashMap<String, Object>(source.kafka());
        properties.putIfAbsent(ConsumerConfig.CLIENT_ID_CONFIG, worker);
        properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, source.bootstrapServers());
        properties.put(ConsumerConfig.GROUP_ID_CONFIG, "annals-projection-" + projection.name());
        properties.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        properties.putIfAbsent(ConsumerConfig.METADATA_MAX_AGE_CONFIG, 5_000);
        this.consumer = new KafkaConsumer<>(properties, new StringDeserializer(), new CloudEventDeserializer());
        this.thread = Thread.ofPlatform()
                .name("kafka-projection-" + projection.name())
                .unstarted(this::run);
    }

    /**
     * Starts a worker of {@code projection}, writing through {@code target}, which the caller closes after it;
     * its meters go to Micrometer's global registry.
     */
    public static <C> KafkaProjection<C> start(Projection<C> projection, ReadModelStore<C> target, KafkaSource source) {
        return start(projection, target, source, Metrics.globalRegistry);
    }

    /** Starts a worker as {@link #start(Projection, ReadModelStore, KafkaSource)} does, its meters in {@code registry}. */
    public static <C> KafkaProjection<C> start(
            Projection<C> projection, ReadModelStore<C> target, KafkaSource source, MeterRegistry registry) {
        var worker = new KafkaProjection<>(
                requireNonNull(projection, "projection"),
                requireNonNull(target, "target"),
                requireNonNull(source, "source"),
                requireNonNull(registry, "registry"));
        worker.thread.start();
        return worker;
    }

    private static String checkpointKey(TopicPartition partition) {
        return "kafka:" + partition.topic() + ":" + partition.partition();
    }

    private void run() {
        try {
            String name = projection.name();
            version = target.states().control(name).liveVersion();
            int live = version;
            target.transact(tx -> {
                tx.ensureVersion(name, live);
                return null;
            });
            consumer.subscribe(source.topics(), new Seeker());
            while (!closing) {
                resumeDue();
                var records = consumer.poll(source.pollTimeout());
                measureLag();
                for (var partition : records.partitions()) {
                    apply(partition, records.records(partition));
                }
                if (!records.isEmpty()) {
                    measureLag();
                }
            }
        } catch (WakeupException e) {
            // close()
        } catch (Exception e) {
            LOG.error("kafka projection {} stopped: {}", projection.name(), e.toString());
        } finally {
            consumer.close(Duration.ofSeconds(5));
        }
    }

    private void apply(TopicPartition partition, List<ConsumerRecord<String, CloudEvent>> records) throws Exception {
        try {
            target.transact(tx -> {
                for (var record : records) {
                    var event = RecordedEvents.of(record.value());
                    projection.apply(event, tx.context(event, version));
                }
                tx.saveCheckpoint(checkpointKey(partition), records.getLast().offset() + 1);
                return null;
            });
            applied.addAndGet(records.size());
            // The poll's position, not the last record's offset + 1: a transaction's marker takes an offset too.
            nextToApply.put(partition, consumer.position(partition));
        } catch (Exception | Error e) {
            if (!ProjectionHandler.isOwnFailure(e)) {
                throw e;
            }
            long back = target.transact(tx -> tx.checkpoint(checkpointKey(partition)));
            LOG.warn(
                    "kafka projection {} failed on {} offsets {}..{} (first event id {}); back to offset {}: {}",
                    projection.name(),
                    partition,
                    records.getFirst().offset(),
                    records.getLast().offset(),
                    records.getFirst().value().getId(),
                    back,
                    e.toString());
            consumer.seek(partition, back);
            nextToApply.put(partition, back);
            // Paused rather than waited for here: the main loop's polls keep the group membership alive and go
            // on with the other partitions. (A poll here would have returned their records only to drop them.)
            consumer.pause(Set.of(partition));
            pausedUntil.put(partition, System.nanoTime() + RETRY_PAUSE.toNanos());
        }
    }

    private void resumeDue() {
        if (pausedUntil.isEmpty()) {
            return;
        }
        long now = System.nanoTime();
        var due = new ArrayList<TopicPartition>();
        pausedUntil.forEach((partition, until) -> {
            if (now - until >= 0) {
                due.add(partition);
            }
        });
        if (!due.isEmpty()) {
            due.forEach(pausedUntil::remove);
            // A partition revoked meanwhile is no longer assigned and cannot be resumed.
            due.retainAll(consumer.assignment());
            consumer.resume(due);
        }
    }

    /**
     * The records not yet applied on the partitions held, from what the last fetch said of each one's end
     * (for a read_committed consumer, its last stable offset): no request to the broker.
     */
    private void measureLag() {
        long behind = 0;
        for (var entry : nextToApply.entrySet()) {
            var partition = entry.getKey();
            OptionalLong fetched = consumer.currentLag(partition);
            if (fetched.isPresent()) {
                behind += Math.max(0, consumer.position(partition) + fetched.getAsLong() - entry.getValue());
            }
        }
        lag.set(behind);
    }

    /**
     * Records of the partitions this worker holds that it has not applied yet, as of its last poll: what the
     * broker had committed to them beyond this worker's read model. Unknown partitions (not fetched yet) count
     * as none.
     */
    public long lag() {
        return lag.get();
    }

    /** Events this worker has applied since it started. */
    public long applied() {
        return applied.get();
    }

    /** The partitions this worker holds now. */
    public Set<TopicPartition> partitions() {
        return Set.copyOf(owned);
    }

    /** Seeks each partition it is given to the offset its read model committed. */
    private final class Seeker implements ConsumerRebalanceListener {
        @Override
        public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
            for (var partition : partitions) {
                try {
                    long next = target.transact(tx -> tx.checkpoint(checkpointKey(partition)));
                    consumer.seek(partition, next);
                    nextToApply.put(partition, next);
                    owned.add(partition);
                    LOG.info("kafka projection {} took {} at offset {}", projection.name(), partition, next);
                } catch (Exception e) {
                    throw new IllegalStateException("reading the checkpoint of " + partition + " failed", e);
                }
            }
        }

        @Override
        public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
            forget(partitions);
        }

        @Override
        public void onPartitionsLost(Collection<TopicPartition> partitions) {
            forget(partitions);
        }

        private void forget(Collection<TopicPartition> partitions) {
            owned.removeAll(partitions);
            partitions.forEach(partition -> {
                nextToApply.remove(partition);
                pausedUntil.remove(partition);
            });
        }
    }

    /**
     * This worker's name, unique in the JVM: its meters' {@code worker} tag, and its Kafka client id unless the
     * source's settings name one.
     */
    public String worker() {
        return worker;
    }

    /** Stops after the batch in flight. */
    @Override
    public void close() {
        closing = true;
        consumer.wakeup();
        try {
            thread.join(Duration.ofSeconds(30));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        meters.forEach(registry::remove);
    }
}
