package dev.annals.kafka.relay.internal;

import dev.annals.event.RecordedEvent;
import dev.annals.kafka.relay.RelayOptions;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One tenure of a relay as the publisher: a transactional producer that has fenced every earlier holder of
 * the transactional id, and the checkpoint read after that fencing. Each {@link #publish} is one Kafka
 * transaction holding the events and the checkpoint after them, so after any crash the checkpoint and the
 * published events agree. Any failure ends the session; the relay opens a new one, which starts again from
 * the checkpoint that was committed.
 */
public final class PublishSession implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(PublishSession.class);

    private final RelayOptions options;
    private final KafkaProducer<String, byte[]> producer;
    private final CheckpointTopic checkpoints;
    private final TopicSetup topics;
    private final CloudEventEnvelope envelope;
    private final String instance;
    private final Clock clock;
    private long checkpoint;
    private long lastCommitNanos = System.nanoTime();

    private PublishSession(
            RelayOptions options,
            KafkaProducer<String, byte[]> producer,
            CheckpointTopic checkpoints,
            TopicSetup topics,
            String instance) {
        this.options = options;
        this.producer = producer;
        this.checkpoints = checkpoints;
        this.topics = topics;
        this.envelope = new CloudEventEnvelope(options.source());
        this.instance = instance;
        this.clock = options.clock();
    }

    /** Fences predecessors and reads the checkpoint they left. */
    public static PublishSession open(
            RelayOptions options,
            KafkaClients clients,
            Admin admin,
            CheckpointTopic checkpoints,
            TopicSetup topics,
            String instance)
            throws Exception {
        var producer = clients.transactionalProducer();
        try {
            // Aborts a transaction a dead predecessor left open, and makes a live one's next commit fail.
            producer.initTransactions();
            var session = new PublishSession(options, producer, checkpoints, topics, instance);
            session.checkpoint = checkpoints.read(admin, Duration.ofSeconds(30)).position();
            // Claims the source at once: a predecessor that fails for any reason (a fenced producer does not
            // always say so: an aborted commit may surface as a timeout) finds this claim and stands by
            // instead of fencing us back.
            session.heartbeat();
            LOG.info(
                    "relay {} (instance {}) holds transactional id {}; resuming after position {}",
                    options.name(),
                    instance,
                    options.transactionalId(),
                    session.checkpoint);
            return session;
        } catch (Exception | Error e) {
            producer.close(Duration.ZERO);
            throw e;
        }
    }

    /** The last position whose events are committed to Kafka. */
    public long checkpoint() {
        return checkpoint;
    }

    /**
     * Publishes the events of {@code read} the filter accepts, and moves the checkpoint to the last of
     * {@code read}, in one transaction.
     *
     * @return how many events were published
     */
    public int publish(List<RecordedEvent> read) throws Exception {
        var accepted = read.stream().filter(options.filter()::accepts).toList();
        for (var event : accepted) {
            topics.ensureEventTopic(options.topics().topicFor(event.stream()));
        }
        long through = read.getLast().position();
        producer.beginTransaction();
        for (var event : accepted) {
            producer.send(envelope.record(options.topics().topicFor(event.stream()), event));
        }
        producer.send(checkpoints.record(through, instance, clock.instant()));
        producer.commitTransaction();
        lastCommitNanos = System.nanoTime();
        if (LOG.isDebugEnabled()) {
            LOG.debug(
                    "relay {} committed positions {}..{} ({} events, last event id {})",
                    options.name(),
                    read.getFirst().position(),
                    through,
                    accepted.size(),
                    read.getLast().eventId());
        }
        checkpoint = through;
        return accepted.size();
    }

    /** Commits the checkpoint again when nothing was committed for a heartbeat, so standbys see this relay alive. */
    public void heartbeatIfDue() {
        if (System.nanoTime() - lastCommitNanos < options.heartbeat().toNanos()) {
            return;
        }
        heartbeat();
    }

    private void heartbeat() {
        producer.beginTransaction();
        producer.send(checkpoints.record(checkpoint, instance, clock.instant()));
        producer.commitTransaction();
        lastCommitNanos = System.nanoTime();
    }

    @Override
    public void close() {
        // Without waiting: an open transaction is aborted by the successor's fencing or by its timeout.
        producer.close(Duration.ZERO);
    }
}
