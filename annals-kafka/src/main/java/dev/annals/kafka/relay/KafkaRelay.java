package dev.annals.kafka.relay;

import dev.annals.kafka.relay.internal.Backoff;
import dev.annals.kafka.relay.internal.CheckpointTopic;
import dev.annals.kafka.relay.internal.KafkaClients;
import dev.annals.kafka.relay.internal.PublishSession;
import dev.annals.kafka.relay.internal.ReadAhead;
import dev.annals.kafka.relay.internal.RelayMeter;
import dev.annals.kafka.relay.internal.StandbyWatch;
import dev.annals.kafka.relay.internal.TopicSetup;
import dev.annals.store.EventReader;
import dev.annals.store.HeadListener;
import dev.annals.store.HeadNotifier;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import static java.util.Objects.requireNonNull;

/**
 * Publishes the events of a store to Kafka, in global order, each exactly once for read_committed consumers.
 *
 * <p>Events read from the store after the checkpoint are sent in Kafka transactions, each committed
 * together with the new checkpoint (a record in the compacted checkpoint topic) when the relay reaches the
 * head or the transaction reaches its time or size ({@link RelayOptions#transactionTime()},
 * {@link RelayOptions#transactionEvents()}). A relay that dies mid-batch leaves an open
 * transaction that its successor's fencing aborts; the successor reads the checkpoint that was committed and
 * goes on from there, so the events and the checkpoint always agree.
 *
 * <p>Relays with the same {@link RelayOptions#name()} share a transactional id: a relay that starts fences
 * the one publishing at once (its next commit fails) and publishes itself; the fenced one becomes a standby
 * that takes over when the active relay's heartbeat has stopped for {@link RelayOptions#takeoverAfter()}.
 * When Kafka or the store fails, the relay tries again with a growing back-off, from its checkpoint; it gives
 * up only on a configuration error (a missing topic it may not create), reported by {@link #status()}.
 */
public final class KafkaRelay implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(KafkaRelay.class);
    /** How many times a relay that failed looks for a newcomer's claim before it opens a session again. */
    private static final int CLAIM_LOOKS = 3;

    private final EventReader reader;
    private final RelayOptions options;
    private final KafkaClients clients;
    private final Admin admin;
    private final CheckpointTopic checkpoints;
    private final TopicSetup topics;
    private final RelayMeter meter;
    private final String instance = UUID.randomUUID().toString();
    private final CountDownLatch closed = new CountDownLatch(1);
    private final HeadListener onHead = this::headMoved;
    private volatile ReadAhead readAhead;
    private final CountDownLatch stopped = new CountDownLatch(1);
    private final Thread thread;
    private volatile boolean closing;

    private KafkaRelay(EventReader reader, RelayOptions options, Admin admin) {
        this.reader = reader;
        this.options = options;
        this.clients = new KafkaClients(options);
        this.admin = admin;
        this.checkpoints = new CheckpointTopic(options.checkpointTopic(), options.name(), clients::committedReader);
        this.topics = new TopicSetup(admin, options.createTopics(), options.partitions());
        this.meter = new RelayMeter(options.name(), options.clock(), options.meterRegistry());
        this.thread =
                Thread.ofPlatform().name("relay-" + options.name()).daemon().unstarted(this::run);
    }

    /**
     * Checks that the broker answers and the checkpoint topic exists (creating it when allowed), then starts
     * relaying {@code reader}'s events on a thread of its own.
     *
     * @throws RelayConfigurationException when no broker answers within the connect timeout, the credentials
     *     are refused, or the checkpoint topic is missing and may not be created
     */
    public static KafkaRelay start(EventReader reader, RelayOptions options) {
        requireNonNull(reader, "reader");
        requireNonNull(options, "options");
        var admin = new KafkaClients(options).admin();
        try {
            Preflight.check(admin, options);
            new TopicSetup(admin, options.createTopics(), options.partitions())
                    .ensureCheckpointTopic(options.checkpointTopic());
        } catch (RelayConfigurationException e) {
            admin.close(Duration.ZERO);
            throw e;
        } catch (Exception e) {
            admin.close(Duration.ZERO);
            throw Preflight.explain(e, options);
        }
        var relay = new KafkaRelay(reader, options, admin);
        reader.capability(HeadNotifier.class).ifPresent(notifier -> notifier.addHeadListener(relay.onHead));
        relay.thread.start();
        return relay;
    }

    private void run() {
        LOG.info(
                "relay {} starting: {} to {} via {}",
                options.name(),
                options.filter(),
                options.bootstrapServers(),
                options.topics());
        var backoff = new Backoff(options.maxBackoff());
        var standby = new StandbyWatch(checkpoints, clients::committedReader, options.takeoverAfter());
        while (!closing) {
            meter.role(RelayRole.STARTING);
            try (var session = PublishSession.open(options, clients, admin, checkpoints, topics, instance)) {
                backoff.succeeded();
                meter.active(session.checkpoint());
                publishWhileHeld(session);
            } catch (Exception e) {
                if (closing) {
                    break;
                }
                if (Failures.fenced(e)) {
                    standByAfterFencing(standby, backoff);
                } else if (e instanceof RelayConfigurationException configuration) {
                    LOG.error("relay {} stops: {}", options.name(), configuration.getMessage());
                    meter.failed(RelayRole.STOPPED, configuration.getMessage());
                    break;
                } else {
                    var wait = backoff.failed();
                    LOG.warn(
                            "relay {} failed after position {} (attempt {}), retrying in {}: {}",
                            options.name(),
                            meter.status().checkpoint(),
                            backoff.failures(),
                            wait,
                            Failures.describe(e));
                    meter.failed(RelayRole.RETRYING, Failures.describe(e));
                    // At least a heartbeat: time for a newcomer that caused the failure to commit its claim.
                    pause(wait.compareTo(options.heartbeat()) < 0 ? options.heartbeat() : wait);
                    if (!closing && anotherInstanceTookOver()) {
                        standByAfterFencing(standby, backoff);
                    }
                }
            }
        }
        meter.role(RelayRole.STOPPED);
        LOG.info(
                "relay {} stopped at position {}",
                options.name(),
                meter.status().checkpoint());
        stopped.countDown();
    }

    private void standByAfterFencing(StandbyWatch standby, Backoff backoff) {
        LOG.warn(
                "relay {} was fenced by another relay with transactional id {}; standing by",
                options.name(),
                options.transactionalId());
        meter.failed(RelayRole.STANDBY, "fenced by another relay; standing by");
        standBy(standby, backoff);
    }

    /**
     * After a failure the producer did not call fencing: has another relay committed a checkpoint since ours,
     * now or within {@value #CLAIM_LOOKS} looks a heartbeat apart?
     * Then it holds the source, and opening a session again would fence it back (the two would take turns).
     * When the checkpoint cannot be read (the broker is away), the answer is no: retrying is safe, since a
     * newer relay, if any, fences us again.
     */
    private boolean anotherInstanceTookOver() {
        // A newcomer fences us first and commits its claim only once it has read the checkpoint; on a loaded
        // two-core machine that took longer than a heartbeat, we looked too early and fenced it back. So look
        // again, a heartbeat apart, before taking the source back.
        for (int look = 1; !closing; look++) {
            try {
                if (checkpoints.read(admin, Duration.ofSeconds(10)).writtenByAnotherThan(instance)) {
                    return true;
                }
            } catch (Exception e) {
                return false;
            }
            if (look == CLAIM_LOOKS) {
                return false;
            }
            pause(options.heartbeat());
        }
        return false;
    }

    private void standBy(StandbyWatch standby, Backoff backoff) {
        try {
            if (standby.awaitSilence(() -> closing)) {
                LOG.info("relay {} heard no heartbeat for {}: taking over", options.name(), options.takeoverAfter());
            }
        } catch (RuntimeException e) {
            // Watching failed (the broker went away): try to take over after a pause, as after any failure.
            var wait = backoff.failed();
            LOG.warn(
                    "relay {} could not watch the active relay, trying to take over in {}: {}",
                    options.name(),
                    wait,
                    Failures.describe(e));
            pause(wait);
        }
    }

    /**
     * Sends the pages a {@link ReadAhead} prepares into one transaction, committed when the relay reaches
     * the head (a page shorter than a full one, with no other waiting; at least a settling moment after the
     * last commit) or when the transaction has lasted its time or holds its most events: few commits while
     * catching up, one per arrival or per few milliseconds when caught up.
     */
    private void publishWhileHeld(PublishSession session) throws Exception {
        try (var pages = ReadAhead.after(session.checkpoint(), reader, options, topics)) {
            readAhead = pages;
            boolean atHead = false;
            while (!closing) {
                var page = pages.next(
                        !session.inTransaction()
                                ? options.pollInterval()
                                : atHead ? session.untilSettled() : options.transactionTime());
                if (page == null) {
                    commit(session);
                    atHead = false;
                    session.heartbeatIfDue();
                    meter.measureIfDue(reader);
                    continue;
                }
                session.send(page);
                atHead = page.atHead() && !pages.hasReady();
                // At the head, a commit right after the last one would only have its first request parked by
                // the broker (PublishSession.SETTLE_AFTER_COMMIT): the pages of that moment join it instead.
                if ((atHead && session.untilSettled().isZero()) || session.transactionDue()) {
                    commit(session);
                    atHead = false;
                }
                meter.measureIfDue(reader);
            }
            // Closing between pages: what was sent is committed rather than left open for a successor to abort.
            commit(session);
        } finally {
            readAhead = null;
        }
    }

    private void commit(PublishSession session) {
        if (session.inTransaction()) {
            long begun = System.nanoTime();
            int published = session.commit();
            meter.published(published, session.checkpoint(), System.nanoTime() - begun);
        }
    }

    // Wakes the read-ahead only: a back-off pause must last its time (a newcomer may need it to commit its
    // claim), so only close() cuts it short.
    private void headMoved(long head) {
        var pages = readAhead;
        if (pages != null) {
            pages.wake();
        }
    }

    private void pause(Duration wait) {
        try {
            closed.await(wait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            closing = true;
            Thread.currentThread().interrupt();
        }
    }

    /** The relay's state now; the lag figures are at most a second old while it runs. */
    public RelayStatus status() {
        return meter.status();
    }

    /** Measures the lag against the store now. */
    public RelayStatus measure() {
        return meter.measure(reader);
    }

    /**
     * Waits until the relay has stopped by itself (a configuration error) or by {@link #close()}.
     *
     * @return true when it stopped within {@code timeout}
     */
    public boolean awaitStopped(Duration timeout) throws InterruptedException {
        return stopped.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Stops after the transaction in flight, if any, and releases the Kafka clients. */
    @Override
    public void close() {
        closing = true;
        closed.countDown();
        reader.capability(HeadNotifier.class).ifPresent(notifier -> notifier.removeHeadListener(onHead));
        try {
            thread.join(Duration.ofSeconds(30));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        admin.close(Duration.ofSeconds(5));
        meter.close();
    }
}
