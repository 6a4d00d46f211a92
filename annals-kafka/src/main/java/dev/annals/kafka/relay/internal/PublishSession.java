package dev.annals.kafka.relay.internal;

import dev.annals.kafka.relay.RelayOptions;
import java.time.Clock;
import java.time.Duration;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One tenure of a relay as the publisher: a transactional producer that has fenced every earlier holder of
 * the transactional id, and the checkpoint read after that fencing. Pages of events are {@linkplain #send
 * sent} into an open Kafka transaction, and {@link #commit} adds the checkpoint after the last of them to
 * that same transaction, so after any crash the checkpoint and the published events agree. When to commit
 * is the caller's choice ({@link #transactionDue()} says when the options' bounds are reached). Any failure ends the session; the relay opens a new one, which starts again from
 * the checkpoint that was committed.
 */
public final class PublishSession implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(PublishSession.class);

    /**
     * How long after a commit a relay that reached the head waits before it commits again. A commit returns
     * once the broker has logged its decision, before it has written the markers into the transaction's
     * partitions; a produce request of the next transaction that arrives meanwhile is parked by the broker and
     * retried after {@code add.partitions.to.txn.retry.backoff.ms} (20 ms by default). A caught-up relay sent
     * its next request at once: a probe on the benchmark's broker saw 12 to 18 % of such transactions take
     * over 15 ms to flush, and 3 to 7 % when their first request left one to three milliseconds after the
     * commit. Events that arrive meanwhile join the transaction.
     */
    static final Duration SETTLE_AFTER_COMMIT = Duration.ofMillis(2);

    private final RelayOptions options;
    private final KafkaProducer<String, byte[]> producer;
    private final CheckpointTopic checkpoints;
    private final TopicSetup topics;
    private final String instance;
    private final Clock clock;
    private long checkpoint;
    private long sentThrough;
    private int sentInTransaction;
    private boolean inTransaction;
    private long transactionBegunNanos;
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
            session.sentThrough = session.checkpoint;
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

    /** The last position sent: the checkpoint, or beyond it while a transaction is open. */
    public long sentThrough() {
        return sentThrough;
    }

    /** True while a transaction holds events (or positions the filter left out) not yet committed. */
    public boolean inTransaction() {
        return inTransaction;
    }

    /** True when the open transaction has lasted the transaction time or holds the most events allowed. */
    public boolean transactionDue() {
        return inTransaction
                && (sentInTransaction >= options.transactionEvents()
                        || System.nanoTime() - transactionBegunNanos
                                >= options.transactionTime().toNanos());
    }

    /**
     * How long a transaction that reached the head should wait before its commit: zero once
     * {@link #SETTLE_AFTER_COMMIT} has passed since the last commit.
     */
    public Duration untilSettled() {
        long left = SETTLE_AFTER_COMMIT.toNanos() - (System.nanoTime() - lastCommitNanos);
        return left > 0 ? Duration.ofNanos(left) : Duration.ZERO;
    }

    /**
     * Sends the records of {@code page} in the open transaction, beginning one if none is open. Pages must
     * follow the last position sent without a gap; one that holds no new position is ignored. Nothing is
     * visible to read_committed consumers before {@link #commit}.
     */
    public void send(ReadAhead.Page page) {
        if (page.through() <= sentThrough) {
            return;
        }
        if (!inTransaction) {
            producer.beginTransaction();
            // The checkpoint as it stands opens the transaction, so that the checkpoint topic joins it in the
            // first produce request together with the events' partitions: one write to the broker's transaction
            // log instead of one more at the commit. Readers take the last checkpoint record, the commit's.
            producer.send(checkpoints.record(checkpoint, instance, clock.instant()));
            inTransaction = true;
            transactionBegunNanos = System.nanoTime();
        }
        for (var record : page.records()) {
            producer.send(record);
        }
        sentInTransaction += page.records().size();
        sentThrough = page.through();
    }

    /**
     * Adds the checkpoint after the last position sent to the open transaction and commits it: the events
     * and the checkpoint become visible together. Does nothing when no transaction is open.
     *
     * @return how many events were published
     */
    public int commit() {
        if (!inTransaction) {
            return 0;
        }
        producer.send(checkpoints.record(sentThrough, instance, clock.instant()));
        producer.commitTransaction();
        lastCommitNanos = System.nanoTime();
        if (LOG.isDebugEnabled()) {
            LOG.debug(
                    "relay {} committed positions {}..{} ({} events)",
                    options.name(),
                    checkpoint + 1,
                    sentThrough,
                    sentInTransaction);
        }
        int published = sentInTransaction;
        checkpoint = sentThrough;
        sentInTransaction = 0;
        inTransaction = false;
        return published;
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
