package dev.annals.store;

import dev.annals.event.RecordedEvent;
import java.time.Instant;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Reads events lazily.
 *
 * <p>Every read returns a {@link Stream} that fetches events as it is consumed, a page at a time, so
 * the store is never loaded whole into memory. Close it (try-with-resources) when stopping early.
 * A read sees events committed before it reached them; it may or may not see events committed while
 * it runs.
 */
public interface EventReader {

    /**
     * This store's (or reader's) implementation of an optional capability, such as {@link StreamDeletion} or
     * {@link HeadNotifier}, or empty when it has none. Ask this instead of testing {@code instanceof}: a
     * decorator (a {@link ForwardingEventStore}) answers with the capability of the store it wraps, so
     * wrapping a store never silently turns a capability off.
     */
    default <T> Optional<T> capability(Class<T> type) {
        return type.isInstance(this) ? Optional.of(type.cast(this)) : Optional.empty();
    }

    /** The events {@code request} selects, in its direction. Unknown streams give an empty stream. */
    Stream<RecordedEvent> read(ReadRequest request);

    /** The global position of the last committed event; 0 when the store is empty. */
    long headPosition();

    /** Every stream with its version and last position, in the order streams were created. */
    Stream<StreamInfo> streams();

    /** Every event of {@code stream}, oldest first. */
    default Stream<RecordedEvent> readStream(String stream) {
        return read(ReadRequest.forward(new ReadSource.StreamOf(stream)));
    }

    /** Up to {@code limit} events of {@code stream} from {@code fromVersion} in {@code direction}. */
    default Stream<RecordedEvent> readStream(String stream, Direction direction, long fromVersion, long limit) {
        return read(new ReadRequest(new ReadSource.StreamOf(stream), direction, fromVersion, limit));
    }

    /** Every event in the store from {@code fromPosition} (inclusive), in global order. */
    default Stream<RecordedEvent> readAll(long fromPosition) {
        return read(ReadRequest.forward(new ReadSource.All()).from(fromPosition));
    }

    /** Every event of the streams in {@code category} from {@code fromPosition}, in global order. */
    default Stream<RecordedEvent> readCategory(String category, long fromPosition) {
        return read(ReadRequest.forward(new ReadSource.Category(category)).from(fromPosition));
    }

    /** Every event of type {@code type} from {@code fromPosition}, in global order. */
    default Stream<RecordedEvent> readEventType(String type, long fromPosition) {
        return read(ReadRequest.forward(new ReadSource.EventType(type)).from(fromPosition));
    }

    /**
     * {@code stream} as it was at {@code instant}: its events recorded at or before that instant,
     * oldest first. Relies on the store's clock at commit time.
     */
    default Stream<RecordedEvent> readStreamAt(String stream, Instant instant) {
        return readStream(stream).takeWhile(event -> !event.recordedAt().isAfter(instant));
    }
}
