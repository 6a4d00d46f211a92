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
import java.util.concurrent.locks.ReentrantReadWriteLock;
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
 * <p>The window holds the positions after {@code base} up to {@code last}, which are gap-free (the
 * global order's promise); when full, the oldest events leave it and {@code base} moves up.
 */
final class LiveTail implements EventReader, HeadNotifier, AutoCloseable {

    private final EventReader store;
    private final RecordedEvent[] window;
    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
    private final HeadListeners listeners = new HeadListeners();
    private final Subscription feed;
    private long base;
    private long last;

    LiveTail(EventReader store, int capacity) {
        this.store = requireNonNull(store, "store");
        this.window = new RecordedEvent[capacity];
        this.base = store.headPosition();
        this.last = base;
        this.feed = Subscription.start(
                "live-tail", store, new ReadSource.All(), base, SubscriptionOptions.defaults(), this::hold);
    }

    private void hold(List<RecordedEvent> events) {
        lock.writeLock().lock();
        try {
            for (RecordedEvent event : events) {
                window[(int) (event.position() % window.length)] = event;
                last = event.position();
                base = Math.max(base, last - window.length);
            }
        } finally {
            lock.writeLock().unlock();
        }
        listeners.fire(events.getLast().position());
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
        lock.readLock().lock();
        try {
            long from = Math.max(request.from(), 1);
            if (from <= base) {
                return null;
            }
            var events = new ArrayList<RecordedEvent>();
            for (long position = from; position <= last && events.size() < request.limit(); position++) {
                var event = window[(int) (position % window.length)];
                if (matches(request.source(), event)) {
                    events.add(event);
                }
            }
            return events;
        } finally {
            lock.readLock().unlock();
        }
    }

    private static boolean matches(ReadSource source, RecordedEvent event) {
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
        if (!feed.isRunning()) {
            return store.headPosition();
        }
        lock.readLock().lock();
        try {
            return last;
        } finally {
            lock.readLock().unlock();
        }
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
