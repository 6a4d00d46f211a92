package dev.annals.subscription;

import dev.annals.event.Metadata;
import dev.annals.event.RecordedEvent;
import dev.annals.store.EventReader;
import dev.annals.store.EventStoreException;
import dev.annals.store.HeadNotifier;
import dev.annals.store.ReadSource;
import dev.annals.subscription.internal.HeadWaiter;
import dev.annals.subscription.internal.SourcePager;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import static java.util.Objects.requireNonNull;

/**
 * A running subscription: events of one source after a checkpoint, first the history then live appends,
 * handed to a {@link Subscriber} in order.
 *
 * <p>Catching up and following live appends are one loop: the reader always reads the log from the
 * position after the last event it saw, so there is no switch-over where an event could be lost or
 * repeated. Live appends are found by a head notification when the store offers one
 * ({@link HeadNotifier}) and by polling every {@link SubscriptionOptions#pollInterval()} otherwise.
 * Positions handed on are strictly increasing. Two virtual threads run it: a reader that fills a bounded
 * buffer and blocks when it is full, and a deliverer that drains it into the subscriber.
 *
 * <p>Delivery is at-least-once across restarts: what counts as processed is the caller's checkpoint.
 */
public final class Subscription implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Subscription.class);
    /** Put in the buffer by close() to end the deliverer without interrupting a subscriber mid-batch. */
    private static final RecordedEvent STOP =
            new RecordedEvent("$stop", 0, 0, new UUID(0, 0), "$stop", 1, new byte[0], Metadata.empty(), Instant.EPOCH);

    /** How often a reader blocked on a full buffer looks whether it should stop. */
    private static final Duration HAND_OVER_CHECK = Duration.ofMillis(50);
    /** How long close() lets a read in flight finish before interrupting it. */
    private static final Duration READER_GRACE = Duration.ofSeconds(2);

    private final String name;
    private final EventReader reader;
    private final SourcePager pager;
    private final SubscriptionOptions options;
    private final Subscriber subscriber;
    private final BlockingQueue<RecordedEvent> buffer;
    private final HeadWaiter waiter = new HeadWaiter();
    private final Thread readerThread;
    private final Thread deliveryThread;
    private volatile boolean stopping;
    private volatile long position;
    private volatile Throwable failure;
    private volatile Frontier frontier;
    private volatile Runnable onProgress = () -> {};

    /** Everything selected up to {@code head} is in the buffer or delivered once {@code lastQueued} is delivered. */
    private record Frontier(long head, long lastQueued) {}

    private Subscription(
            String name,
            EventReader reader,
            ReadSource source,
            long checkpoint,
            SubscriptionOptions options,
            Subscriber subscriber) {
        this.name = name;
        this.reader = reader;
        this.pager = new SourcePager(reader, source, checkpoint, options.pageSize());
        this.options = options;
        this.subscriber = subscriber;
        this.buffer = new ArrayBlockingQueue<>(options.bufferSize());
        this.position = checkpoint;
        this.frontier = new Frontier(checkpoint, checkpoint);
        this.readerThread =
                Thread.ofVirtual().name("subscription-" + name + "-reader").unstarted(this::read);
        this.deliveryThread = Thread.ofVirtual().name("subscription-" + name).unstarted(this::deliver);
    }

    /**
     * Starts delivering the events of {@code source} after {@code checkpoint} (the last position already
     * processed; 0 for everything) to {@code subscriber}.
     *
     * @param name a name for threads and logs
     */
    public static Subscription start(
            String name,
            EventReader reader,
            ReadSource source,
            long checkpoint,
            SubscriptionOptions options,
            Subscriber subscriber) {
        return start(name, reader, source, checkpoint, options, subscriber, () -> {});
    }

    /**
     * As {@link #start(String, EventReader, ReadSource, long, SubscriptionOptions, Subscriber)}, calling
     * {@code onProgress} (quick, non-blocking) whenever {@link #processedThrough()} may have grown.
     */
    public static Subscription start(
            String name,
            EventReader reader,
            ReadSource source,
            long checkpoint,
            SubscriptionOptions options,
            Subscriber subscriber,
            Runnable onProgress) {
        requireNonNull(onProgress, "onProgress");
        if (checkpoint < 0) {
            throw new IllegalArgumentException("checkpoint must be 0 or more, was " + checkpoint);
        }
        var subscription = new Subscription(
                requireNonNull(name, "name"),
                requireNonNull(reader, "reader"),
                requireNonNull(source, "source"),
                checkpoint,
                requireNonNull(options, "options"),
                requireNonNull(subscriber, "subscriber"));
        subscription.onProgress = onProgress;
        reader.capability(HeadNotifier.class).ifPresent(notifier -> notifier.addHeadListener(subscription.waiter));
        subscription.deliveryThread.start();
        subscription.readerThread.start();
        LOG.debug("subscription {} started on {} after position {}", name, source, checkpoint);
        return subscription;
    }

    private void read() {
        try {
            while (!stopping) {
                long seen = waiter.generation();
                long head;
                List<RecordedEvent> page;
                try {
                    // Read the head first: every event up to it is committed, so an empty page proves it all read.
                    head = reader.headPosition();
                    page = pager.nextPage();
                } catch (EventStoreException unavailable) {
                    if (stopping) {
                        // close() interrupted a read that outlived its grace: not a fault of its own.
                        return;
                    }
                    // A lost connection or a restarting server: nothing was handed on, so wait and read again.
                    LOG.warn(
                            "subscription {} could not read after position {}, retrying in {}: {}",
                            name,
                            pager.lastPosition(),
                            options.pollInterval(),
                            unavailable.toString());
                    waiter.awaitChange(seen, options.pollInterval());
                    continue;
                }
                if (page.isEmpty()) {
                    frontier = new Frontier(head, pager.lastPosition());
                    onProgress.run();
                    waiter.awaitChange(seen, options.pollInterval());
                }
                for (RecordedEvent event : page) {
                    while (!buffer.offer(event, HAND_OVER_CHECK.toNanos(), TimeUnit.NANOSECONDS)) {
                        if (stopping) {
                            return;
                        }
                    }
                }
            }
        } catch (InterruptedException e) {
            // Interrupted by close(): stop reading.
        } catch (RuntimeException e) {
            if (!stopping) {
                fail(e, "reading after position " + pager.lastPosition());
            }
        }
    }

    private void deliver() {
        var batch = new ArrayList<RecordedEvent>(options.maxBatch());
        try {
            while (!stopping) {
                batch.clear();
                batch.add(buffer.take());
                buffer.drainTo(batch, options.maxBatch() - 1);
                if (stopping || batch.getLast() == STOP) {
                    return;
                }
                subscriber.onEvents(List.copyOf(batch));
                position = batch.getLast().position();
                onProgress.run();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            var first = batch.getFirst();
            fail(
                    e,
                    "delivering positions " + first.position() + ".."
                            + batch.getLast().position() + " (first event id " + first.eventId() + ")");
        }
    }

    private void fail(Throwable cause, String doing) {
        failure = cause;
        LOG.error("subscription {} stopped: {} failed: {}", name, doing, cause.toString());
        stopAsync();
    }

    private void stopAsync() {
        stopping = true;
        waiter.wake();
    }

    /** The position of the last event the subscriber handled, or the checkpoint it started from. */
    public long position() {
        return position;
    }

    /**
     * The position up to which every selected event has been handled: at least {@link #position()}, and
     * up to the store's head once the subscriber has handled all there was, even when the last events
     * of the store lie outside the source. What read-your-writes waits on.
     */
    public long processedThrough() {
        var seen = frontier;
        long delivered = position;
        return delivered >= seen.lastQueued() ? Math.max(delivered, seen.head()) : delivered;
    }

    /** Why the subscription stopped by itself: a failed read or a subscriber that threw. */
    public Optional<Throwable> failure() {
        return Optional.ofNullable(failure);
    }

    /** True until it is closed or fails. */
    public boolean isRunning() {
        return !stopping;
    }

    /**
     * Stops reading, lets a batch being handled finish, and returns once both threads have ended. Events
     * still buffered are dropped; they come again from the caller's checkpoint. Idempotent.
     */
    @Override
    public void close() {
        stopAsync();
        reader.capability(HeadNotifier.class).ifPresent(notifier -> notifier.removeHeadListener(waiter));
        try {
            // The reader sees `stopping` after its read in flight; interrupting it instead would close a virtual
            // thread's socket under the pool, which then logs the connection as broken. Only a read that hangs
            // past the grace (a database gone silent) is interrupted.
            if (!readerThread.join(READER_GRACE)) {
                readerThread.interrupt();
                readerThread.join();
            }
            // The reader is gone, so nobody else fills the buffer: there is room for STOP after clearing it.
            buffer.clear();
            buffer.offer(STOP);
            if (Thread.currentThread() != deliveryThread) {
                deliveryThread.join();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        LOG.debug("subscription {} closed at position {}", name, position);
    }
}
