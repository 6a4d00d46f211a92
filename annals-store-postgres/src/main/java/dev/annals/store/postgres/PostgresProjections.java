package dev.annals.store.postgres;

import com.zaxxer.hikari.HikariDataSource;
import dev.annals.projection.Projection;
import dev.annals.projection.segment.SegmentOptions;
import dev.annals.projection.segment.SegmentedProjectionWorker;
import dev.annals.projection.segment.SegmentedReadModels;
import dev.annals.store.jdbc.projection.ConnectionFactory;
import dev.annals.store.jdbc.projection.JdbcProjectionStates;
import dev.annals.store.jdbc.projection.JdbcReadModelStore;
import dev.annals.store.jdbc.projection.JdbcReadModels;
import dev.annals.store.jdbc.projection.ReadModelTable;
import dev.annals.store.jdbc.projection.SqlContext;
import dev.annals.store.postgres.internal.LeaseFence;
import dev.annals.store.postgres.internal.Migrations;
import dev.annals.store.postgres.internal.PostgresDialect;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import javax.sql.DataSource;
import org.postgresql.ds.PGSimpleDataSource;

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

    private static final String REWRITE = "reWriteBatchedInserts";

    private PostgresProjections() {}

    /** Connections to {@code store}'s schema, taken from its pool. */
    public static ConnectionFactory connections(PostgresEventStore store) {
        return connections(requireNonNull(store, "store").dataSource(), store.schema());
    }

    /** The database of read models beside {@code store}: its schema, through its pool. */
    public static JdbcReadModels readModels(PostgresEventStore store) {
        return new JdbcReadModels(connections(store), dialect(store), writeConnections(store));
    }

    /** A read model made of {@code tables} in {@code store}'s schema. Close it after its runner. */
    public static JdbcReadModelStore readModel(PostgresEventStore store, List<ReadModelTable> tables) {
        return new JdbcReadModelStore(writeConnections(store), tables, dialect(store));
    }

    /**
     * Read models made of {@code tables} in {@code store}'s schema for the segments of a segmented projection:
     * each transaction first checks, under a lock on the lease row, that the segment's lease is still held
     * with its epoch, and commits nothing otherwise (ADR 0009).
     */
    public static SegmentedReadModels<SqlContext> segmentReadModels(
            PostgresEventStore store, List<ReadModelTable> tables) {
        requireNonNull(store, "store");
        requireNonNull(tables, "tables");
        // Segments keep to the store's pool: a worker holds a read model per segment, and the connections a
        // process holds are counted (the drills' budget). Batched upserts that touch one row twice in a batch
        // therefore fall back to event by event here (ADR 0040).
        return lease -> new JdbcReadModelStore(
                connections(store), tables, dialect(store), new LeaseFence(store.schema(), lease));
    }

    /**
     * Starts this process's worker of {@code projection} split into segments as {@code options} says, with
     * read models made of {@code tables} and leases in {@code store}'s schema. Start one in every process
     * that should share the work; close it before the store.
     */
    public static SegmentedProjectionWorker<SqlContext> startWorker(
            PostgresEventStore store,
            Projection<SqlContext> projection,
            List<ReadModelTable> tables,
            SegmentOptions options) {
        return SegmentedProjectionWorker.start(
                projection,
                store,
                PostgresSegmentLeases.of(store, options.leaseTtl()),
                segmentReadModels(store, tables),
                options);
    }

    /** The segment leases of the store at {@code address}, for operators (the CLI); the ttl is not used. */
    public static PostgresSegmentLeases leases(PostgresAddress address) {
        requireNonNull(address, "address");
        var dataSource = new PGSimpleDataSource();
        dataSource.setURL(address.jdbcUrl());
        Migrations.migrate(dataSource, address.schema());
        return new PostgresSegmentLeases(dataSource, address.schema(), Duration.ofSeconds(1));
    }

    /** The projections' bookkeeping in {@code store}'s schema. Close it when done. */
    public static JdbcProjectionStates states(PostgresEventStore store) {
        return new JdbcProjectionStates(connections(store), dialect(store));
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
        return new JdbcProjectionStates(
                connections(dataSource, address.schema()), new PostgresDialect(address.schema()));
    }

    private static PostgresDialect dialect(PostgresEventStore store) {
        return new PostgresDialect(store.schema());
    }

    /**
     * Connections for a runner's read-model writes. The store's own pool has the driver rewrite a batch of
     * inserts into one multi-row INSERT (fewer round trips per append); a handler's batched upserts
     * ({@code SqlContext.batch}) that touch one row twice would then fail as a whole ("ON CONFLICT DO UPDATE
     * command cannot affect row a second time"), so the runner's connection, long-lived, is opened beside the
     * pool without that rewrite. Its batches still go in one round trip.
     */
    private static ConnectionFactory writeConnections(PostgresEventStore store) {
        if (!(store.dataSource() instanceof HikariDataSource pool)
                || !"true".equals(pool.getDataSourceProperties().getProperty(REWRITE))) {
            return connections(store);
        }
        var properties = new Properties();
        properties.putAll(pool.getDataSourceProperties());
        properties.setProperty(REWRITE, "false");
        if (pool.getUsername() != null) {
            properties.setProperty("user", pool.getUsername());
        }
        if (pool.getPassword() != null) {
            properties.setProperty("password", pool.getPassword());
        }
        String url = pool.getJdbcUrl();
        return () -> {
            Connection connection = DriverManager.getConnection(url, properties);
            connection.setAutoCommit(true);
            connection.setSchema(store.schema());
            return connection;
        };
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
