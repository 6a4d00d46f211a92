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
 *
 * <p>The feed runs only while SSE clients are attached ({@link #attach()}, {@link #detach()}): it reads
 * every commit, which appends paid for even with no client connected. When a client attaches after none was,
 * the window starts again, empty, at the store's head; a batch of a stopped feed is dropped, so positions held
 * only ever rise.
 */
final class LiveTail implements EventReader, HeadNotifier, AutoCloseable {

    private final EventReader store;
    private final AtomicReferenceArray<RecordedEvent> window;
    private final HeadListeners listeners = new HeadListeners();
    /** Guards the feed's start and stop, and each batch it holds, so that a stopped feed's last batch is dropped. */
    private final Object feeding = new Object();
    /** The running feed, or null while no client is attached. */
    private volatile Subscription feed;
    /** Names the running feed in its batches (null while none runs): set before the feed starts. */
    private Object feedToken;

    private int attached;
    private boolean closed;
    private volatile long base;
    private volatile long last;

    LiveTail(EventReader store, int capacity) {
        this.store = requireNonNull(store, "store");
        this.window = new AtomicReferenceArray<>(capacity);
        this.base = store.headPosition();
        this.last = base;
    }

    /**
     * Tells that a client now reads through this tail: the first one starts the feed. The feed runs only while
     * clients are attached, for it reads every commit (a head query and a page each): with no SSE client,
     * appends paid about a tenth of the server's time for it.
     */
    void attach() {
        synchronized (feeding) {
            if (attached++ > 0 || closed) {
                return;
            }
            // What was committed while no feed ran is not held: the window starts again, empty, at the head,
            // and a client that wants older events reads them from the store.
            long head = Math.max(store.headPosition(), last);
            base = head; // raised before last, as hold() does
            last = head;
            var token = new Object();
            feedToken = token;
            feed = Subscription.start(
                    "live-tail",
                    store,
                    new ReadSource.All(),
                    head,
                    SubscriptionOptions.defaults(),
                    events -> hold(token, events));
        }
    }

    /** Tells that a client no longer reads through this tail: the last one stops the feed. */
    void detach() {
        Subscription stopped;
        synchronized (feeding) {
            if (--attached > 0) {
                return;
            }
            stopped = stopFeed();
        }
        close(stopped);
    }

    /** Takes the feed out, under the lock; it is closed outside, for closing waits for a batch being held. */
    private Subscription stopFeed() {
        var stopped = feed;
        feed = null;
        feedToken = null;
        return stopped;
    }

    private static void close(Subscription stopped) {
        if (stopped != null) {
            stopped.close();
        }
    }

    private void hold(Object token, List<RecordedEvent> events) {
        synchronized (feeding) {
            if (token != feedToken) {
                return; // a stopped feed's last batch: the window starts again after it
            }
            for (RecordedEvent event : events) {
                long position = event.position();
                // Raised first: a reader that sees the slot overwritten then sees the window moved past it.
                base = Math.max(base, position - window.length());
                window.set(slot(position), event);
                last = position;
            }
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

    /** True while the feed runs; while it does not, the window does not grow and readers must use the store. */
    boolean live() {
        var running = feed;
        return running != null && running.isRunning();
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
        if (live()
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
        return live() ? last : store.headPosition();
    }

    /** The position of the newest event held, which stays put while no feed runs. */
    long heldHead() {
        return last;
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
        Subscription stopped;
        synchronized (feeding) {
            closed = true;
            stopped = stopFeed();
        }
        close(stopped);
    }
}
