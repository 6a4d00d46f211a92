package dev.annals.kafka.source;

import dev.annals.event.RecordedEvent;
import dev.annals.kafka.source.internal.RecordedEvents;
import dev.annals.projection.DeadLetter;
import dev.annals.projection.FailurePolicy;
import dev.annals.projection.Projection;
import dev.annals.projection.ProjectionHandler;
import dev.annals.projection.ProjectionOptions;
import dev.annals.projection.ReadModelStore;
import dev.annals.projection.Redelivery;
import dev.annals.store.EventReader;
import io.cloudevents.CloudEvent;
import io.cloudevents.kafka.CloudEventDeserializer;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.RecordDeserializationException;
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
 * <p>A handler that throws rolls its batch back; the records before the failing one are committed, and the
 * failing one is retried alone on the {@link ProjectionOptions#retry() retry schedule}, its partition paused
 * meanwhile while the others go on. After the last attempt it is parked as a {@link DeadLetter} and its
 * partition goes on past it, as the store-fed {@code ProjectionRunner} does under {@link FailurePolicy#SKIP}
 * (the only policy a worker takes). A record no Annals relay wrote is logged and passed over. Unlike the
 * runner, this worker has no rebuild. A parked event is delivered again on {@code annals dlq retry} by a worker
 * started with an {@link EventReader} of the store whose log the relay publishes (the letter names the event by
 * its position there); a worker without one leaves retry requests to others. Of several workers serving the
 * same request, one delivers it ({@link Redelivery}).
 *
 * <p>Its lag, the records of the partitions it holds that it has not yet applied, is {@link #lag()} and the gauge {@code annals.projection.kafka.lag.records}; the events it applied
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
    /** How often a worker with a reader of the store looks for operators' retry requests. */
    private static final Duration RETRY_REQUESTS_EVERY = Duration.ofSeconds(1);
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
    /** The record each partition failed on last, while it is being retried; the consumer's thread only. */
    private final Map<TopicPartition, Failing> failing = new HashMap<>();

    private final SplittableRandom random = new SplittableRandom();
    private final ProjectionOptions options;
    /** Serves {@code annals dlq retry} requests when the worker was given a reader of the store. */
    private final Optional<Redelivery<C>> redelivery;
    /** When retry requests are looked for next ({@link System#nanoTime()}); the consumer's thread only. */
    private long nextRetryRequests = System.nanoTime();

    private final AtomicLong lag = new AtomicLong();
    private final String worker;
    private final List<Meter> meters;
    private final MeterRegistry registry;
    private final Thread thread;
    private volatile boolean closing;
    private int version;

    private KafkaProjection(
            Projection<C> projection,
            ReadModelStore<C> target,
            KafkaSource source,
            ProjectionOptions options,
            Optional<EventReader> letters) {
        if (options.onFailure() != FailurePolicy.SKIP) {
            throw new IllegalArgumentException("a Kafka-fed projection parks an event that keeps failing and goes on"
                    + " with the next: its failure policy must be SKIP, was " + options.onFailure());
        }
        this.projection = projection;
        this.target = target;
        this.source = source;
        this.options = options;
        this.redelivery = letters.map(reader -> Redelivery.forWorker(projection, reader, target, options.clock()));
        this.registry = options.meterRegistry();
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
     * its meters go to Micrometer's global registry, and a failing event is retried and parked as
     * {@link ProjectionOptions#defaults()} say.
     */
    public static <C> KafkaProjection<C> start(Projection<C> projection, ReadModelStore<C> target, KafkaSource source) {
        return start(projection, target, source, ProjectionOptions.defaults());
    }

    /** Starts a worker as {@link #start(Projection, ReadModelStore, KafkaSource)} does, its meters in {@code registry}. */
    public static <C> KafkaProjection<C> start(
            Projection<C> projection, ReadModelStore<C> target, KafkaSource source, MeterRegistry registry) {
        return start(
                projection,
                target,
                source,
                ProjectionOptions.defaults().withMeterRegistry(requireNonNull(registry, "registry")));
    }

    /**
     * Starts a worker as {@link #start(Projection, ReadModelStore, KafkaSource)} does, with the retry schedule,
     * clock and meter registry of {@code options} (its subscription settings do not apply to Kafka).
     *
     * @throws IllegalArgumentException when the options' failure policy is not {@link FailurePolicy#SKIP}: a
     *     worker cannot stop on one partition's event while its group goes on with the others
     */
    public static <C> KafkaProjection<C> start(
            Projection<C> projection, ReadModelStore<C> target, KafkaSource source, ProjectionOptions options) {
        return start(projection, target, source, options, Optional.empty());
    }

    /**
     * Starts a worker as {@link #start(Projection, ReadModelStore, KafkaSource, ProjectionOptions)} does that
     * also delivers parked events again when an operator asks ({@code annals dlq retry}), reading them from
     * {@code letters} by their position: the store whose log the relay publishes, or a read-only view of it.
     */
    public static <C> KafkaProjection<C> start(
            Projection<C> projection,
            ReadModelStore<C> target,
            KafkaSource source,
            ProjectionOptions options,
            EventReader letters) {
        return start(projection, target, source, options, Optional.of(requireNonNull(letters, "letters")));
    }

    private static <C> KafkaProjection<C> start(
            Projection<C> projection,
            ReadModelStore<C> target,
            KafkaSource source,
            ProjectionOptions options,
            Optional<EventReader> letters) {
        var worker = new KafkaProjection<>(
                requireNonNull(projection, "projection"),
                requireNonNull(target, "target"),
                requireNonNull(source, "source"),
                requireNonNull(options, "options"),
                letters);
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
                ConsumerRecords<String, CloudEvent> records;
                try {
                    records = consumer.poll(source.pollTimeout());
                } catch (RecordDeserializationException notCloudEvent) {
                    skip(notCloudEvent.topicPartition(), notCloudEvent.offset(), notCloudEvent.getMessage());
                    continue;
                }
                measureLag();
                for (var partition : records.partitions()) {
                    apply(partition, records.records(partition), true);
                }
                caughtUpPastMarkers(records.partitions());
                measureLag();
                serveRetryRequestsIfDue();
            }
        } catch (WakeupException e) {
            // close()
        } catch (Exception e) {
            LOG.error("kafka projection {} stopped: {}", projection.name(), e.toString());
        } finally {
            consumer.close(Duration.ofSeconds(5));
        }
    }

    /**
     * Applies {@code records} of {@code partition} with their checkpoint in one unit of work. When a handler
     * fails, the records before the failing one are committed, and the failing one is retried alone after a
     * pause (the partition paused, the others read on), then parked as a dead letter (see {@link #failed}).
     * A failure that names no record (the unit's deferred writes, its commit) is looked for record by record.
     *
     * @param toEnd whether the last of {@code records} is the last its poll returned for the partition
     * @return true when every record was applied; false when it stopped at a failing one, the partition then
     *     sought back to it or past it
     */
    private boolean apply(TopicPartition partition, List<ConsumerRecord<String, CloudEvent>> records, boolean toEnd)
            throws Exception {
        int[] handling = {-1};
        try {
            target.transact(tx -> {
                for (int i = 0; i < records.size(); i++) {
                    handling[0] = i;
                    var event = RecordedEvents.of(records.get(i).value());
                    projection.apply(event, tx.context(event, version));
                }
                handling[0] = -1;
                tx.saveCheckpoint(checkpointKey(partition), records.getLast().offset() + 1);
                return null;
            });
        } catch (Exception | Error e) {
            if (!ProjectionHandler.isOwnFailure(e)) {
                throw e;
            }
            int index = records.size() == 1 ? 0 : handling[0];
            if (index < 0) {
                for (int i = 0; i < records.size(); i++) {
                    if (!apply(partition, List.of(records.get(i)), toEnd && i == records.size() - 1)) {
                        return false;
                    }
                }
                return true;
            }
            if (index > 0 && !apply(partition, records.subList(0, index), false)) {
                return false;
            }
            failed(partition, records.get(index), e);
            return false;
        }
        applied.addAndGet(records.size());
        // At the poll's end, its position rather than the last record's offset + 1: a transaction's marker takes
        // an offset too.
        nextToApply.put(
                partition,
                toEnd ? consumer.position(partition) : records.getLast().offset() + 1);
        var retried = failing.remove(partition);
        if (retried != null) {
            LOG.info(
                    "kafka projection {} handled {} offset {} on attempt {}",
                    projection.name(),
                    partition,
                    retried.offset(),
                    retried.attempts() + 1);
        }
        return true;
    }

    /**
     * {@code record}, the first not applied of its partition, failed with {@code error}: the partition is
     * sought back to it and paused for the retry schedule's next delay, or, after the schedule's last
     * attempt, the record is parked as a dead letter with the checkpoint moved past it in one unit of work,
     * and the partition goes on after it.
     */
    private void failed(TopicPartition partition, ConsumerRecord<String, CloudEvent> record, Throwable error) {
        var before = failing.get(partition);
        var now = failing(before, record)
                ? before.failedAgain()
                : new Failing(record.offset(), 1, options.clock().instant());
        RecordedEvent event;
        try {
            event = RecordedEvents.of(record.value());
        } catch (RuntimeException notOurs) {
            skip(partition, record.offset(), String.valueOf(notOurs.getMessage()));
            return;
        }
        failing.put(partition, now);
        if (now.attempts() < options.retry().maxAttempts()) {
            var delay = options.retry().delayBefore(now.attempts() + 1, random);
            LOG.warn(
                    "kafka projection {} failed on {} offset {} (position {}, event id {}, attempt {}/{}); again in {}: {}",
                    projection.name(),
                    partition,
                    record.offset(),
                    event.position(),
                    event.eventId(),
                    now.attempts(),
                    options.retry().maxAttempts(),
                    delay,
                    error.toString());
            retryAfter(partition, record.offset(), delay);
            return;
        }
        try {
            long id = park(partition, record, now, error);
            failing.remove(partition);
            consumer.seek(partition, record.offset() + 1);
            nextToApply.put(partition, record.offset() + 1);
            LOG.error(
                    "kafka projection {} parked {} offset {} (position {}, event id {}) as dead letter {} after {}"
                            + " attempts; going on: {}",
                    projection.name(),
                    partition,
                    record.offset(),
                    event.position(),
                    event.eventId(),
                    id,
                    now.attempts(),
                    error.toString());
        } catch (Exception parking) {
            // The read model's database is away too: the record is applied again (and parked only if it still
            // fails) once the pause is over.
            LOG.warn(
                    "kafka projection {} could not park {} offset {} (event id {}), trying again in {}: {}",
                    projection.name(),
                    partition,
                    record.offset(),
                    event.eventId(),
                    RETRY_PAUSE,
                    parking.toString());
            retryAfter(partition, record.offset(), RETRY_PAUSE);
        }
    }

    /**
     * Delivers again the parked events an operator asked to retry, once per {@link #RETRY_REQUESTS_EVERY}, when
     * this worker has a reader of the store. A failure to do so (the store or the read model's database away)
     * is logged and tried again at the next turn; the requests stay.
     */
    private void serveRetryRequestsIfDue() {
        if (redelivery.isEmpty() || System.nanoTime() - nextRetryRequests < 0) {
            return;
        }
        nextRetryRequests = System.nanoTime() + RETRY_REQUESTS_EVERY.toNanos();
        try {
            redelivery.get().serveRequests(version);
        } catch (Exception e) {
            LOG.warn(
                    "kafka projection {} could not serve retry requests, trying again in {}: {}",
                    projection.name(),
                    RETRY_REQUESTS_EVERY,
                    e.toString());
        }
    }

    /**
     * Goes on past the record at {@code offset}, which is no event of an Annals relay (another producer's
     * record on the topic: not a CloudEvent, or one without the attributes the relay writes). It can never be
     * applied nor parked (a dead letter names an event of the store); its offset is logged instead. The
     * checkpoint moves past it with the partition's next record.
     */
    private void skip(TopicPartition partition, long offset, String reason) {
        LOG.error(
                "kafka projection {} skipped {} offset {}: not an event of an Annals relay ({})",
                projection.name(),
                partition,
                offset,
                reason);
        failing.remove(partition);
        consumer.seek(partition, offset + 1);
        nextToApply.put(partition, offset + 1);
    }

    private static boolean failing(Failing before, ConsumerRecord<String, CloudEvent> record) {
        return before != null && before.offset() == record.offset();
    }

    private long park(
            TopicPartition partition, ConsumerRecord<String, CloudEvent> record, Failing failure, Throwable error)
            throws Exception {
        var letter = DeadLetter.parked(
                projection.name(),
                RecordedEvents.of(record.value()),
                error,
                failure.attempts(),
                failure.firstFailure(),
                options.clock().instant());
        return target.transact(tx -> {
            long id = tx.park(letter);
            tx.saveCheckpoint(checkpointKey(partition), record.offset() + 1);
            return id;
        });
    }

    /**
     * Seeks {@code partition} back to {@code offset} and pauses it for {@code delay}: the main loop's polls
     * keep the group membership alive and go on with the other partitions. (A poll here would have returned
     * their records only to drop them.)
     */
    private void retryAfter(TopicPartition partition, long offset, Duration delay) {
        consumer.seek(partition, offset);
        nextToApply.put(partition, offset);
        consumer.pause(Set.of(partition));
        pausedUntil.put(partition, System.nanoTime() + delay.toNanos());
    }

    /** A record being retried: its offset, how many deliveries of it failed, and when the first did. */
    private record Failing(long offset, int attempts, Instant firstFailure) {
        Failing failedAgain() {
            return new Failing(offset, attempts + 1, firstFailure);
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
     * A partition that a poll returned no record of, and that is not paused, has nothing before its position
     * left to apply: at most transaction markers, which take offsets too. Without this, a worker started at a
     * partition's end counted its last marker as a record to apply for as long as nothing new came.
     */
    private void caughtUpPastMarkers(Set<TopicPartition> fetched) {
        for (var entry : nextToApply.entrySet()) {
            var partition = entry.getKey();
            if (!fetched.contains(partition) && !pausedUntil.containsKey(partition)) {
                entry.setValue(Math.max(entry.getValue(), consumer.position(partition)));
            }
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
                failing.remove(partition);
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
