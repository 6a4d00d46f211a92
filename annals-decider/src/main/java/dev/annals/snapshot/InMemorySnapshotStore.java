package dev.annals.snapshot;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;

import static java.util.Objects.requireNonNull;

/** Snapshots in memory, for tests and for the in-memory store; gone when the process ends. */
public final class InMemorySnapshotStore implements SnapshotStore {

    private final Map<String, ConcurrentSkipListMap<Long, Snapshot>> byStream = new ConcurrentHashMap<>();

    @Override
    public void save(Snapshot snapshot) {
        requireNonNull(snapshot, "snapshot");
        byStream.computeIfAbsent(snapshot.stream(), stream -> new ConcurrentSkipListMap<>())
                .put(snapshot.version(), snapshot);
    }

    @Override
    public List<Snapshot> list(String stream) {
        var snapshots = byStream.get(requireNonNull(stream, "stream"));
        if (snapshots == null) {
            return List.of();
        }
        return snapshots.values().stream()
                .sorted(Comparator.comparingLong(Snapshot::version).reversed())
                .toList();
    }

    @Override
    public int drop(String stream) {
        var removed = byStream.remove(requireNonNull(stream, "stream"));
        return removed == null ? 0 : removed.size();
    }
}
