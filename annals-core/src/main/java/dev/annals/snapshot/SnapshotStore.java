package dev.annals.snapshot;

import java.util.List;
import java.util.Optional;

/**
 * Where snapshots are kept. A snapshot is a cache: losing one costs a longer fold, never a wrong state,
 * so stores may drop them at will. Implementations are thread-safe.
 */
public interface SnapshotStore {

    /** Saves {@code snapshot}, replacing one of the same stream and version. */
    void save(Snapshot snapshot);

    /** The snapshots of {@code stream}, newest (highest version) first; empty when it has none. */
    List<Snapshot> list(String stream);

    /** Deletes every snapshot of {@code stream}; returns how many there were. */
    int drop(String stream);

    /** The newest snapshot of {@code stream} saved with state version {@code stateVersion}, if any. */
    default Optional<Snapshot> newest(String stream, int stateVersion) {
        return list(stream).stream().filter(snapshot -> snapshot.stateVersion() == stateVersion).findFirst();
    }
}
