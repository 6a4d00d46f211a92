package dev.annals.store.postgres;

import dev.annals.projection.segment.SegmentCountMismatchException;
import dev.annals.projection.segment.SegmentLease;
import dev.annals.projection.segment.SegmentLeases;
import dev.annals.store.EventStoreException;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

import static dev.annals.store.postgres.internal.LeaseRows.COLUMNS;
import static dev.annals.store.postgres.internal.LeaseRows.lease;
import static dev.annals.store.postgres.internal.LeaseRows.query;
import static dev.annals.store.postgres.internal.LeaseRows.update;
import static java.util.Objects.requireNonNull;

/**
 * Segment leases in the store's schema (tables {@code projection_leases} and {@code projection_workers},
 * migration V3). Every expiry is computed and compared by the database's clock. Each call is one short
 * autocommit statement (two for {@link #join}) on a connection of the given pool. Thread-safe.
 *
 * <p>A claim updates the lease row, so it waits for any read-model transaction that holds the row
 * locked by its fence ({@link PostgresProjections#segmentReadModels}): see ADR 0009.
 */
public final class PostgresSegmentLeases implements SegmentLeases {

    private final DataSource dataSource;
    private final String leases;
    private final String workers;
    private final long ttlMillis;

    /** Leases of {@code ttl} in {@code schema}, through {@code dataSource}. */
    public PostgresSegmentLeases(DataSource dataSource, String schema, Duration ttl) {
        this.dataSource = requireNonNull(dataSource, "dataSource");
        this.leases = requireNonNull(schema, "schema") + ".projection_leases";
        this.workers = schema + ".projection_workers";
        if (ttl.isNegative() || ttl.isZero()) {
            throw new IllegalArgumentException("lease ttl must be positive, was " + ttl);
        }
        this.ttlMillis = ttl.toMillis();
    }

    /** Leases of {@code ttl} in {@code store}'s schema, on its pool. */
    public static PostgresSegmentLeases of(PostgresEventStore store, Duration ttl) {
        return new PostgresSegmentLeases(store.dataSource(), store.schema(), ttl);
    }

    @Override
    public void join(String projection, int segments, String worker) {
        run("joining projection " + projection, connection -> {
            try (var existing =
                    connection.prepareStatement("SELECT DISTINCT segments FROM " + leases + " WHERE projection = ?")) {
                existing.setString(1, projection);
                try (var rows = existing.executeQuery()) {
                    while (rows.next()) {
                        if (rows.getInt(1) != segments) {
                            throw new SegmentCountMismatchException(projection, rows.getInt(1), segments);
                        }
                    }
                }
            }
            update(
                    connection,
                    "INSERT INTO " + leases + " (projection, segment, segments) SELECT ?, s, ?"
                            + " FROM generate_series(0, ? - 1) AS s ON CONFLICT DO NOTHING",
                    projection,
                    segments,
                    segments);
            registerWorker(connection, projection, worker);
            return null;
        });
    }

    @Override
    public List<SegmentLease> renew(String projection, String worker) {
        return run("renewing the leases of worker " + worker, connection -> {
            registerWorker(connection, projection, worker);
            update(
                    connection,
                    "DELETE FROM " + workers + " WHERE projection = ? AND expires_at < clock_timestamp()",
                    projection);
            return query(
                    connection,
                    "UPDATE " + leases + " SET expires_at = clock_timestamp() + ? * interval"
                            + " '1 millisecond' WHERE projection = ? AND owner = ? RETURNING " + COLUMNS,
                    projection,
                    ttlMillis,
                    projection,
                    worker);
        });
    }

    @Override
    public int liveWorkers(String projection) {
        return run("counting the workers of " + projection, connection -> {
            try (var statement = connection.prepareStatement(
                    "SELECT count(*) FROM " + workers + " WHERE projection = ? AND expires_at > clock_timestamp()")) {
                statement.setString(1, projection);
                try (var row = statement.executeQuery()) {
                    row.next();
                    return row.getInt(1);
                }
            }
        });
    }

    @Override
    public List<SegmentLease> leases(String projection) {
        return run(
                "reading the leases of " + projection,
                connection -> query(
                        connection,
                        "SELECT " + COLUMNS + " FROM " + leases + " WHERE projection = ? ORDER BY segment",
                        projection,
                        projection));
    }

    @Override
    public List<SegmentLease> all() {
        return run("reading the leases", connection -> {
            var all = new ArrayList<SegmentLease>();
            try (var statement = connection.prepareStatement(
                            "SELECT projection, " + COLUMNS + " FROM " + leases + " ORDER BY projection, segment");
                    var rows = statement.executeQuery()) {
                while (rows.next()) {
                    all.add(lease(rows.getString(1), rows, 2));
                }
            }
            return all;
        });
    }

    @Override
    public Optional<SegmentLease> claim(String projection, int segment, String worker) {
        return run("claiming segment " + segment + " of " + projection, connection -> query(
                        connection,
                        "UPDATE " + leases + " SET owner = ?, epoch = epoch + 1, expires_at = clock_timestamp() + ?"
                                + " * interval '1 millisecond' WHERE projection = ? AND segment = ?"
                                + " AND (owner IS NULL OR expires_at <= clock_timestamp()) RETURNING " + COLUMNS,
                        projection,
                        worker,
                        ttlMillis,
                        projection,
                        segment)
                .stream()
                .findFirst());
    }

    @Override
    public void release(SegmentLease lease) {
        run(
                "releasing segment " + lease.segment() + " of " + lease.projection(),
                connection -> update(
                        connection,
                        "UPDATE " + leases + " SET owner = NULL, expires_at = '-infinity' WHERE projection = ?"
                                + " AND segment = ? AND owner = ? AND epoch = ?",
                        lease.projection(),
                        lease.segment(),
                        lease.owner(),
                        lease.epoch()));
    }

    @Override
    public void leave(String projection, String worker) {
        run("removing worker " + worker, connection -> {
            update(
                    connection,
                    "UPDATE " + leases + " SET owner = NULL, expires_at = '-infinity'"
                            + " WHERE projection = ? AND owner = ?",
                    projection,
                    worker);
            return update(
                    connection, "DELETE FROM " + workers + " WHERE projection = ? AND worker = ?", projection, worker);
        });
    }

    private void registerWorker(Connection connection, String projection, String worker) throws SQLException {
        update(
                connection,
                "INSERT INTO " + workers + " (projection, worker, expires_at) VALUES (?, ?,"
                        + " clock_timestamp() + ? * interval '1 millisecond') ON CONFLICT (projection, worker)"
                        + " DO UPDATE SET expires_at = excluded.expires_at",
                projection,
                worker,
                ttlMillis);
    }

    private <T> T run(String doing, SqlWork<T> work) {
        try (var connection = dataSource.getConnection()) {
            connection.setAutoCommit(true);
            return work.run(connection);
        } catch (SQLException e) {
            throw new EventStoreException(
                    doing + " failed: " + e.getMessage() + " (SQL state " + e.getSQLState() + ")", e);
        }
    }

    @FunctionalInterface
    private interface SqlWork<T> {
        T run(Connection connection) throws SQLException;
    }
}
