package dev.annals.kafka.source;

import dev.annals.kafka.source.internal.RecordedEvents;
import dev.annals.projection.Projection;
import dev.annals.projection.ProjectionHandler;
import dev.annals.projection.ReadModelStore;
import io.cloudevents.CloudEvent;
import io.cloudevents.kafka.CloudEventDeserializer;
import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
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
 * that throws makes the worker roll back, seek back to the checkpoint and try again after a pause. A worker
 * that stalls past {@code max.poll.interval.ms} while a handler runs can lose its partitions mid-batch; the
 * read model's transaction then races the new owner's, so keep handlers quick.
 *
 * @param <C> the handlers' context type
 */
public final class KafkaProjection<C> implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(KafkaProjection.class);

    private final Projection<C> projection;
    private final ReadModelStore<C> target;
    private final KafkaSource source;
    private final KafkaConsumer<String, CloudEvent> consumer;
    private final AtomicLong applied = new AtomicLong();
    private final Set<TopicPartition> owned = ConcurrentHashMap.newKeySet();
    private final Thread thread;
    private volatile boolean closing;
    private int version;

    private KafkaProjection(Projection<C> projection, ReadModelStore<C> target, KafkaSource source) {
        this.projection = projection;
        this.target = target;
        this.source = source;
        var properties = new HashMap<String, Object>(source.kafka());
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

    /** Starts a worker of {@code projection}, writing through {@code target}, which the caller closes after it. */
    public static <C> KafkaProjection<C> start(Projection<C> projection, ReadModelStore<C> target, KafkaSource source) {
        var worker = new KafkaProjection<>(
                requireNonNull(projection, "projection"),
                requireNonNull(target, "target"),
                requireNonNull(source, "source"));
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
                var records = consumer.poll(source.pollTimeout());
                for (var partition : records.partitions()) {
                    apply(partition, records.records(partition));
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
            consumer.pause(Set.of(partition));
            // Resumed at the next poll after the pause below, which keeps the group membership alive.
            consumer.poll(Duration.ofSeconds(1));
            consumer.resume(Set.of(partition));
        }
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
                    owned.add(partition);
                    LOG.info("kafka projection {} took {} at offset {}", projection.name(), partition, next);
                } catch (Exception e) {
                    throw new IllegalStateException("reading the checkpoint of " + partition + " failed", e);
                }
            }
        }

        @Override
        public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
            owned.removeAll(partitions);
        }

        @Override
        public void onPartitionsLost(Collection<TopicPartition> partitions) {
            owned.removeAll(partitions);
        }
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
    }
}
