package dev.annals.store.postgres;

import dev.annals.store.jdbc.transfer.ErasureStateRows;
import dev.annals.store.jdbc.transfer.EventImport;
import dev.annals.store.jdbc.transfer.TransferSnapshot;
import dev.annals.store.postgres.internal.Migrations;
import dev.annals.store.postgres.internal.PostgresDialect;
import java.sql.Connection;
import java.sql.SQLException;
import org.postgresql.ds.PGSimpleDataSource;

import static java.util.Objects.requireNonNull;

/**
 * Writes recorded events, as they were recorded elsewhere, into a PostgreSQL store: the write path of
 * {@code annals migrate}, outside the {@code EventStore} contract (it keeps the events' positions, ids and
 * timestamps instead of assigning new ones), with the stream marks and subject keys beside them.
 *
 * <p>Each batch is one transaction holding the schema's append lock, so appends from running processes
 * wait for it rather than interleave; appends made afterwards continue after the highest position.
 */
public final class PostgresImport {

    private PostgresImport() {}

    /**
     * Batches of events into the store at {@code address} on one plain connection, continuing after what
     * the store holds; the schema is created or brought up to date first. Close it when done.
     *
     * @throws dev.annals.store.EventStoreException when the database cannot be reached
     */
    public static EventImport batches(PostgresAddress address) {
        requireNonNull(address, "address");
        var dataSource = dataSource(address);
        Migrations.migrate(dataSource, address.schema());
        return new EventImport(
                () -> plain(dataSource), new PostgresDialect(address.schema()), "the PostgreSQL store at " + address);
    }

    /**
     * The head position, stream marks and subject keys of the store at {@code address}, read in one
     * repeatable-read transaction on a plain connection: what an export or a migration carries beside the
     * events. The schema must exist (open the store first).
     *
     * @throws dev.annals.store.EventStoreException when the database cannot be reached or read
     */
    public static TransferSnapshot snapshot(PostgresAddress address) {
        requireNonNull(address, "address");
        var dataSource = dataSource(address);
        return ErasureStateRows.snapshot(
                () -> plain(dataSource), new PostgresDialect(address.schema()), "the PostgreSQL store at " + address);
    }

    private static PGSimpleDataSource dataSource(PostgresAddress address) {
        var dataSource = new PGSimpleDataSource();
        dataSource.setURL(address.jdbcUrl());
        return dataSource;
    }

    private static Connection plain(PGSimpleDataSource dataSource) throws SQLException {
        var connection = dataSource.getConnection();
        connection.setAutoCommit(true);
        return connection;
    }
}
