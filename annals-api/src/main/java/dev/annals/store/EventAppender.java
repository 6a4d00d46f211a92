package dev.annals.store;

import dev.annals.event.EventData;
import java.util.List;

/** Appends events to streams. */
public interface EventAppender {

    /**
     * Appends {@code events} to the end of {@code stream}, atomically: all of them or none.
     *
     * <p>The call returns only once the events are durable. An exact retry (the same event ids with
     * the same content, to the same stream) returns the original result and writes nothing, whatever
     * the stream's version is now; so a caller that lost the acknowledgement may safely retry.
     *
     * @param stream   a valid stream name (see {@link StreamName})
     * @param expected the stream's version the caller expects
     * @param events   one or more events, with distinct ids
     * @return the stream's new version and the global position of the last event
     * @throws WrongExpectedVersionException when the stream is not at the expected version
     * @throws InvalidAppendException        for an invalid name, an empty or oversized append, a repeated
     *                                       or conflicting event id; nothing is written
     * @throws EventStoreException           when the store failed; the append may or may not have
     *                                       been written, and an exact retry tells which
     */
    AppendResult append(String stream, ExpectedVersion expected, List<EventData> events);

    /** Same as {@link #append(String, ExpectedVersion, List)}. */
    default AppendResult append(String stream, ExpectedVersion expected, EventData... events) {
        return append(stream, expected, List.of(events));
    }
}
