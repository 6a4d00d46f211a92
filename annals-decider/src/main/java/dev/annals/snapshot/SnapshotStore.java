package dev.annals.snapshot;

import java.util.List;
import java.util.Optional;

/**
 * Where snapshots are kept. A snapshot is a cache: losing one costs a longer fold, never a wrong state,
 * so stores may drop them at will. Implementations are thread-safe.
 *
 * <p>What every store promises, and {@code SnapshotStoreContract} in annals-testkit checks for each backend:
 * a snapshot reads back equal to what was saved (its state text unchanged, {@link Snapshot#takenAt()} to
 * the millisecond, which the record already keeps); a stream's snapshots are apart from every other
 * stream's, however alike the names; a save of a stream and version already kept replaces it; a state
 * version other than the one asked for is never returned by {@link #newest}. Not promised: that a snapshot
 * is kept at all (a store may drop them, as the SQL stores do when a stream is deleted or truncated).
 */
public interface SnapshotStore extends AutoCloseable {

    /** Saves {@code snapshot}, replacing one of the same stream and version. */
    void save(Snapshot snapshot);

    /** The snapshots of {@code stream}, newest (highest version) first; empty when it has none. */
    List<Snapshot> list(String stream);

    /** Deletes every snapshot of {@code stream}; returns how many there were (0 when it had none). */
    int drop(String stream);

    /**
     * Releases what this store holds of its own (a connection, a pool); by default nothing. A store opened
     * on another's connections (the event store's pool) leaves them open. Idempotent.
     */
    @Override
    default void close() {}

    /** The newest snapshot of {@code stream} saved with state version {@code stateVersion}, if any. */
    default Optional<Snapshot> newest(String stream, int stateVersion) {
        return list(stream).stream()
                .filter(snapshot -> snapshot.stateVersion() == stateVersion)
                .findFirst();
    }
}
