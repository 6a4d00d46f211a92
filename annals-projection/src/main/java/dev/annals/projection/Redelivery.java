package dev.annals.projection;

import dev.annals.event.RecordedEvent;
import dev.annals.store.Direction;
import dev.annals.store.EventReader;
import dev.annals.store.ReadRequest;
import dev.annals.store.ReadSource;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import static java.util.Objects.requireNonNull;

/**
 * Delivers dead letters again when an operator asked for it ({@code annals dlq retry}, or
 * {@link ProjectionStates#requestRetry}): the handler's effect, the letter claimed
 * ({@link ProjectionTransaction#claimRetry}) and, for a runner that had stopped on it, the checkpoint moved past
 * it, in one unit of work. A failure leaves the letter parked with one more attempt counted. The event is read from the store by
 * its position.
 *
 * <p>The claim makes a letter delivered once when several workers of a projection serve the same requests (the
 * workers of a {@code KafkaProjection}): the one that claims it second waits for the first's unit of work,
 * finds the letter resolved and passes it over without running its handler. When the first one's handler
 * failed, the claim rolled back with it and the second worker tries the letter in turn.
 *
 * @param <C> the handlers' context type
 */
public final class Redelivery<C> {

    private static final Logger LOG = LoggerFactory.getLogger(Redelivery.class);

    private final Projection<C> projection;
    private final EventReader reader;
    private final ReadModelStore<C> store;
    private final Clock clock;
    private final boolean movesCheckpoint;

    private Redelivery(
            Projection<C> projection,
            EventReader reader,
            ReadModelStore<C> store,
            Clock clock,
            boolean movesCheckpoint) {
        this.projection = requireNonNull(projection, "projection");
        this.reader = requireNonNull(reader, "reader");
        this.store = requireNonNull(store, "store");
        this.clock = requireNonNull(clock, "clock");
        this.movesCheckpoint = movesCheckpoint;
    }

    /**
     * For a {@link ProjectionRunner}, whose checkpoint is kept under the projection's name: when the runner
     * stopped on the letter ({@link FailurePolicy#STOP}), the checkpoint moves past it with the redelivery.
     */
    static <C> Redelivery<C> forRunner(
            Projection<C> projection, EventReader reader, ReadModelStore<C> store, Clock clock) {
        return new Redelivery<>(projection, reader, store, clock, true);
    }

    /**
     * For a worker that keeps checkpoints of its own (a {@code KafkaProjection}, per partition) and has
     * always gone on past a letter it parked: no checkpoint moves.
     *
     * @param reader where the letters' events are read, by their global position: the store whose log fed the
     *               worker, or a read-only view of it
     */
    public static <C> Redelivery<C> forWorker(
            Projection<C> projection, EventReader reader, ReadModelStore<C> store, Clock clock) {
        return new Redelivery<>(projection, reader, store, clock, false);
    }

    /** Rolls back a redelivery whose letter another worker claimed first; no stack trace, it is no fault. */
    private static final class ClaimedElsewhere extends RuntimeException {
        ClaimedElsewhere() {
            super("claimed by another worker", null, false, false);
        }
    }

    /** Serves every retry request of the projection; {@code version} is the live read model's. */
    public void serveRequests(int version) throws Exception {
        for (DeadLetter letter : store.transact(tx -> tx.retryRequests(projection.name()))) {
            redeliver(letter, version);
        }
    }

    private void redeliver(DeadLetter letter, int version) throws Exception {
        RecordedEvent event;
        try (var found = reader.read(new ReadRequest(new ReadSource.All(), Direction.FORWARD, letter.position(), 1))) {
            event = found.findFirst()
                    .orElseThrow(() -> new IllegalStateException(
                            "no event at position " + letter.position() + " for dead letter " + letter.id()));
        }
        try {
            store.transact(tx -> {
                // Claimed before the handler runs: on a JDBC store the claim holds the letter's row until this
                // unit of work ends, so another worker's claim waits for it and then finds the letter resolved
                // without running the handler. A failure below rolls the claim back.
                if (!tx.claimRetry(letter)) {
                    throw new ClaimedElsewhere();
                }
                projection.apply(event, tx.context(event, version));
                if (movesCheckpoint && tx.checkpoint(projection.name()) == letter.position() - 1) {
                    tx.saveCheckpoint(projection.name(), letter.position());
                }
                return null;
            });
            LOG.info(
                    "projection {} handled dead letter {} (position {} event id {}) on redelivery",
                    projection.name(),
                    letter.id(),
                    letter.position(),
                    letter.eventId());
        } catch (ClaimedElsewhere another) {
            LOG.debug(
                    "projection {} passed over dead letter {} (position {}): another worker claimed it",
                    projection.name(),
                    letter.id(),
                    letter.position());
        } catch (Exception | Error e) {
            if (!ProjectionHandler.isOwnFailure(e)) {
                throw e;
            }
            var failed = letter.failedAgain(DeadLetter.describe(e), clock.instant());
            // Claimed again before it is parked again: another worker may have claimed and applied the letter
            // since this unit of work rolled back, and parking it over that would invite a second application.
            boolean parked = store.transact(tx -> {
                if (!tx.claimRetry(letter)) {
                    return false;
                }
                tx.updateDeadLetter(failed);
                return true;
            });
            if (!parked) {
                return;
            }
            LOG.warn(
                    "projection {} failed again on dead letter {} (position {} event id {}), attempt {}: {}",
                    projection.name(),
                    letter.id(),
                    letter.position(),
                    letter.eventId(),
                    failed.attempts(),
                    e.toString());
        }
    }
}
