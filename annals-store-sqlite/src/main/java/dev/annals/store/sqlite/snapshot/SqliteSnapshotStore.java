package dev.annals.store.sqlite.snapshot;

import dev.annals.snapshot.Snapshot;
import dev.annals.snapshot.SnapshotStore;
import dev.annals.store.EventStoreException;
import dev.annals.store.jdbc.projection.ConnectionFactory;
import dev.annals.store.jdbc.projection.internal.LockWaits;
import dev.annals.store.sqlite.SqliteProjections;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * Snapshots in the SQLite store's own file ({@code annals.db}, table {@code snapshots}, schema version 3).
 *
 * <p>Each call opens its own connection, as the projection connections do, and waits for SQLite's write
 * lock in Java; it does not take the store's directory lock, so the CLI can use it while an
 * application holds the store open. Thread-safe.
 */
public final class SqliteSnapshotStore implements SnapshotStore {

    private static final Logger LOG = LoggerFactory.getLogger(SqliteSnapshotStore.class);

    private final ConnectionFactory connections;

    private SqliteSnapshotStore(ConnectionFactory connections) {
        this.connections = connections;
    }

    /**
     * The snapshots of the store in {@code dataDirectory}, after bringing its schema up to date.
     *
     * @throws EventStoreException when the directory holds no store
     */
    public static SqliteSnapshotStore open(Path dataDirectory) {
        return new SqliteSnapshotStore(SqliteProjections.connections(requireNonNull(dataDirectory, "dataDirectory")));
    }

    @Override
    public void save(Snapshot snapshot) {
        requireNonNull(snapshot, "snapshot");
        run("save the snapshot of " + snapshot.stream() + " at version " + snapshot.version(), () -> {
            try (var connection = connections.open();
                 var insert = connection.prepareStatement("INSERT OR REPLACE INTO snapshots"
                         + " (stream, version, position, state_version, state, taken_at) VALUES (?, ?, ?, ?, ?, ?)")) {
                insert.setString(1, snapshot.stream());
                insert.setLong(2, snapshot.version());
                insert.setLong(3, snapshot.position());
                insert.setInt(4, snapshot.stateVersion());
                insert.setString(5, snapshot.state());
                insert.setLong(6, snapshot.takenAt().toEpochMilli());
                insert.executeUpdate();
            }
            LOG.debug("stream {}: saved snapshot at version {}, position {}", snapshot.stream(), snapshot.version(),
                    snapshot.position());
            return null;
        });
    }

    @Override
    public List<Snapshot> list(String stream) {
        requireNonNull(stream, "stream");
        return run("list the snapshots of " + stream, () -> {
            try (var connection = connections.open();
                 var select = connection.prepareStatement("SELECT version, position, state_version, state, taken_at"
                         + " FROM snapshots WHERE stream = ? ORDER BY version DESC")) {
                select.setString(1, stream);
                var snapshots = new ArrayList<Snapshot>();
                try (var rows = select.executeQuery()) {
                    while (rows.next()) {
                        snapshots.add(new Snapshot(stream, rows.getLong(1), rows.getLong(2), rows.getInt(3),
                                rows.getString(4), Instant.ofEpochMilli(rows.getLong(5))));
                    }
                }
                return List.copyOf(snapshots);
            }
        });
    }

    @Override
    public int drop(String stream) {
        requireNonNull(stream, "stream");
        return run("drop the snapshots of " + stream, () -> {
            try (var connection = connections.open();
                 var delete = connection.prepareStatement("DELETE FROM snapshots WHERE stream = ?")) {
                delete.setString(1, stream);
                int dropped = delete.executeUpdate();
                LOG.debug("stream {}: dropped {} snapshot(s)", stream, dropped);
                return dropped;
            }
        });
    }

    private static <T> T run(String what, LockWaits.SqlCall<T> call) {
        try {
            return LockWaits.retryWhileBusy(call);
        } catch (SQLException e) {
            throw new EventStoreException("could not " + what + ": " + e.getMessage(), e);
        }
    }
}
