package dev.annals.server.internal.live;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * The turns a wave of clients owes the {@link Fanout}: each client takes its turn (writes what it found,
 * or finds nothing) and says so once; the fan-out waits until all have, or for a time limit.
 */
final class Turns {

    private final AtomicInteger left;
    private final Thread waiter;

    Turns(int clients, Thread waiter) {
        this.left = new AtomicInteger(clients);
        this.waiter = waiter;
    }

    /** One client has taken its turn. */
    void taken() {
        if (left.decrementAndGet() == 0) {
            LockSupport.unpark(waiter);
        }
    }

    /** Waits until every client has taken its turn, or for {@code limit}. */
    void await(Duration limit) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        for (long wait = limit.toNanos(); left.get() > 0 && wait > 0; wait = deadline - System.nanoTime()) {
            LockSupport.parkNanos(this, wait);
            if (Thread.interrupted()) {
                throw new InterruptedException();
            }
        }
    }
}
