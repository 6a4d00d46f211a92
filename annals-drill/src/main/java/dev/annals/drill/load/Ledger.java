package dev.annals.drill.load;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/** Every append acknowledged during a drill, in the order the acknowledgements arrived. Thread-safe. */
public final class Ledger implements Consumer<Ack> {

    private final List<Ack> acks = new ArrayList<>();

    @Override
    public synchronized void accept(Ack ack) {
        acks.add(ack);
        notifyAll();
    }

    /** How many appends were acknowledged. */
    public synchronized int size() {
        return acks.size();
    }

    /** The acknowledgements from index {@code from} on. */
    public synchronized List<Ack> since(int from) {
        return List.copyOf(acks.subList(Math.min(from, acks.size()), acks.size()));
    }

    /**
     * Waits until more than {@code count} appends are acknowledged.
     *
     * @return false when {@code timeout} passed first
     */
    public synchronized boolean awaitMoreThan(int count, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (acks.size() <= count) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            wait(Math.max(1, left / 1_000_000));
        }
        return true;
    }
}
