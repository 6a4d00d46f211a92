package dev.annals.projection.internal;

import dev.annals.event.RecordedEvent;
import dev.annals.projection.DeadLetter;
import dev.annals.projection.DeadLetterStatus;
import dev.annals.projection.Projection;
import dev.annals.projection.ProjectionHandler;
import dev.annals.projection.ReadModelStore;
import dev.annals.store.Direction;
import dev.annals.store.EventReader;
import dev.annals.store.ReadRequest;
import dev.annals.store.ReadSource;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers dead letters again when an operator asked for it: the handler's effect, the letter marked
 * resolved and, when the projection had stopped on it, the checkpoint moved past it, in one unit of work.
 * A failure leaves the letter parked with one more attempt counted.
 */
public final class Redelivery<C> {

    private static final Logger LOG = LoggerFactory.getLogger(Redelivery.class);

    private final Projection<C> projection;
    private final EventReader reader;
    private final ReadModelStore<C> store;
    private final Clock clock;

    public Redelivery(Projection<C> projection, EventReader reader, ReadModelStore<C> store, Clock clock) {
        this.projection = projection;
        this.reader = reader;
        this.store = store;
        this.clock = clock;
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
                projection.apply(event, tx.context(event, version));
                tx.updateDeadLetter(letter.withStatus(DeadLetterStatus.RESOLVED));
                if (tx.checkpoint(projection.name()) == letter.position() - 1) {
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
        } catch (Exception | Error e) {
            if (!ProjectionHandler.isOwnFailure(e)) {
                throw e;
            }
            var failed = letter.failedAgain(DeadLetter.describe(e), clock.instant());
            store.transact(tx -> {
                tx.updateDeadLetter(failed);
                return null;
            });
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
