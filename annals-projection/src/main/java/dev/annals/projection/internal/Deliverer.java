package dev.annals.projection.internal;

import dev.annals.event.RecordedEvent;
import dev.annals.projection.DeadLetter;
import dev.annals.projection.DeadLetterStatus;
import dev.annals.projection.FailurePolicy;
import dev.annals.projection.Projection;
import dev.annals.projection.ProjectionOptions;
import dev.annals.projection.ReadModelStore;
import dev.annals.subscription.Subscriber;
import java.time.Instant;
import java.util.List;
import java.util.SplittableRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers a subscription's batches to a projection: one unit of work per batch holding the handlers'
 * effects and the checkpoint. When a handler fails, the events before it are committed, the failing
 * event is retried alone with backoff, and after the last attempt it is parked (with, under the skip
 * policy, the checkpoint moved past it in the same unit of work).
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
        int next = 0;
        while (next < events.size()) {
            var rest = events.subList(next, events.size());
            var failure = commit(rest);
            if (failure == null) {
                return;
            }
            if (failure.index() > 0) {
                onEvents(rest.subList(0, failure.index()));
            }
            next += failure.index();
            retryAlone(events.get(next), failure.getCause());
            next++;
        }
    }

    /** Commits {@code events} with the checkpoint; returns the handler failure that rolled it back, if any. */
    private HandlerFailure commit(List<RecordedEvent> events) throws Exception {
        try {
            store.transact(transaction -> {
                for (int i = 0; i < events.size(); i++) {
                    var event = events.get(i);
                    try {
                        projection.apply(event, transaction.context(event, version));
                    } catch (Exception e) {
                        throw new HandlerFailure(i, e);
                    }
                }
                transaction.saveCheckpoint(checkpointKey, events.getLast().position());
                return null;
            });
            if (LOG.isDebugEnabled()) {
                LOG.debug(
                        "projection {} committed positions {}..{} (last event id {})",
                        checkpointKey,
                        events.getFirst().position(),
                        events.getLast().position(),
                        events.getLast().eventId());
            }
            return null;
        } catch (HandlerFailure failure) {
            return failure;
        }
    }

    private void retryAlone(RecordedEvent event, Throwable firstError) throws Exception {
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
            var failure = commit(List.of(event));
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
        var letter = new DeadLetter(
                0,
                projection.name(),
                event.position(),
                event.eventId(),
                event.type(),
                describe(error),
                attempts,
                firstFailure,
                options.clock().instant(),
                DeadLetterStatus.PARKED);
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

    /** The error as a dead letter keeps it: class and message, and the cause's when wrapped. */
    public static String describe(Throwable error) {
        var text = new StringBuilder(error.toString());
        for (Throwable cause = error.getCause(); cause != null && cause != error; cause = cause.getCause()) {
            text.append("; caused by ").append(cause);
        }
        return text.length() > 2000 ? text.substring(0, 2000) : text.toString();
    }
}
