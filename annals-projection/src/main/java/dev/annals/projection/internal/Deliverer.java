package dev.annals.projection.internal;

import dev.annals.event.RecordedEvent;
import dev.annals.projection.DeadLetter;
import dev.annals.projection.FailurePolicy;
import dev.annals.projection.Projection;
import dev.annals.projection.ProjectionHandler;
import dev.annals.projection.ProjectionOptions;
import dev.annals.projection.ProjectionTransaction;
import dev.annals.projection.ReadModelStore;
import dev.annals.subscription.Subscriber;
import java.time.Instant;
import java.util.List;
import java.util.SplittableRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers a subscription's batches to a projection: one unit of work per batch holding the handlers'
 * effects (their deferred writes flushed once, after the last handler) and the checkpoint, each event
 * decoded once ({@link DecodedBatch}). When a handler fails, the unit is rolled back, the events before it
 * are committed, the failing event is retried alone with backoff, and after the last attempt it is parked
 * (with, under the skip policy, the checkpoint moved past it in the same unit of work); the events after
 * it go on. When the deferred writes fail together, the batch is applied again with a flush after each
 * event, which names the event whose write failed (ADR 0040).
 *
 * @param <C> the handlers' context type
 */
public final class Deliverer<C> implements Subscriber {

    private static final Logger LOG = LoggerFactory.getLogger(Deliverer.class);

    private final Projection<C> projection;
    private final ReadModelStore<C> store;
    private final String checkpointKey;
    private final int version;
    private final ProjectionOptions options;
    private final SplittableRandom random = new SplittableRandom();

    /** Delivers into read-model {@code version}, keeping the checkpoint under {@code checkpointKey}. */
    public Deliverer(
            Projection<C> projection,
            ReadModelStore<C> store,
            String checkpointKey,
            int version,
            ProjectionOptions options) {
        this.projection = projection;
        this.store = store;
        this.checkpointKey = checkpointKey;
        this.version = version;
        this.options = options;
    }

    @Override
    public void onEvents(List<RecordedEvent> events) throws Exception {
        deliver(DecodedBatch.of(projection, events), 0, events.size());
    }

    /** Commits events {@code from} to {@code to} (exclusive) of {@code batch}, finding and parking any that fails. */
    private void deliver(DecodedBatch batch, int from, int to) throws Exception {
        int next = from;
        while (next < to) {
            var failure = commit(batch, next, to, false);
            if (failure == null) {
                return;
            }
            if (failure.index() < 0) {
                // The batch's deferred writes failed together: again, event by event, to find whose it was.
                failure = commit(batch, next, to, true);
                if (failure == null) {
                    return;
                }
            }
            if (failure.index() > 0) {
                deliver(batch, next, next + failure.index());
            }
            next += failure.index();
            retryAlone(batch, next, failure.getCause());
            next++;
        }
    }

    /**
     * Commits events {@code from} to {@code to} of {@code batch} with the checkpoint in one unit of work;
     * returns the failure that rolled it back, if any: at its event's index from {@code from}, or at -1 when
     * the deferred writes of the whole batch failed together. {@code eachEvent} flushes the deferred writes
     * after every event, so that a failure among them names its event.
     */
    private HandlerFailure commit(DecodedBatch batch, int from, int to, boolean eachEvent) throws Exception {
        try {
            store.transact(transaction -> {
                for (int i = from; i < to; i++) {
                    var event = batch.event(i);
                    try {
                        projection.handle(batch.decoded(i), transaction.context(event, version));
                        if (eachEvent) {
                            transaction.flush();
                        }
                    } catch (Exception | Error e) {
                        if (!ProjectionHandler.isOwnFailure(e)) {
                            throw e;
                        }
                        // Deferred writes of earlier events that fail now may be what this handler tripped on.
                        boolean ownFailure = eachEvent || to - from == 1 || deferredWritesHold(transaction);
                        throw new HandlerFailure(ownFailure ? i - from : -1, e);
                    }
                }
                if (!eachEvent) {
                    try {
                        transaction.flush();
                    } catch (Exception e) {
                        throw new HandlerFailure(to - from == 1 ? 0 : -1, e);
                    }
                }
                transaction.saveCheckpoint(checkpointKey, batch.event(to - 1).position());
                return null;
            });
            if (LOG.isDebugEnabled()) {
                LOG.debug(
                        "projection {} committed positions {}..{} (last event id {})",
                        checkpointKey,
                        batch.event(from).position(),
                        batch.event(to - 1).position(),
                        batch.event(to - 1).eventId());
            }
            return null;
        } catch (HandlerFailure failure) {
            return failure;
        }
    }

    /** True when the unit's deferred writes so far run without failing. */
    private static boolean deferredWritesHold(ProjectionTransaction<?> transaction) {
        try {
            transaction.flush();
            return true;
        } catch (Exception e) {
            return false;
        }
    }

    private void retryAlone(DecodedBatch batch, int index, Throwable firstError) throws Exception {
        var event = batch.event(index);
        Instant firstFailure = options.clock().instant();
        Throwable error = firstError;
        int attempts = 1;
        LOG.warn(
                "projection {} failed on position {} event id {} type {} (attempt 1/{}): {}",
                checkpointKey,
                event.position(),
                event.eventId(),
                event.type(),
                options.retry().maxAttempts(),
                error.toString());
        while (attempts < options.retry().maxAttempts()) {
            options.sleeper().sleep(options.retry().delayBefore(attempts + 1, random));
            attempts++;
            batch.decodeAgainIfFailed(index);
            var failure = commit(batch, index, index + 1, true);
            if (failure == null) {
                LOG.info(
                        "projection {} handled position {} event id {} on attempt {}",
                        checkpointKey,
                        event.position(),
                        event.eventId(),
                        attempts);
                return;
            }
            error = failure.getCause();
            LOG.warn(
                    "projection {} failed on position {} event id {} (attempt {}/{}): {}",
                    checkpointKey,
                    event.position(),
                    event.eventId(),
                    attempts,
                    options.retry().maxAttempts(),
                    error.toString());
        }
        park(event, error, attempts, firstFailure);
    }

    private void park(RecordedEvent event, Throwable error, int attempts, Instant firstFailure) throws Exception {
        var letter = DeadLetter.parked(
                projection.name(),
                event,
                error,
                attempts,
                firstFailure,
                options.clock().instant());
        boolean skip = options.onFailure() == FailurePolicy.SKIP;
        long id = store.transact(transaction -> {
            long parked = transaction.park(letter);
            if (skip) {
                transaction.saveCheckpoint(checkpointKey, event.position());
            }
            return parked;
        });
        LOG.error(
                "projection {} parked position {} event id {} as dead letter {} after {} attempts; {}: {}",
                checkpointKey,
                event.position(),
                event.eventId(),
                id,
                attempts,
                skip ? "going on" : "stopping",
                letter.error());
        if (!skip) {
            throw new StoppedOnErrorException(projection.name(), event.position(), id, error);
        }
    }
}
