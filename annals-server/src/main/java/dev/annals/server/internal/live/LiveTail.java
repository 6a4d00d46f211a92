package dev.annals.server.internal.live;

import dev.annals.event.RecordedEvent;
import dev.annals.store.Direction;
import dev.annals.store.EventReader;
import dev.annals.store.HeadListener;
import dev.annals.store.HeadListeners;
import dev.annals.store.HeadNotifier;
import dev.annals.store.ReadRequest;
import dev.annals.store.ReadSource;
import dev.annals.store.StreamInfo;
import dev.annals.store.StreamName;
import dev.annals.subscription.Subscription;
import dev.annals.subscription.SubscriptionOptions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.stream.Stream;

import static java.util.Objects.requireNonNull;

/**
 * The newest events of the global stream, kept in memory by one subscription and read by every live SSE
 * client in place of the store.
 *
 * <p>Without it, each client's subscription asked the store for the head and for a page at every append:
 * with 200 clients, one append cost 400 queries, and the server managed 76 appends/s. Now one subscription
 * reads each event once; the clients' subscriptions read their pages from here whenever the page starts
 * inside the window this tail holds, and from the store otherwise (a client catching up from far behind,
 * a stream read by version, a backward read). Its head is the last event it holds, so a client never
 * believes it has read up to an event that this tail has not yet seen.
 *
 * <p>The window holds the positions after {@code base} up to {@code last}. Positions may have gaps (a
 * backend may skip one, a deletion may remove one): a slot whose event is not the position asked for is a
 * gap while the position is above {@code base}. When full, the oldest events leave it and {@code base}
 * moves up. One feed thread writes; the many SSE clients read without a lock: {@code base} is raised before
 * a slot is overwritten, so a reader that finds another event in a slot and {@code base} below the
 * position knows it for a gap, never for an event it missed.
 */
final class LiveTail implements EventReader, HeadNotifier, AutoCloseable {

    private final EventReader store;
    private final AtomicReferenceArray<RecordedEvent> window;
    private final HeadListeners listeners = new HeadListeners();
    private final Subscription feed;
    private volatile long base;
    private volatile long last;

    LiveTail(EventReader store, int capacity) {
        this.store = requireNonNull(store, "store");
        this.window = new AtomicReferenceArray<>(capacity);
        this.base = store.headPosition();
        this.last = base;
        this.feed = Subscription.start(
                "live-tail", store, new ReadSource.All(), base, SubscriptionOptions.defaults(), this::hold);
    }

    private void hold(List<RecordedEvent> events) {
        for (RecordedEvent event : events) {
            long position = event.position();
            // Raised first: a reader that sees the slot overwritten then sees the window moved past it.
            base = Math.max(base, position - window.length());
            window.set(slot(position), event);
            last = position;
        }
        listeners.fire(events.getLast().position());
    }

    private int slot(long position) {
        return (int) (position % window.length());
    }

    /** The positions after this are in the window (held, or gaps); the ones up to it must be read from the store. */
    long base() {
        return base;
    }

    /** True while the feed runs; once it stopped, the window no longer grows and readers must use the store. */
    boolean live() {
        return feed.isRunning();
    }

    /**
     * The event at {@code position}, or null when the window holds none there: a gap when {@code position}
     * is above {@link #base()} (read after this call), an event gone from the window otherwise.
     */
    RecordedEvent held(long position) {
        var event = window.get(slot(position));
        return event != null && event.position() == position ? event : null;
    }

    @Override
    public Stream<RecordedEvent> read(ReadRequest request) {
        // Should the feed ever stop (it retries lost connections by itself), the clients read the store.
        if (feed.isRunning()
                && request.direction() == Direction.FORWARD
                && !request.source().byVersion()) {
            var held = fromWindow(request);
            if (held != null) {
                return held.stream();
            }
        }
        return store.read(request);
    }

    /** The events of the request from the window, or null when the window does not hold its start. */
    private List<RecordedEvent> fromWindow(ReadRequest request) {
        long from = Math.max(request.from(), 1);
        long to = last;
        var events = new ArrayList<RecordedEvent>();
        for (long position = from; position <= to && events.size() < request.limit(); position++) {
            var event = held(position);
            if (position <= base) {
                return null; // gone from the window, now or before the read began
            }
            if (event != null && matches(request.source(), event)) {
                events.add(event);
            }
        }
        return events;
    }

    /** True when {@code event} belongs to {@code source}. */
    static boolean matches(ReadSource source, RecordedEvent event) {
        return switch (source) {
            case ReadSource.All all -> true;
            case ReadSource.Category category ->
                StreamName.categoryOf(event.stream()).equals(category.category());
            case ReadSource.EventType type -> event.type().equals(type.type());
            case ReadSource.StreamOf stream -> event.stream().equals(stream.stream());
        };
    }

    /** The position of the newest event this tail holds (the store's head should its feed have stopped). */
    @Override
    public long headPosition() {
        return feed.isRunning() ? last : store.headPosition();
    }

    @Override
    public Stream<StreamInfo> streams() {
        return store.streams();
    }

    @Override
    public void addHeadListener(HeadListener listener) {
        listeners.addHeadListener(listener);
    }

    @Override
    public void removeHeadListener(HeadListener listener) {
        listeners.removeHeadListener(listener);
    }

    @Override
    public void close() {
        feed.close();
    }
}
