package dev.annals.bench.cli;

import dev.annals.store.EventStoreException;
import dev.annals.store.postgres.PostgresAddress;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.UUID;

/**
 * A PostgreSQL schema of its own for a benchmark, beside the one {@code --store} names and dropped when
 * closed: a benchmark's thousands of warm-up and measured events must not land in the user's store.
 */
final class ScratchSchema implements AutoCloseable {

    private final PostgresAddress address;

    private ScratchSchema(PostgresAddress address) {
        this.address = address;
    }

    /** A new schema name in the database of {@code store}; the store creates the schema when it opens. */
    static ScratchSchema beside(PostgresAddress store) {
        String name =
                "annals_bench_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        return new ScratchSchema(new PostgresAddress(store.jdbcUrl(), name));
    }

    /** Where the benchmark's store goes. */
    PostgresAddress address() {
        return address;
    }

    /** Drops the schema and everything in it. */
    @Override
    public void close() {
        try (var connection = DriverManager.getConnection(address.jdbcUrl());
                var statement = connection.createStatement()) {
            statement.execute("DROP SCHEMA IF EXISTS " + address.schema() + " CASCADE");
        } catch (SQLException e) {
            throw new EventStoreException(
                    "could not drop the benchmark's schema " + address.schema() + " (drop it by hand): "
                            + e.getMessage(),
                    e);
        }
    }
}
