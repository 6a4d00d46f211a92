package dev.annals.projection.internal;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.BooleanSupplier;

/**
 * The waits of a projection runner: callers awaiting progress (read-your-writes) and the control thread
 * awaiting its next step or a local request. No busy waiting: both are condition waits.
 */
public final class Signals {

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition progressed = lock.newCondition();
    private final Condition woken = lock.newCondition();
    private boolean wakeRequested;

    /** Tells waiters that the processed position may have grown. */
    public void progress() {
        lock.lock();
        try {
            progressed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /**
     * Waits until {@code done} holds or {@code timeout} passes; true when it holds. Re-checks at least
     * every 200 ms, so that progress made by another path (a reset, a skip) is seen too.
     */
    public boolean awaitProgress(BooleanSupplier done, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        lock.lock();
        try {
            while (!done.getAsBoolean()) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                progressed.awaitNanos(Math.min(left, TimeUnit.MILLISECONDS.toNanos(200)));
            }
            return true;
        } finally {
            lock.unlock();
        }
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
