package dev.annals.store.jdbc.append;

import dev.annals.event.EventData;
import dev.annals.store.EventStoreException;
import dev.annals.store.ExpectedVersion;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The queue and the one writer thread of a group commit: callers queue their appends, the thread takes
 * every append waiting (up to a maximum) and hands them as one batch to the store's batch writer, which
 * writes them in one transaction and completes each with its own outcome.
 *
 * <p>While one batch commits, the next one gathers, so the number of commits (and fsyncs) per second stays
 * about the same whatever the number of writers, and throughput grows with the batch. The batch writer
 * must complete every append it is given, even when it fails. What is queued when the thread stops is
 * abandoned with an {@link EventStoreException}: no caller waits for an outcome that never comes.
 *
 * <p>An append that finds nothing queued and no batch being written is written at once in its caller's
 * thread, as a batch of one. A lone writer then pays no hand-over to the writer thread and back, two
 * thread wake-ups that on a virtual machine cost about as much as a fast commit. Batches never overlap:
 * whichever thread writes holds one lock for the transaction, so positions still follow commit order.
 */
public final class GroupCommit {

    private static final PendingAppend STOP = PendingAppend.of("$stop", ExpectedVersion.any(), List.<EventData>of());

    private final String database;
    private final int maxBatch;
    private final Consumer<List<PendingAppend>> batchWriter;
    private final BlockingQueue<PendingAppend> queue = new LinkedBlockingQueue<>();
    private final Thread thread;
    /** Held while a batch is written, by the writer thread or by a caller writing its own append. */
    private final ReentrantLock writing = new ReentrantLock();
    private volatile boolean stopped;

    /**
     * Starts the writer thread.
     *
     * @param database    the database written to, for messages: a file, a schema
     * @param maxBatch    the most appends one batch holds; 1 or more
     * @param batchWriter writes one batch and completes each of its appends
     */
    public GroupCommit(String database, int maxBatch, Consumer<List<PendingAppend>> batchWriter) {
        if (maxBatch < 1) {
            throw new IllegalArgumentException("maxBatch must be 1 or more, was " + maxBatch);
        }
        this.database = database;
        this.maxBatch = maxBatch;
        this.batchWriter = batchWriter;
        this.thread = Thread.ofPlatform().name("annals-writer " + database).daemon(true).unstarted(this::run);
        thread.start();
    }

    /**
     * Queues an append, or writes it at once in this thread when nothing else is queued or being written;
     * either way its outcome completes after the commit that holds it.
     */
    public void submit(PendingAppend append) {
        if (!stopped && queue.isEmpty() && writing.tryLock()) {
            try {
                if (!stopped) {
                    batchWriter.accept(List.of(append));
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

    /** Writes everything queued before this call, then stops the thread. */
    public void stop() {
        queue.add(STOP);
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new EventStoreException("interrupted while stopping the writer of " + database, e);
        }
        // A caller may still be writing its own append; the store must not close under it.
        writing.lock();
        writing.unlock();
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
        var batch = new ArrayList<PendingAppend>(maxBatch);
        boolean stopping = false;
        while (!stopping) {
            batch.clear();
            try {
                batch.add(queue.take());
            } catch (InterruptedException e) {
                // Nobody interrupts the writer but its JVM going down; finish what is queued first.
                stopping = true;
            }
            writing.lock();
            try {
                // Drained under the lock, so that what queued while a caller wrote its own append joins.
                queue.drainTo(batch, maxBatch - batch.size());
                if (batch.remove(STOP)) {
                    stopping = true;
                    queue.drainTo(batch);
                }
                if (!batch.isEmpty()) {
                    batchWriter.accept(List.copyOf(batch));
                }
            } finally {
                writing.unlock();
            }
        }
    }

    private void abandonQueued() {
        var left = new ArrayList<PendingAppend>();
        queue.drainTo(left);
        for (PendingAppend append : left) {
            if (append != STOP) {
                append.abandon(database);
            }
        }
    }
}
