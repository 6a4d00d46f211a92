package dev.annals.store.sqlite.internal;

import java.sql.SQLException;

/**
 * The writer's catch-up of the stream index, spread over several group commits (docs/adr/0015).
 *
 * <p>Once the tail holds a batch of events, the writer fixes the catch-up's end at the head and indexes
 * the events up to it in {@link #steps} steps, one per group commit: each step the streams whose key falls
 * in its share (key modulo the number of steps), so it writes those streams' index pages and no others. The
 * last step also moves {@code indexed_through}. Indexing a whole batch in one commit had made that commit
 * write an index page for every stream in the batch, several times the pages of an ordinary group, and its
 * appends waited that much longer: it set the 99th percentile of 64 concurrent writers' appends.
 *
 * <p>Progress counts only once a commit holds it. After a failed transaction the catch-up starts over from
 * {@code indexed_through}; the steps that did commit are skipped row by row ({@link StreamIndex#CATCH_UP_STEP}).
 * Only the writer thread uses this.
 */
final class IndexCatchUp {

    /** Index entries per step for a full batch: the default batch of 1,024 is indexed in 32 steps. */
    private static final int ROWS_PER_STEP = 32;
    /**
     * At most this many steps. With 64 writers a catch-up of 32 steps spans about two batches of appends,
     * so each catch-up indexes about that many and writes each stream's leaf once for them: in a replay of
     * the write pattern, 32 steps wrote 7% fewer WAL frames per event than one commit per batch, 16 steps
     * 8% more, and the largest commit 50 frames against 59 (the ordinary one: about 32).
     */
    private static final int MAX_STEPS = 32;

    private final int batch;
    private final int steps;
    /** The last position the catch-up in progress indexes; 0 when none is in progress. */
    private long through;
    /** The next step of the catch-up in progress. */
    private int step;
    /** Whether the transaction being written runs a step, to count once its commit succeeds. */
    private boolean stepWritten;

    IndexCatchUp(int batch) {
        this.batch = batch;
        this.steps = Math.clamp(batch / ROWS_PER_STEP, 1, MAX_STEPS);
    }

    /**
     * Runs the next step inside the writer's open transaction, if a catch-up is in progress or the tail now
     * holds a batch; the transaction's own appends are already written, and {@code head} is the last of them.
     */
    void stepIn(WriterSession session, long indexedThrough, long head) throws SQLException {
        stepWritten = false;
        if (through == 0) {
            if (head - indexedThrough < batch) {
                return;
            }
            through = head;
            step = 0;
        }
        var insert = session.catchUpStep;
        insert.setLong(1, indexedThrough);
        insert.setLong(2, through);
        insert.setInt(3, steps);
        insert.setInt(4, step);
        insert.executeUpdate();
        if (step == steps - 1) {
            session.moveIndexedThrough.setLong(1, through);
            session.moveIndexedThrough.executeUpdate();
        }
        stepWritten = true;
    }

    /**
     * Counts the step of the transaction just committed.
     *
     * @return the new {@code indexed_through} when that step was the last, else 0
     */
    long committed() {
        if (!stepWritten) {
            return 0;
        }
        stepWritten = false;
        if (++step < steps) {
            return 0;
        }
        long indexed = through;
        through = 0;
        return indexed;
    }

    /** Forgets the catch-up in progress: the transaction failed, and what was committed is reloaded. */
    void abandon() {
        stepWritten = false;
        through = 0;
    }
}
