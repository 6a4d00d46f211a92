package dev.annals.projection;

import dev.annals.event.RecordedEvent;
import java.util.List;

/**
 * One unit of work of a projection's runner: handler effects and bookkeeping that commit together.
 *
 * <p>With a JDBC read model it is one database transaction: the read-model change, the checkpoint and
 * the dead letters commit or roll back as one, which makes redelivery harmless (exactly-once in effect).
 * Other stores apply each call as it comes and their handlers must be idempotent by event id.
 *
 * @param <C> the handlers' context type
 */
public interface ProjectionTransaction<C> {

    /** What handlers get for {@code event} when writing into read-model {@code version}. */
    C context(RecordedEvent event, int version);

    /**
     * Runs now the writes that handlers deferred in this unit of work (a JDBC read model's batched
     * statements), so that a failure among them shows here rather than at commit; a runner calls it after
     * the handlers of a batch, and after each event while it looks for the one that failed. Does nothing in
     * a store that defers nothing.
     *
     * @throws Exception what a deferred write threw; the unit of work must then be rolled back
     */
    default void flush() throws Exception {}

    /** The checkpoint stored under {@code key}; 0 when there is none. */
    long checkpoint(String key);

    /** Sets the checkpoint stored under {@code key} (a projection name, or a version's while it is built). */
    void saveCheckpoint(String key, long position);

    /** Removes the checkpoint stored under {@code key}. */
    void deleteCheckpoint(String key);

    /** Stores a new dead letter (its id is ignored) and returns its id. */
    long park(DeadLetter letter);

    /** Replaces the stored letter with the same id. */
    void updateDeadLetter(DeadLetter letter);

    /** Letters of {@code projection} an operator asked to retry. */
    List<DeadLetter> retryRequests(String projection);

    /**
     * Marks {@code letter} resolved if an operator's retry request still stands on it, and says whether it
     * did: the redelivery that claims a letter is the one that applies it ({@link Redelivery}). A JDBC store
     * runs it as one conditional update, which waits for another unit of work that claimed the same letter
     * and then finds it claimed. This default, a read then a write, suits a store that one worker writes.
     */
    default boolean claimRetry(DeadLetter letter) {
        boolean requested = retryRequests(letter.projection()).stream().anyMatch(asked -> asked.id() == letter.id());
        if (requested) {
            updateDeadLetter(letter.withStatus(DeadLetterStatus.RESOLVED));
        }
        return requested;
    }

    /** Creates read-model {@code version} of {@code projection} empty, dropping what it held. */
    void prepareVersion(String projection, int version);

    /** Creates read-model {@code version} when it does not exist yet, and shows it to queries. */
    void ensureVersion(String projection, int version);

    /**
     * Makes {@code version} the one queries see, records it as live, clears the rebuild request and
     * drops {@code oldVersion} when it differs.
     */
    void promote(String projection, int version, int oldVersion);
}
