package dev.annals.server.internal.live;

import dev.annals.event.RecordedEvent;
import dev.annals.store.ReadSource;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One SSE client's delivery: a virtual thread that sends the client what its {@link Selection} wants of the
 * log after its cursor, and is the only writer of its {@link SseStream}.
 *
 * <p>A client behind the {@link LiveTail}'s window first catches up from the store ({@link CatchUp}), at
 * its own pace. From then on it is live: each time it is woken (a new head, a revocation, a look by the
 * sweeper) it takes everything from its cursor to the head out of the shared window, as frames rendered
 * once for all ({@link SseFrames}), writes them into its response and flushes once. A client that cannot
 * keep up gets bigger batches, never a thread of anyone else's. The window is its bound: a live client
 * whose cursor the window has left behind is sent a {@code behind} message, whose id is its cursor, and is
 * disconnected; it resumes with {@code Last-Event-ID}, catching up from the store.
 */
final class SseSubscriber implements Runnable {

    private static final Logger LOG = LoggerFactory.getLogger(SseSubscriber.class);

    /** At most this many positions are taken from the window before a flush: a bounded write per turn. */
    static final int MAX_BATCH = 1_000;

    private static final long HEARTBEAT_NANOS = Duration.ofSeconds(15).toNanos();

    private final String name;
    private final String subscribed;
    private final SseStream stream;
    private final Selection selection;
    private final boolean everything;
    private final LiveTail tail;
    private final SseFrames frames;
    private final CatchUp catchUp;
    private final AtomicBoolean behind = new AtomicBoolean();
    private final AtomicReference<Turns> turn = new AtomicReference<>();
    private volatile long cursor;
    private volatile boolean live;
    private volatile Thread thread;
    private volatile long lastWrite = System.nanoTime();

    /**
     * A delivery of {@code subscribed} (a stream or virtual stream name such as {@code $all}) after position
     * {@code checkpoint}; {@code name} tells its thread from the others.
     */
    SseSubscriber(String name, String subscribed, SseStream stream, long checkpoint, LiveTail tail, SseFrames frames) {
        this.name = name;
        this.subscribed = subscribed;
        var source = ReadSource.parse(subscribed);
        this.stream = stream;
        this.selection = new Selection(source, stream.caller());
        this.everything = selection.everything();
        this.tail = tail;
        this.frames = frames;
        this.cursor = checkpoint;
        this.catchUp = new CatchUp(tail, source, checkpoint);
    }

    /** Starts delivering on a virtual thread of its own; {@code onEnd} runs when it stops. */
    void start(Runnable onEnd) {
        thread = Thread.ofVirtual().name("sse-" + name).start(() -> {
            try {
                run();
            } finally {
                turnTaken();
                onEnd.run();
            }
        });
    }

    /** Makes it look at the head, its token and its standing again; returns at once. */
    void wake() {
        var running = thread;
        if (running != null) {
            LockSupport.unpark(running);
        }
    }

    /** Wakes it for a round of the {@link Fanout}, which waits for its turn to be taken. */
    void wake(Turns turns) {
        var missed = turn.getAndSet(turns);
        if (missed != null) {
            missed.taken(); // a wave that no longer waits for it
        }
        wake();
    }

    /** Tells the fan-out that this client has written what it found (or found nothing). */
    private void turnTaken() {
        var turns = turn.getAndSet(null);
        if (turns != null) {
            turns.taken();
        }
    }

    /** The last position sent to the client, or passed over as not wanted. */
    long cursor() {
        return cursor;
    }

    SseStream stream() {
        return stream;
    }

    /**
     * True when this live client is no longer in the window (its write may be blocked on a client that does
     * not read): logged once, and its thread, once free, tells the client and disconnects it.
     */
    boolean fellBehind() {
        if (!live || cursor >= tail.base()) {
            return false;
        }
        if (behind.compareAndSet(false, true)) {
            LOG.info(
                    "an SSE client of {} fell behind: it was sent position {} while the head is {}, beyond what"
                            + " the server holds for live clients; disconnecting it with a 'behind' message",
                    subscribed,
                    cursor,
                    tail.headPosition());
        }
        return true;
    }

    @Override
    public void run() {
        try {
            while (!stream.closed()) {
                if (!stream.caller().live()) {
                    stream.endRevoked();
                    LOG.info("ended a live subscription of {}: its token was revoked", stream.caller());
                    return;
                }
                if (fellBehind()) {
                    stream.end(behindFrame());
                    return;
                }
                // A live client sends what the last round published, and waits for the next: one write a round.
                long head = live && tail.live() ? frames.round().to() : tail.headPosition();
                if (cursor >= head) {
                    idle();
                } else if (live && tail.live()) {
                    fromWindow(head);
                } else if (live) {
                    // The window stopped growing (its feed ended): read the store from here on.
                    live = false;
                    catchUp.restartAt(cursor);
                } else if (tail.live() && cursor >= tail.base()) {
                    live = true;
                } else {
                    fromStore();
                }
            }
        } catch (IOException | RuntimeException e) {
            // Gone (closing a browser tab is no failure) or closed by the server: either way this client ends.
            stream.client().close();
        }
    }

    /** True when nothing was written for so long that a heartbeat is due (the sweeper then wakes it). */
    boolean quiet() {
        return System.nanoTime() - lastWrite >= HEARTBEAT_NANOS;
    }

    /** Waits for a wake-up, and writes a heartbeat when nothing was written for a while. */
    private void idle() throws IOException {
        turnTaken();
        if (quiet()) {
            stream.heartbeat();
            lastWrite = System.nanoTime();
        } else if (tail.live()) {
            // No timeout: a timed park costs a timer per turn, and the sweeper wakes it for heartbeats.
            LockSupport.park(this);
        } else {
            // Without a live tail nothing wakes it: read the store again a few times a second.
            LockSupport.parkNanos(this, 250_000_000L);
        }
    }

    private void fromWindow(long head) throws IOException {
        var round = frames.round();
        if (everything && round.startsAt(cursor) && round.to() <= head) {
            // The round's frames as one piece, shared with the other clients that stood where this one does.
            if (round.frames().length > 0) {
                stream.send(round.frames());
                lastWrite = System.nanoTime();
            }
            cursor = round.to();
            turnTaken();
            return;
        }
        boolean wrote = false;
        long end = Math.min(head, cursor + MAX_BATCH);
        for (long position = cursor + 1; position <= end; position++) {
            RecordedEvent event = tail.held(position);
            if (position <= tail.base()) {
                break; // the window moved past it while this client was written to: behind, seen next turn
            }
            if (event != null && selection.wants(event)) {
                stream.write(frames.frame(event));
                wrote = true;
            }
            cursor = position;
        }
        flushIf(wrote);
        turnTaken();
    }

    private void fromStore() throws IOException {
        boolean wrote = false;
        for (RecordedEvent event : catchUp.next()) {
            if (selection.sees(event)) {
                stream.write(SseFrames.render(event));
                wrote = true;
            }
        }
        cursor = catchUp.cursor();
        flushIf(wrote);
        turnTaken();
    }

    private void flushIf(boolean wrote) throws IOException {
        if (wrote) {
            stream.flush();
            lastWrite = System.nanoTime();
        }
    }

    private byte[] behindFrame() {
        long at = cursor;
        return ("event: behind\nid: " + at + "\ndata: {\"error\":\"fell_behind\",\"message\":\"this client fell too far"
                        + " behind the head and was disconnected; reconnect with Last-Event-ID: " + at
                        + " to resume\",\"lastEventId\":" + at + ",\"headPosition\":" + tail.headPosition() + "}\n\n")
                .getBytes(StandardCharsets.US_ASCII);
    }
}
