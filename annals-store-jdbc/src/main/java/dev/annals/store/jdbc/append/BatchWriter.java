package dev.annals.store.jdbc.append;

import dev.annals.store.AppendResult;
import java.util.List;
import java.util.Optional;

/**
 * What a backend gives {@link GroupCommit}: writing one batch of appends in one transaction, and looking an
 * append's events up by id when a commit's outcome could not be learnt.
 */
public interface BatchWriter {

    /**
     * Writes {@code batch} in one transaction and, once it has committed, completes each append with its
     * own outcome (acknowledged, or refused for what it asked).
     *
     * @throws BatchFailure when the transaction failed as a whole; then no append of the batch is completed,
     *                      the transaction is rolled back (or its outcome is unknown, as the failure says) and
     *                      the writer is ready for the next batch
     */
    void write(List<PendingAppend> batch) throws BatchFailure;

    /**
     * Looks up the events of {@code append} by id, after a commit whose outcome is unknown.
     *
     * @return the result of the stored append, or empty when none of its events is stored
     * @throws BatchFailure      when the database cannot answer
     * @throws RuntimeException  (an {@link dev.annals.store.EventIdConflictException}) when some of its ids are
     *                           stored, but not as this append
     */
    Optional<AppendResult> lookUp(PendingAppend append) throws BatchFailure;

    /**
     * Checks, without writing an append, whether the storage can be written now: asked by readiness probes
     * while the last write failed for a storage fault. Does nothing unless the backend can tell.
     *
     * @throws BatchFailure when it cannot
     */
    default void probe() throws BatchFailure {}

    /**
     * True when {@link #write} blocks inside native code (an embedded database's commit and fsync through JNI):
     * a virtual thread that called it would hold its carrier, one of a few platform threads, for the whole
     * commit. {@link GroupCommit} then never lets a virtual caller write its own append, but hands it to the
     * writer thread and parks. False by default (a driver that talks to its database over a socket).
     */
    default boolean blocksInNativeCode() {
        return false;
    }
}
