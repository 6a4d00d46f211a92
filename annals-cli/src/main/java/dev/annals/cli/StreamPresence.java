package dev.annals.cli;

import dev.annals.event.RecordedEvent;
import dev.annals.store.Direction;
import dev.annals.store.EventReader;
import dev.annals.store.ReadRequest;
import dev.annals.store.ReadSource;
import java.util.OptionalLong;

/**
 * Whether a stream has events to read, so that a command given a mistyped stream says so instead of
 * printing nothing and exiting 0. The store reads an unknown stream as empty, as it reads a deleted one.
 */
public final class StreamPresence {

    private StreamPresence() {}

    /** The version of {@code stream}'s last readable event; empty when it has none. */
    public static OptionalLong lastVersion(EventReader reader, String stream) {
        var request = new ReadRequest(new ReadSource.StreamOf(stream), Direction.BACKWARD, ReadRequest.END, 1);
        try (var last = reader.read(request)) {
            return last.findFirst()
                    .map(RecordedEvent::streamVersion)
                    .map(OptionalLong::of)
                    .orElse(OptionalLong.empty());
        }
    }

    /** The rejection of a command on {@code stream}, which has no events to read. */
    public static RejectedRequestException noEvents(String stream) {
        return new RejectedRequestException("stream '" + stream + "' has no events (it does not exist, or was"
                + " deleted or truncated); 'annals streams' lists the streams");
    }
}
