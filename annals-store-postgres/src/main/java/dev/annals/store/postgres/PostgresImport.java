package dev.annals.store.postgres;

import dev.annals.store.jdbc.transfer.EventImport;
import dev.annals.store.postgres.internal.Migrations;
import dev.annals.store.postgres.internal.PostgresDialect;
import org.postgresql.ds.PGSimpleDataSource;

import static java.util.Objects.requireNonNull;

/**
 * Writes recorded events, as they were recorded elsewhere, into a PostgreSQL store: the write path of
 * {@code annals migrate}, outside the {@code EventStore} contract (it keeps the events' positions, ids and
 * timestamps instead of assigning new ones).
 *
 * <p>Each batch is one transaction holding the schema's append lock, so appends from running processes
 * wait for it rather than interleave; appends made afterwards continue after the highest position.
 */
public final class PostgresImport {

    private PostgresImport() {
    }

    /**
     * Batches of events into the store at {@code address} on one plain connection, continuing after what
     * the store holds; the schema is created or brought up to date first. Close it when done.
     *
     * @throws dev.annals.store.EventStoreException when the database cannot be reached
     */
    public static EventImport batches(PostgresAddress address) {
        requireNonNull(address, "address");
        var dataSource = new PGSimpleDataSource();
        dataSource.setURL(address.jdbcUrl());
        Migrations.migrate(dataSource, address.schema());
        return new EventImport(() -> {
            var connection = dataSource.getConnection();
            connection.setAutoCommit(true);
            return connection;
        }, new PostgresDialect(address.schema()), "the PostgreSQL store at " + address);
    }
}
