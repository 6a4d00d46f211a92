package dev.annals.subscription.internal;

import dev.annals.store.HeadListener;
import java.time.Duration;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Lets a reader sleep until the store's head moves or a poll interval passes, without missing a
 * notification that arrives between its last read and its wait: the reader notes the generation before
 * reading and waits only while it is unchanged.
 */
public final class HeadWaiter implements HeadListener {

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private long generation;

    @Override
    public void headChanged(long headPosition) {
        wake();
    }

    /** Wakes the waiting reader, for a head change or a stop. */
    public void wake() {
        lock.lock();
        try {
            generation++;
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** The current generation, to pass to {@link #awaitChange} after reading. */
    public long generation() {
        lock.lock();
        try {
            return generation;
        } finally {
            lock.unlock();
        }
    }

    /** Waits until the generation differs from {@code seen} or {@code timeout} passes. */
    public void awaitChange(long seen, Duration timeout) throws InterruptedException {
        long nanos = timeout.toNanos();
        lock.lock();
        try {
            while (generation == seen && nanos > 0) {
                nanos = changed.awaitNanos(nanos);
            }
        } finally {
            lock.unlock();
        }
    }
}
