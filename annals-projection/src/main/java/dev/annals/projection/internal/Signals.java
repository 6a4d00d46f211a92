package dev.annals.projection.internal;

import java.time.Duration;
import java.util.Comparator;
import java.util.PriorityQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.BooleanSupplier;
import java.util.function.LongSupplier;

/**
 * The waits of a projection runner: callers awaiting a position (read-your-writes) and the control thread
 * awaiting its next step or a local request. No busy waiting.
 *
 * <p>Callers awaiting positions wait in position order, and progress wakes only those whose position has
 * been processed. Waking every waiter on every commit instead (one condition, {@code signalAll}) cost
 * O(waiters) per batch: at 10,000 appends/s, each awaited by its caller, thousands of threads woke to
 * find their position not yet reached, and that CPU was taken from the projection they waited for.
 */
public final class Signals {

    /** How often a waiter checks anyway, so that progress made by another path (a reset, a skip) is seen. */
    private static final long RECHECK_NANOS = TimeUnit.MILLISECONDS.toNanos(200);

    private final LongSupplier processedThrough;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition woken = lock.newCondition();
    private final PriorityQueue<Waiter> waiters = new PriorityQueue<>(Comparator.comparingLong(Waiter::position));
    private volatile int waiting;
    private boolean wakeRequested;

    /** One caller waiting for {@code position}; released (under the lock) once progress reaches it. */
    private static final class Waiter {
        private final long position;
        private final Thread thread;
        private boolean released;

        Waiter(long position, Thread thread) {
            this.position = position;
            this.thread = thread;
        }

        long position() {
            return position;
        }
    }

    /** Signals for a runner whose processed position {@code processedThrough} reads (quick, any thread). */
    public Signals(LongSupplier processedThrough) {
        this.processedThrough = processedThrough;
    }

    /** Tells waiters that the processed position may have grown; wakes those whose position it reached. */
    public void progress() {
        if (waiting == 0) {
            return;
        }
        long through = processedThrough.getAsLong();
        lock.lock();
        try {
            for (var first = waiters.peek(); first != null && first.position() <= through; first = waiters.peek()) {
                waiters.poll();
                waiting--;
                first.released = true;
                LockSupport.unpark(first.thread);
            }
        } finally {
            lock.unlock();
        }
    }

    /**
     * Waits until the processed position reaches {@code position} or {@code timeout} passes; true when it
     * reached it.
     */
    public boolean awaitPosition(long position, Duration timeout) throws InterruptedException {
        if (processedThrough.getAsLong() >= position) {
            return true;
        }
        long deadline = System.nanoTime() + timeout.toNanos();
        var waiter = new Waiter(position, Thread.currentThread());
        enqueue(waiter);
        try {
            // Checked after joining the queue: progress made before that is seen here, progress after it wakes us.
            while (processedThrough.getAsLong() < position) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                LockSupport.parkNanos(this, Math.min(left, RECHECK_NANOS));
                if (Thread.interrupted()) {
                    throw new InterruptedException();
                }
            }
            return true;
        } finally {
            dequeue(waiter);
        }
    }

    private void enqueue(Waiter waiter) {
        lock.lock();
        try {
            waiters.add(waiter);
            waiting++;
        } finally {
            lock.unlock();
        }
    }

    private void dequeue(Waiter waiter) {
        lock.lock();
        try {
            // Progress removes the waiters it releases; the others (a timeout, an interrupt, a reset) leave here.
            if (!waiter.released && waiters.remove(waiter)) {
                waiting--;
            }
        } finally {
            lock.unlock();
        }
    }

    /** How many callers wait for a position now. */
    int waiting() {
        return waiting;
    }

    /** Makes the control thread take its next step now. */
    public void wake() {
        lock.lock();
        try {
            wakeRequested = true;
            woken.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** Waits for a wake-up or {@code interval}; returns early when {@code stop} holds. */
    public void awaitWake(Duration interval, BooleanSupplier stop) throws InterruptedException {
        long nanos = interval.toNanos();
        lock.lock();
        try {
            while (!wakeRequested && !stop.getAsBoolean() && nanos > 0) {
                nanos = woken.awaitNanos(nanos);
            }
            wakeRequested = false;
        } finally {
            lock.unlock();
        }
    }
}
