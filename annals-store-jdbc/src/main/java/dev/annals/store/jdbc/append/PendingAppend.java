package dev.annals.store.jdbc.append;

import dev.annals.event.EventData;
import dev.annals.store.AppendResult;
import dev.annals.store.EventStoreException;
import dev.annals.store.ExpectedVersion;
import dev.annals.store.StoreUnavailableException;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One validated append waiting for a group commit, and where its outcome goes once the batch holding it
 * has committed. Each way of completing it logs the stream, versions, positions and event ids.
 *
 * <p>With a {@link StreamChange} and no events it is a deletion or truncation of the stream instead,
 * run by the writer in the same order as appends; its outcome then holds the stream's last version and
 * the head position, and the change holds the report.
 *
 * <p>{@code caller} is the thread that made it and waits for its outcome: writers racing on a hot stream take
 * turns by it ({@link HotStreamTurns}).
 */
public record PendingAppend(
        String stream,
        ExpectedVersion expected,
        List<EventData> events,
        Optional<StreamChange> change,
        CompletableFuture<AppendResult> outcome,
        Thread caller) {

    private static final Logger LOG = LoggerFactory.getLogger(PendingAppend.class);

    /** A new pending append of the calling thread, with an outcome not yet known. */
    public static PendingAppend of(String stream, ExpectedVersion expected, List<EventData> events) {
        return new PendingAppend(
                stream, expected, events, Optional.empty(), new CompletableFuture<>(), Thread.currentThread());
    }

    /** A deletion or truncation of {@code stream}, to run on the writer. */
    public static PendingAppend change(String stream, StreamChange change) {
        return new PendingAppend(
                stream,
                ExpectedVersion.any(),
                List.of(),
                Optional.of(change),
                new CompletableFuture<>(),
                Thread.currentThread());
    }

    /**
     * Waits for the outcome: the result, or the refusal or failure thrown as it was given.
     *
     * @throws EventStoreException when interrupted: the append may or may not be written then
     */
    public AppendResult await() {
        try {
            if (!outcome.isDone()) {
                // Waited for through a stage that completes normally either way: get() on the outcome would wrap a
                // refusal in an ExecutionException, and filling in its stack trace cost a refused caller more than
                // the rest of its turn (64 writers on 4 streams are refused about 13 times per event, ADR 0042).
                outcome.exceptionally(refusal -> null).get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            if (change.isPresent()) {
                throw new EventStoreException(
                        "interrupted while waiting to delete or truncate stream '" + stream
                                + "'; it may or may not be done, a retry tells which",
                        e);
            }
            throw new EventStoreException(
                    "interrupted while appending to stream '" + stream
                            + "'; the append may or may not be written, an exact retry tells which",
                    e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("a stage that completes normally failed", e);
        }
        if (outcome.state() == Future.State.SUCCESS) {
            return outcome.resultNow();
        }
        if (outcome.exceptionNow() instanceof VersionRefusal refused) {
            throw refused.toException();
        }
        if (outcome.exceptionNow() instanceof RuntimeException refused) {
            throw refused;
        }
        throw new EventStoreException("append to stream '" + stream + "' failed", outcome.exceptionNow());
    }

    /** Completes the append as written; call only after the commit holding it returned. */
    public void acknowledge(AppendResult result) {
        if (change.isPresent()) {
            LOG.info("stream '{}' changed: {}", stream, change.get().result().get());
        } else if (LOG.isDebugEnabled()) {
            LOG.debug(
                    "appended to stream '{}' expected {} new version {} positions {}..{} event ids {}",
                    stream,
                    expected,
                    result.streamVersion(),
                    result.position() - events.size() + 1,
                    result.position(),
                    eventIds());
        }
        outcome.complete(result);
    }

    /** Completes the append as refused for what it asked (wrong expected version, conflicting ids). */
    public void refuse(RuntimeException reason) {
        if (LOG.isDebugEnabled()) {
            LOG.debug(
                    "append to stream '{}' expected {} refused: {}; event ids {}",
                    stream,
                    expected,
                    reason.getMessage(),
                    eventIds());
        }
        outcome.completeExceptionally(reason);
    }

    /**
     * Completes the append as not acknowledged because its transaction failed, and returns the exception
     * given to its caller: a {@link StoreUnavailableException} for a storage fault, else an
     * {@link EventStoreException}. Neither message names the database, a file or SQL: those go to the log,
     * where {@code database} names it for operators (a file, a schema).
     */
    public EventStoreException fail(String database, BatchFailure failure) {
        LOG.error(
                "append to stream '{}' failed, nothing acknowledged: database {} failed{}: {}; event ids {}",
                stream,
                database,
                failure.outcomeUnknown() ? " while committing" : "",
                failure.getMessage(),
                eventIds(),
                failure.getCause());
        EventStoreException failed;
        if (failure.outcomeUnknown()) {
            failed = unknown(failure.reason(), failure.getCause());
        } else if (failure.reason().isPresent()) {
            var reason = failure.reason().get();
            failed = unavailable(
                    reason,
                    what() + " was not written: " + reason.description()
                            + "; retry once that is fixed, the store recovers by itself",
                    failure.getCause());
        } else {
            failed = new EventStoreException(
                    what() + " was not written: the database failed to store it"
                            + " (the details are in the server's log)",
                    failure.getCause());
        }
        outcome.completeExceptionally(failed);
        return failed;
    }

    /** Completes the append as maybe written: its commit failed and its outcome could not be learnt. */
    public void failUnknown(Optional<StoreUnavailableException.Reason> reason, Throwable cause) {
        LOG.error(
                "append to stream '{}' may or may not be written: its commit failed; event ids {}",
                stream,
                eventIds(),
                cause);
        outcome.completeExceptionally(unknown(reason, cause));
    }

    private EventStoreException unknown(Optional<StoreUnavailableException.Reason> reason, Throwable cause) {
        String retry = change.isPresent() ? "a retry tells which" : "an exact retry (same event ids) tells which";
        return reason.<EventStoreException>map(r -> unavailable(
                        r,
                        what() + " may or may not be written: " + r.description() + " while it committed; " + retry,
                        cause))
                .orElseGet(() -> new EventStoreException(
                        what() + " may or may not be written: the database failed" + " while it committed; " + retry,
                        cause));
    }

    /**
     * The storage fault the store is in, as {@link GroupCommit#writeFault()} reports it: no append's own, so it
     * names no stream (readiness shows it to callers without a token).
     */
    static StoreUnavailableException storeCannotWrite(StoreUnavailableException.Reason reason, Throwable cause) {
        return unavailable(reason, "the store cannot write: " + reason.description(), cause);
    }

    /** A storage fault with {@code message}: a {@link StoreUnavailableException}. */
    static StoreUnavailableException unavailable(
            StoreUnavailableException.Reason reason, String message, Throwable cause) {
        return new StoreUnavailableException(reason, message, cause);
    }

    private String what() {
        return change.isPresent()
                ? "the deletion or truncation of stream '" + stream + "'"
                : "append to stream '" + stream + "'";
    }

    /** Completes the append as not written because the store's writer stopped (the store closed) before it. */
    public void abandon() {
        outcome.completeExceptionally(new EventStoreException(what() + " was not written: the store was closed"));
    }

    private List<String> eventIds() {
        return events.stream().map(event -> event.eventId().toString()).toList();
    }
}
