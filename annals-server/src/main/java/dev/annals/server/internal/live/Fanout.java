package dev.annals.server.internal.live;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.LockSupport;

/**
 * Tells every live SSE client that the log has grown, in rounds: after a round it lets some time pass before
 * the next, so that under many appends a client finds all that arrived since its last turn and writes it in
 * one flush, instead of a write (a system call, a wake-up) per append per client. The pause grows with the
 * number of clients, since a round's cost does: {@link #PER_CLIENT} each, from {@link #MIN_ROUND} to
 * {@link #MAX_ROUND} (10 ms up to 500 clients, 20 ms for 1,000). After a quiet spell the first append wakes
 * everyone at once. Before each round it renders the new events' frames, once for every client (none while
 * no client is connected).
 */
final class Fanout implements AutoCloseable {

    /** The least time between two rounds. */
    static final Duration MIN_ROUND = Duration.ofMillis(10);

    /** The most time between two rounds: what a client may wait at most for batching's sake. */
    static final Duration MAX_ROUND = Duration.ofMillis(50);

    /** How much each connected client adds to the time between two rounds. */
    static final Duration PER_CLIENT = Duration.ofNanos(20_000);

    private final LiveTail tail;
    private final SseFrames frames;
    private final Set<SseSubscriber> clients = ConcurrentHashMap.newKeySet();
    private final Thread thread;
    private volatile boolean closed;

    Fanout(LiveTail tail, SseFrames frames) {
        this.tail = tail;
        this.frames = frames;
        long from = tail.base();
        this.thread = Thread.ofVirtual().name("sse-fanout").start(() -> run(from));
        tail.addHeadListener(head -> LockSupport.unpark(thread));
    }

    /** The connected clients (added when they subscribe, removed when they end). */
    Set<SseSubscriber> clients() {
        return clients;
    }

    private void run(long woken) {
        try {
            while (!closed) {
                long head = tail.headPosition();
                if (head == woken) {
                    LockSupport.park(this);
                    continue;
                }
                // With no client connected nothing is rendered ahead: a client that connects later renders
                // what it sends on demand (SseFrames.frame), and appends pay nothing for SSE meanwhile.
                for (long position = Math.max(woken, tail.base()) + 1;
                        position <= head && !clients.isEmpty();
                        position++) {
                    var event = tail.held(position);
                    if (event != null) {
                        frames.frame(event);
                    }
                }
                for (SseSubscriber client : clients) {
                    client.wake();
                }
                woken = head;
                // Not a park: the appends of the next few milliseconds must not cut the round short.
                Thread.sleep(pause(clients.size()));
            }
        } catch (InterruptedException e) {
            // closed
        }
    }

    /** The time between two rounds with {@code clients} connected. */
    static Duration pause(int clients) {
        var pause = PER_CLIENT.multipliedBy(clients);
        return pause.compareTo(MIN_ROUND) < 0 ? MIN_ROUND : pause.compareTo(MAX_ROUND) > 0 ? MAX_ROUND : pause;
    }

    @Override
    public void close() {
        closed = true;
        thread.interrupt();
    }
}
