package dev.annals.store;

import dev.annals.event.EventData;
import dev.annals.event.RecordedEvent;

import java.util.List;
import java.util.stream.Stream;

import static java.util.Objects.requireNonNull;

/**
 * A store opened to read only, beside a writer that may be another process: reads go to {@code reader},
 * appends are refused. The command line reads a running server's embedded store through one.
 */
public final class ReadOnlyEventStore implements EventStore {

    private final EventReader reader;
    private final String description;

    /** Reads through {@code reader}; {@code description} names the store in the refusal of appends. */
    public ReadOnlyEventStore(EventReader reader, String description) {
        this.reader = requireNonNull(reader, "reader");
        this.description = requireNonNull(description, "description");
    }

    /** @throws EventStoreException always: this store was opened to read only */
    @Override
    public AppendResult append(String stream, ExpectedVersion expected, List<EventData> events) {
        throw new EventStoreException(description + " was opened to read only; stream " + stream
                + " was not written");
    }

    @Override
    public Stream<RecordedEvent> read(ReadRequest request) {
        return reader.read(request);
    }

    @Override
    public long headPosition() {
        return reader.headPosition();
    }

    @Override
    public Stream<StreamInfo> streams() {
        return reader.streams();
    }

    @Override
    public <T> java.util.Optional<T> capability(Class<T> type) {
        return type.isInstance(this) ? java.util.Optional.of(type.cast(this)) : reader.capability(type);
    }

    /** Nothing to release: each read borrows its own connection. */
    @Override
    public void close() {
    }
}
