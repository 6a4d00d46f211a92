package dev.annals.server.internal.live;

import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.LockSupport;

/**
 * Tells every live SSE client that the log has grown, in rounds.
 *
 * <p>A round publishes how far live clients send ({@link Round}), wakes them (in waves of at most
 * {@link #WAVE}) and waits until each has taken its turn ({@link Turns}), or for {@link #WAVE_LIMIT}, so that
 * a client stuck in a write holds no one. Waves of 64 were tried, to keep fewer writers queued ahead of the
 * requests on the carrier threads: they lengthened every round (a delivery's p50 doubled) without more
 * appends being taken, so a wave is now a whole round up to a thousand clients.
 *
 * <p>After a round it lets time pass before the next, so that under many appends a client finds all that
 * arrived since its last turn and writes it once, instead of a write (a system call, a wake-up) per append
 * per client. The pause is as long as the last round took to write out, and at least {@link #PER_CLIENT}
 * per connected client, from {@link #MIN_ROUND} to {@link #MAX_ROUND}: so the delivery takes at most about
 * half of the server's time when it is short of processor, its batches grow with the load, and the rest is
 * left to the appends. After a quiet spell the first append wakes everyone at once. Before each round it
 * renders the new events' frames, once for every client, and joins them in one piece that most clients
 * send whole; with no client connected it renders nothing.
 */
final class Fanout implements AutoCloseable {

    /** The least time between two rounds. */
    static final Duration MIN_ROUND = Duration.ofMillis(10);

    /** The most time between two rounds: what a client may wait at most for batching's sake. */
    static final Duration MAX_ROUND = Duration.ofMillis(50);

    /** How much each connected client adds to the time between two rounds. */
    static final Duration PER_CLIENT = Duration.ofNanos(20_000);

    /** How many clients are woken at once. */
    static final int WAVE = 1_024;

    /** How long a wave is waited for at most. */
    static final Duration WAVE_LIMIT = Duration.ofMillis(50);

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
                // What the tail holds, not the store's head: with no client attached its feed stops, and so does this.
                long head = tail.heldHead();
                if (head == woken) {
                    LockSupport.park(this);
                    continue;
                }
                render(woken, head);
                long started = System.nanoTime();
                round();
                woken = head;
                // Not a park: the appends of the next few milliseconds must not cut the round short.
                Thread.sleep(pause(clients.size(), Duration.ofNanos(System.nanoTime() - started)));
            }
        } catch (InterruptedException e) {
            // closed
        }
    }

    /**
     * Renders the frames after {@code woken} up to {@code head} and publishes the round: live clients send up
     * to {@code head}. The frames are joined in one piece for the clients that stand at {@code woken} (all of
     * them, but for the newly connected and the slow) when they are few enough for one client's batch.
     */
    private void render(long woken, long head) {
        long after = Math.max(woken, tail.base());
        if (clients.isEmpty()) {
            // Nothing is rendered ahead: a client that connects later renders what it sends on demand
            // (SseFrames.frame), and appends pay nothing for SSE meanwhile.
            frames.round(new Round(after, head, false, new byte[0]));
            return;
        }
        var joined = head - after <= SseSubscriber.MAX_BATCH ? new ByteArrayOutputStream() : null;
        for (long position = after + 1; position <= head; position++) {
            var event = tail.held(position);
            if (event != null) {
                byte[] frame = frames.frame(event);
                if (joined != null) {
                    joined.writeBytes(frame);
                }
            }
        }
        frames.round(new Round(after, head, joined != null, joined == null ? new byte[0] : joined.toByteArray()));
    }

    private void round() throws InterruptedException {
        var wave = new ArrayList<SseSubscriber>(WAVE);
        for (SseSubscriber client : clients) {
            wave.add(client);
            if (wave.size() == WAVE) {
                wake(wave);
                wave.clear();
            }
        }
        wake(wave);
    }

    private void wake(List<SseSubscriber> clients) throws InterruptedException {
        if (clients.isEmpty()) {
            return;
        }
        var turns = new Turns(clients.size(), thread);
        for (SseSubscriber client : clients) {
            client.wake(turns);
        }
        turns.await(WAVE_LIMIT);
    }

    /** The time between two rounds with {@code clients} connected, after a round that took {@code took}. */
    static Duration pause(int clients, Duration took) {
        var pause = PER_CLIENT.multipliedBy(clients);
        pause = took.compareTo(pause) > 0 ? took : pause;
        return pause.compareTo(MIN_ROUND) < 0 ? MIN_ROUND : pause.compareTo(MAX_ROUND) > 0 ? MAX_ROUND : pause;
    }

    @Override
    public void close() {
        closed = true;
        thread.interrupt();
    }
}
