package dev.annals.store.jdbc.append;

import dev.annals.event.EventData;
import dev.annals.store.EventStoreException;
import dev.annals.store.ExpectedVersion;
import dev.annals.store.StoreUnavailableException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The queue and the one writer thread of a group commit: callers queue their appends, the thread takes
 * every append waiting (up to a maximum) and hands them as one batch to the store's {@link BatchWriter},
 * which writes them in one transaction and completes each with its own outcome.
 *
 * <p>While one batch commits, the next one gathers, so the number of commits (and fsyncs) per second stays
 * about the same whatever the number of writers, and throughput grows with the batch. What is queued when
 * the thread stops is abandoned with an {@link EventStoreException}: no caller waits for an outcome that
 * never comes.
 *
 * <p>When a batch's transaction fails as a whole, each of its appends is written again on its own, so that
 * one append the database refuses (a poisoned append) fails only its own caller, never the others of its
 * group (docs/adr/0017). When the failure came from the COMMIT itself, the batch may have been written:
 * each append is first looked up by its event ids and acknowledged when found, and only an append none of
 * whose events is stored is written again. A storage fault (disk full, database unreachable) is no
 * append's doing: it fails every append of the group at once with a {@link StoreUnavailableException},
 * and is kept for {@link #writeFault()} until a write or a probe succeeds.
 *
 * <p>Writers racing on a hot stream (one a batch refused an append to) take turns: a batch holds two of their
 * appends, the likely winner and the next in line, and the others wait for a later batch instead of being
 * refused and woken all at once ({@link HotStreamTurns}, docs/adr/0051). Which batch an append joins never
 * changes how it is judged: always in its batch's transaction, against the stream as stored.
 *
 * <p>An append that finds nothing queued and no batch being written is written at once in its caller's
 * thread, as a batch of one. A lone writer then pays no hand-over to the writer thread and back, two
 * thread wake-ups that on a virtual machine cost about as much as a fast commit. Batches never overlap:
 * whichever thread writes holds one lock for the transaction, so positions still follow commit order. A
 * virtual thread never writes for itself when the writer {@link BatchWriter#blocksInNativeCode blocks in
 * native code}: it would pin its carrier for the whole commit and fsync (an HTTP server has as few carriers
 * as cores), and parked on its outcome instead it frees the carrier for other requests, whose appends join
 * the next batch.
 */
public final class GroupCommit {

    private static final Logger LOG = LoggerFactory.getLogger(GroupCommit.class);
    /**
     * How long a batch waits for the retries of appends the batch before it refused on hot streams. A retry
     * comes in tens of microseconds when its caller retries at once; a caller that gives up costs the next batch
     * this much once.
     */
    private static final long RETRY_WAIT_NANOS = TimeUnit.MICROSECONDS.toNanos(500);

    private static final PendingAppend STOP = PendingAppend.of("$stop", ExpectedVersion.any(), List.<EventData>of());

    private final String database;
    private final int maxBatch;
    private final BatchWriter batchWriter;
    private final FailedGroups failedGroups;
    private final BlockingQueue<PendingAppend> queue = new LinkedBlockingQueue<>();
    private final Thread thread;
    /** Held while a batch is written, by the writer thread or by a caller writing its own append. */
    private final ReentrantLock writing = new ReentrantLock();
    /** Which appends of hot streams wait for a later batch; used under {@link #writing}. */
    private final HotStreamTurns turns = new HotStreamTurns();
    /** Appends of hot streams held back from the last batch, oldest first; changed under {@link #writing}. */
    private final List<PendingAppend> heldBack = new ArrayList<>();
    /** Whether a virtual thread may write its own append; see {@link BatchWriter#blocksInNativeCode()}. */
    private final boolean virtualCallersMayWrite;

    private volatile boolean stopped;
    /** The storage fault of the last write, until a write succeeds. */
    private volatile StoreUnavailableException fault;

    /**
     * Starts the writer thread.
     *
     * @param database    the database written to, for the thread's name and logs (never for messages)
     * @param maxBatch    the most appends one batch holds; 1 or more
     * @param batchWriter writes one batch and completes each of its appends
     */
    public GroupCommit(String database, int maxBatch, BatchWriter batchWriter) {
        if (maxBatch < 1) {
            throw new IllegalArgumentException("maxBatch must be 1 or more, was " + maxBatch);
        }
        this.database = database;
        this.maxBatch = maxBatch;
        this.batchWriter = batchWriter;
        this.failedGroups = new FailedGroups(database, batchWriter, this::faultSeen);
        this.virtualCallersMayWrite = !batchWriter.blocksInNativeCode();
        this.thread = Thread.ofPlatform()
                .name("annals-writer " + database)
                .daemon(true)
                .unstarted(this::run);
        thread.start();
    }

    /**
     * Queues an append, or writes it at once in this thread when nothing else is queued or being written
     * (and this thread may write: see {@link BatchWriter#blocksInNativeCode()}); either way its outcome
     * completes after the commit that holds it.
     */
    public void submit(PendingAppend append) {
        if (!stopped
                && queue.isEmpty()
                && (virtualCallersMayWrite || !Thread.currentThread().isVirtual())
                && writing.tryLock()) {
            try {
                if (!stopped && heldBack.isEmpty()) {
                    var alone = List.of(append);
                    write(alone);
                    turns.learn(alone);
                    return;
                }
            } finally {
                writing.unlock();
            }
        }
        queue.add(append);
        if (stopped) {
            abandonQueued();
        }
    }

    /**
     * The storage fault that made the last write fail, or empty once a write (or a probe of the storage)
     * succeeded since. While there is one, asking probes the storage, so that the fault clears without
     * appends; a probe waits at most a second for a batch being written.
     */
    public Optional<StoreUnavailableException> writeFault() {
        var current = fault;
        if (current == null || stopped) {
            return Optional.ofNullable(current);
        }
        try {
            if (!writing.tryLock(1, TimeUnit.SECONDS)) {
                return Optional.ofNullable(fault);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.ofNullable(fault);
        }
        try {
            batchWriter.probe();
            if (fault != null) {
                LOG.info("the storage of {} can be written again", database);
            }
            fault = null;
        } catch (BatchFailure failure) {
            failure.reason().ifPresent(reason -> fault = PendingAppend.storeCannotWrite(reason, failure.getCause()));
        } finally {
            writing.unlock();
        }
        return Optional.ofNullable(fault);
    }

    /** Records the storage fault an append failed with, for {@link #writeFault()}; null after a success. */
    private void faultSeen(StoreUnavailableException seen) {
        fault = seen;
    }

    /** Writes everything queued before this call, then stops the thread. */
    public void stop() {
        queue.add(STOP);
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new EventStoreException("interrupted while stopping the store's writer", e);
        }
        // A caller may still be writing its own append; the store must not close under it.
        writing.lock();
        writing.unlock();
    }

    /** Writes one batch under the lock and completes every append of it, whatever fails. */
    private void write(List<PendingAppend> batch) {
        try {
            batchWriter.write(batch);
            fault = null;
        } catch (BatchFailure failure) {
            if (batch.size() == 1 && !failure.outcomeUnknown()) {
                failedGroups.fail(batch.getFirst(), failure);
                return;
            }
            LOG.warn(
                    "a group of {} appends to {} failed{}: {}; resolving each append on its own",
                    batch.size(),
                    database,
                    failure.outcomeUnknown() ? " while committing" : "",
                    failure.getMessage());
            failedGroups.resolve(batch, failure);
        } catch (RuntimeException e) {
            // A writer must complete what it is given; if it broke that contract, nobody may wait forever.
            LOG.error("the writer of {} failed a batch of {} appends", database, batch.size(), e);
            for (PendingAppend append : batch) {
                append.outcome()
                        .completeExceptionally(new EventStoreException(
                                "append to stream '" + append.stream()
                                        + "' failed: the store's writer failed (details are in the server's log)",
                                e));
            }
        }
    }

    private void run() {
        try {
            writeUntilStopped();
        } finally {
            // Whatever ends the loop, even an Error, no caller is left waiting for an outcome that never comes.
            stopped = true;
            abandonQueued();
        }
    }

    private void writeUntilStopped() {
        var waiting = new ArrayList<PendingAppend>();
        var batch = new ArrayList<PendingAppend>(maxBatch);
        boolean stopping = false;
        while (!stopping || !heldBack.isEmpty()) {
            waiting.clear();
            boolean interrupted = false;
            // Appends held back are written in the next batch, whatever else is queued: do not wait for more.
            if (heldBack.isEmpty()) {
                try {
                    waiting.add(queue.take());
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
            writing.lock();
            try {
                // Held back from the last batch, they are older than anything queued.
                waiting.addAll(0, heldBack);
                heldBack.clear();
                if (!stopping) {
                    // Drained under the lock, so that what queued while a caller wrote its own append joins.
                    queue.drainTo(waiting, maxBatch);
                    interrupted |= !awaitRetries(waiting);
                    // By identity: remove(STOP) compared the marker with every append through the record's equals().
                    if (waiting.removeIf(append -> append == STOP) || interrupted) {
                        // Nobody interrupts the writer but its JVM going down; either way, finish what is queued.
                        stopping = true;
                        queue.drainTo(waiting);
                        waiting.removeIf(append -> append == STOP);
                    }
                }
                batch.clear();
                if (stopping) {
                    // No turns once stopping: what was queued before the stop goes in order, and nothing after it.
                    HotStreamTurns.inOrder(waiting, maxBatch, batch, heldBack);
                } else {
                    turns.choose(waiting, maxBatch, batch, heldBack);
                }
                if (!batch.isEmpty()) {
                    write(List.copyOf(batch));
                    turns.learn(batch);
                }
            } finally {
                writing.unlock();
            }
        }
    }

    /**
     * Waits up to {@link #RETRY_WAIT_NANOS} for the retries of appends the last batch refused on hot streams,
     * adding what queues meanwhile to {@code waiting}: without them the batch could make none of those streams'
     * next versions. Returns false when interrupted (the JVM going down).
     */
    private boolean awaitRetries(List<PendingAppend> waiting) {
        var missing = turns.retriesMissing(waiting);
        long deadline = System.nanoTime() + RETRY_WAIT_NANOS;
        while (!missing.isEmpty()) {
            long left = deadline - System.nanoTime();
            PendingAppend next;
            try {
                next = left > 0 ? queue.poll(left, TimeUnit.NANOSECONDS) : null;
            } catch (InterruptedException e) {
                return false;
            }
            if (next == null) {
                return true;
            }
            int from = waiting.size();
            waiting.add(next);
            queue.drainTo(waiting, maxBatch);
            for (PendingAppend append : waiting.subList(from, waiting.size())) {
                if (append == STOP) {
                    return true;
                }
                if (turns.likelyWinner(append)) {
                    missing.remove(append.stream());
                }
            }
        }
        return true;
    }

    private void abandonQueued() {
        var left = new ArrayList<PendingAppend>();
        if (Thread.currentThread() == thread) {
            // Only the writer's own thread ends with appends held back: an Error ended its loop.
            left.addAll(heldBack);
            heldBack.clear();
        }
        queue.drainTo(left);
        for (PendingAppend append : left) {
            if (append != STOP) {
                append.abandon();
            }
        }
    }
}
