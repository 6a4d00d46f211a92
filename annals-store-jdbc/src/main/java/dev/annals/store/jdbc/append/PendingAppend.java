package dev.annals.store.jdbc.append;

import dev.annals.event.EventData;
import dev.annals.store.AppendResult;
import dev.annals.store.EventStoreException;
import dev.annals.store.ExpectedVersion;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

/**
 * One validated append waiting for a group commit, and where its outcome goes once the batch holding it
 * has committed. Each way of completing it logs the stream, versions, positions and event ids.
 *
 * <p>With a {@link StreamChange} and no events it is a deletion or truncation of the stream instead,
 * run by the writer in the same order as appends; its outcome then holds the stream's last version and
 * the head position, and the change holds the report.
 */
public record PendingAppend(String stream, ExpectedVersion expected, List<EventData> events,
                            Optional<StreamChange> change, CompletableFuture<AppendResult> outcome) {

    private static final Logger LOG = LoggerFactory.getLogger(PendingAppend.class);

    /** A new pending append with an outcome not yet known. */
    public static PendingAppend of(String stream, ExpectedVersion expected, List<EventData> events) {
        return new PendingAppend(stream, expected, events, Optional.empty(), new CompletableFuture<>());
    }

    /** A deletion or truncation of {@code stream}, to run on the writer. */
    public static PendingAppend change(String stream, StreamChange change) {
        return new PendingAppend(stream, ExpectedVersion.any(), List.of(), Optional.of(change), new CompletableFuture<>());
    }

    /**
     * Waits for the outcome: the result, or the refusal or failure thrown as it was given.
     *
     * @throws EventStoreException when interrupted: the append may or may not be written then
     */
    public AppendResult await() {
        try {
            return outcome.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            if (change.isPresent()) {
                throw new EventStoreException("interrupted while waiting to delete or truncate stream '" + stream
                        + "'; it may or may not be done, a retry tells which", e);
            }
            throw new EventStoreException("interrupted while appending to stream '" + stream
                    + "'; the append may or may not be written, an exact retry tells which", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException refused) {
                throw refused;
            }
            throw new EventStoreException("append to stream '" + stream + "' failed", e.getCause());
        }
    }

    /** Completes the append as written; call only after the commit holding it returned. */
    public void acknowledge(AppendResult result) {
        if (change.isPresent()) {
            LOG.info("stream '{}' changed: {}", stream, change.get().result().get());
        } else if (LOG.isDebugEnabled()) {
            LOG.debug("appended to stream '{}' expected {} new version {} positions {}..{} event ids {}", stream,
                    expected, result.streamVersion(), result.position() - events.size() + 1, result.position(),
                    eventIds());
        }
        outcome.complete(result);
    }

    /** Completes the append as refused for what it asked (wrong expected version, conflicting ids). */
    public void refuse(RuntimeException reason) {
        if (LOG.isDebugEnabled()) {
            LOG.debug("append to stream '{}' expected {} refused: {}; event ids {}", stream, expected,
                    reason.getMessage(), eventIds());
        }
        outcome.completeExceptionally(reason);
    }

    /**
     * Completes the append as not acknowledged because the database failed; {@code database} names it
     * for people (a file, a schema).
     */
    public void fail(String database, Exception failure) {
        LOG.error("append to stream '{}' failed, nothing acknowledged: database {} failed: {}; event ids {}",
                stream, database, failure.getMessage(), eventIds());
        outcome.completeExceptionally(new EventStoreException("append to stream '" + stream
                + "' failed because the database " + database + " failed (it may or may not be written, an exact"
                + " retry tells which): " + failure.getMessage(), failure));
    }

    /** Completes the append as not written because the writer of {@code database} stopped before it. */
    public void abandon(String database) {
        outcome.completeExceptionally(new EventStoreException("append to stream '" + stream
                + "' was not written: the writer of " + database + " has stopped"));
    }

    private List<String> eventIds() {
        return events.stream().map(event -> event.eventId().toString()).toList();
    }
}
