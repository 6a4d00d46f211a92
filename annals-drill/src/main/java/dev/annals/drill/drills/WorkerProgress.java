package dev.annals.drill.drills;

import dev.annals.drill.load.Ack;
import dev.annals.drill.load.Ledger;
import java.time.Duration;
import java.util.function.Consumer;

/**
 * What the kill-projection drill's worker processes printed: acks go to the ledger; the projection's
 * checkpoint and the position at which the current worker stopped mid-batch are kept here, for the drill
 * to wait on. One instance across the workers it restarts, so a waiting drill sees the new one.
 */
final class WorkerProgress implements Consumer<String> {

    private final Ledger ledger;
    private long applied = -1;
    private long midBatch = -1;

    WorkerProgress(Ledger ledger) {
        this.ledger = ledger;
    }

    @Override
    public void accept(String line) {
        if (line.startsWith("APPLIED ")) {
            moved(Long.parseLong(line.substring("APPLIED ".length())), -1);
        } else if (line.startsWith("MID-BATCH ")) {
            moved(applied, Long.parseLong(line.substring("MID-BATCH ".length())));
        } else {
            var ack = Ack.parse(line);
            if (ack != null) {
                ledger.accept(ack);
            }
        }
    }

    private synchronized void moved(long checkpoint, long stoppedAt) {
        applied = Math.max(applied, checkpoint);
        if (stoppedAt >= 0) {
            midBatch = stoppedAt;
        }
        notifyAll();
    }

    /** The checkpoint the workers last printed; -1 before any. */
    synchronized long applied() {
        return applied;
    }

    /** Forgets the last mid-batch stop: the worker it was is gone. */
    synchronized void killed() {
        midBatch = -1;
    }

    /** The position at which the current worker stopped mid-batch; -1 when it did not within {@code limit}. */
    synchronized long awaitMidBatch(Duration limit) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (midBatch < 0 && System.nanoTime() < deadline) {
            wait(Math.max(1, (deadline - System.nanoTime()) / 1_000_000));
        }
        return midBatch;
    }

    /** True once a worker's checkpoint reached {@code position}; false when it did not within {@code limit}. */
    synchronized boolean awaitCheckpoint(long position, Duration limit) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (applied < position && System.nanoTime() < deadline) {
            wait(Math.max(1, (deadline - System.nanoTime()) / 1_000_000));
        }
        return applied >= position;
    }
}
