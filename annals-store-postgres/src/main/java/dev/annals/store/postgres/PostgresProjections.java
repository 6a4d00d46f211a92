package dev.annals.store.postgres;

import dev.annals.store.jdbc.projection.ConnectionFactory;
import dev.annals.store.jdbc.projection.JdbcProjectionStates;
import dev.annals.store.jdbc.projection.JdbcReadModelStore;
import dev.annals.store.jdbc.projection.ReadModelTable;
import dev.annals.store.postgres.internal.Migrations;
import org.postgresql.ds.PGSimpleDataSource;

import javax.sql.DataSource;
import java.sql.Connection;
import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * Projections on the PostgreSQL store: checkpoints, control requests, status and dead letters in the
 * store's schema (migration V2), and read models there too, so that a read model commits with its
 * checkpoint. Any process that reaches the database (the CLI, say) can pause, rebuild and retry.
 *
 * <p>The shared JDBC projection classes use unqualified table names, so these connections have their
 * {@code search_path} set to the store's schema; they are long-lived, so that costs one statement each.
 */
public final class PostgresProjections {

    /** How a read model's transaction starts. */
    public static final String BEGIN = "BEGIN";

    private PostgresProjections() {
    }

    /** Connections to {@code store}'s schema, taken from its pool. */
    public static ConnectionFactory connections(PostgresEventStore store) {
        return connections(requireNonNull(store, "store").dataSource(), store.schema());
    }

    /** A read model made of {@code tables} in {@code store}'s schema. Close it after its runner. */
    public static JdbcReadModelStore readModel(PostgresEventStore store, List<ReadModelTable> tables) {
        return new JdbcReadModelStore(connections(store), tables, BEGIN);
    }

    /** The projections' bookkeeping in {@code store}'s schema. Close it when done. */
    public static JdbcProjectionStates states(PostgresEventStore store) {
        return new JdbcProjectionStates(connections(store), BEGIN);
    }

    /**
     * The projections' bookkeeping of the store at {@code address}, as the CLI uses it from another process:
     * one plain connection, no pool; the schema is brought up to date first. Close it when done.
     */
    public static JdbcProjectionStates states(PostgresAddress address) {
        requireNonNull(address, "address");
        var dataSource = new PGSimpleDataSource();
        dataSource.setURL(address.jdbcUrl());
        Migrations.migrate(dataSource, address.schema());
        return new JdbcProjectionStates(connections(dataSource, address.schema()), BEGIN);
    }

    private static ConnectionFactory connections(DataSource dataSource, String schema) {
        return () -> {
            Connection connection = dataSource.getConnection();
            connection.setAutoCommit(true);
            connection.setSchema(schema);
            return connection;
        };
    }
}
