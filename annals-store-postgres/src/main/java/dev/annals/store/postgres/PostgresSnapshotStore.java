package dev.annals.store.postgres;

import dev.annals.store.jdbc.projection.ConnectionFactory;
import dev.annals.store.jdbc.snapshot.JdbcSnapshotStore;
import dev.annals.store.postgres.internal.Migrations;
import dev.annals.store.postgres.internal.PostgresDialect;
import org.postgresql.ds.PGSimpleDataSource;

import static java.util.Objects.requireNonNull;

/**
 * Snapshots in a PostgreSQL store's schema (table {@code snapshots}, migration V6), kept by the shared
 * {@link JdbcSnapshotStore}, as the embedded store keeps them in its file; this class adds how to open it.
 *
 * <p>Deleting or truncating a stream drops its snapshots in the same transaction. Thread-safe; each call
 * borrows a connection and gives it back, so {@link #close()} has nothing to release (the store's pool is
 * the store's to close).
 */
public final class PostgresSnapshotStore extends JdbcSnapshotStore {

    private PostgresSnapshotStore(String schema, ConnectionFactory connections) {
        super(new PostgresDialect(schema), connections);
    }

    /** The snapshots in {@code store}'s schema, on its connections. */
    public static PostgresSnapshotStore of(PostgresEventStore store) {
        requireNonNull(store, "store");
        return new PostgresSnapshotStore(store.schema(), PostgresProjections.connections(store));
    }

    /**
     * The snapshots of the store at {@code address}, as the CLI uses them from another process: one plain
     * connection per call, no pool; the schema is brought up to date first.
     */
    public static PostgresSnapshotStore open(PostgresAddress address) {
        requireNonNull(address, "address");
        var dataSource = new PGSimpleDataSource();
        dataSource.setURL(address.jdbcUrl());
        Migrations.migrate(dataSource, address.schema());
        return new PostgresSnapshotStore(address.schema(), dataSource::getConnection);
    }
}
