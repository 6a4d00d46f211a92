package dev.annals.store.sqlite.snapshot;

import dev.annals.store.EventStoreException;
import dev.annals.store.jdbc.projection.ConnectionFactory;
import dev.annals.store.jdbc.snapshot.JdbcSnapshotStore;
import dev.annals.store.sqlite.SqliteProjections;
import dev.annals.store.sqlite.internal.SqliteDialect;
import java.nio.file.Path;

import static java.util.Objects.requireNonNull;

/**
 * Snapshots in the SQLite store's own file ({@code annals.db}, table {@code snapshots}, schema version 3),
 * kept by the shared {@link JdbcSnapshotStore}; this class adds how to open it.
 *
 * <p>Each call opens its own connection, as the projection connections do, and waits for SQLite's write
 * lock in Java; it does not take the store's directory lock, so the CLI can use it while an
 * application holds the store open. Deleting or truncating a stream drops its snapshots in the same
 * transaction. Thread-safe; {@link #close()} has nothing to release.
 */
public final class SqliteSnapshotStore extends JdbcSnapshotStore {

    private SqliteSnapshotStore(ConnectionFactory connections) {
        super(new SqliteDialect(), connections);
    }

    /**
     * The snapshots of the store in {@code dataDirectory}, after bringing its schema up to date.
     *
     * @throws EventStoreException when the directory holds no store
     */
    public static SqliteSnapshotStore open(Path dataDirectory) {
        return new SqliteSnapshotStore(SqliteProjections.connections(requireNonNull(dataDirectory, "dataDirectory")));
    }
}
