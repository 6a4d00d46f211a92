package dev.annals.store;

import dev.annals.event.EventData;
import dev.annals.event.RecordedEvent;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import static java.util.Objects.requireNonNull;

/**
 * A store that hands every call to another one: the base of decorators (validation, metrics, access
 * checks). A subclass overrides what it changes; everything else, {@link #capability} included, goes to
 * the wrapped store, so a decorator keeps the capabilities (deletion, head notifications) of what it wraps.
 *
 * <p>A capability is answered by the wrapped store itself, so calls made through it bypass this decorator:
 * a decorator that must see such calls overrides {@link #capability} for that type.
 */
public abstract class ForwardingEventStore implements EventStore {

    private final EventStore delegate;

    /** A decorator of {@code delegate}. */
    protected ForwardingEventStore(EventStore delegate) {
        this.delegate = requireNonNull(delegate, "delegate");
    }

    /** The store this one wraps. */
    protected final EventStore delegate() {
        return delegate;
    }

    @Override
    public AppendResult append(String stream, ExpectedVersion expected, List<EventData> events) {
        return delegate.append(stream, expected, events);
    }

    @Override
    public Stream<RecordedEvent> read(ReadRequest request) {
        return delegate.read(request);
    }

    @Override
    public long headPosition() {
        return delegate.headPosition();
    }

    @Override
    public Stream<StreamInfo> streams() {
        return delegate.streams();
    }

    @Override
    public <T> Optional<T> capability(Class<T> type) {
        if (type.isInstance(this)) {
            return Optional.of(type.cast(this));
        }
        return delegate.capability(type);
    }

    @Override
    public void close() {
        delegate.close();
    }
}
