package dev.annals.store.sqlite.internal;

import dev.annals.event.EventData;
import dev.annals.store.AppendResult;
import dev.annals.store.EventStoreException;
import dev.annals.store.ExpectedVersion;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * One validated append waiting for the writer, and where its outcome goes once the batch holding it
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

    /** Completes the append as written; call only after the commit holding it returned. */
    void acknowledge(AppendResult result) {
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
    void refuse(RuntimeException reason) {
        if (LOG.isDebugEnabled()) {
            LOG.debug("append to stream '{}' expected {} refused: {}; event ids {}", stream, expected,
                    reason.getMessage(), eventIds());
        }
        outcome.completeExceptionally(reason);
    }

    /** Completes the append as not written because the database failed. */
    void fail(Path file, Exception failure) {
        LOG.error("append to stream '{}' failed, nothing acknowledged: database {} failed: {}; event ids {}",
                stream, file, failure.getMessage(), eventIds());
        outcome.completeExceptionally(new EventStoreException("append to stream '" + stream
                + "' failed because the database " + file + " failed: " + failure.getMessage(), failure));
    }

    /** Completes the append as not written because the writer stopped before it. */
    void abandon(Path file) {
        outcome.completeExceptionally(new EventStoreException("append to stream '" + stream
                + "' was not written: the writer of " + file + " has stopped"));
    }

    private List<String> eventIds() {
        return events.stream().map(event -> event.eventId().toString()).toList();
    }
}
