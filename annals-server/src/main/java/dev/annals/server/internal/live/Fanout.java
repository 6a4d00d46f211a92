package dev.annals.server.internal.live;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.LockSupport;

/**
 * Tells every live SSE client that the log has grown, in rounds: after a round it lets {@link #ROUND} pass
 * before the next, so that under many appends a client is woken at most about a hundred times a second and
 * finds all that arrived since its last turn, written in one flush. After a quiet spell the first append
 * wakes everyone at once. Before each round it renders the new events' frames, once for every client.
 */
final class Fanout implements AutoCloseable {

    /** The least time between two rounds: what a client may wait at most for batching's sake. */
    static final Duration ROUND = Duration.ofMillis(10);

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
                for (long position = Math.max(woken, tail.base()) + 1; position <= head; position++) {
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
                Thread.sleep(ROUND);
            }
        } catch (InterruptedException e) {
            // closed
        }
    }

    @Override
    public void close() {
        closed = true;
        thread.interrupt();
    }
}
