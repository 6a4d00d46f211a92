package dev.annals.store.sqlite.internal;

import dev.annals.event.EventData;
import dev.annals.store.AppendResult;
import dev.annals.store.ExpectedVersion;

import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * One validated append waiting for the writer, and where its outcome goes once the batch holding it
 * has committed.
 */
public record PendingAppend(String stream, ExpectedVersion expected, List<EventData> events,
                            CompletableFuture<AppendResult> outcome) {

    /** A new pending append with an outcome not yet known. */
    public static PendingAppend of(String stream, ExpectedVersion expected, List<EventData> events) {
        return new PendingAppend(stream, expected, events, new CompletableFuture<>());
    }

    /** The event ids, for logs. */
    public List<String> eventIds() {
        return events.stream().map(event -> event.eventId().toString()).toList();
    }
}
