package dev.annals.bench.projection;

import dev.annals.store.EventStore;
import dev.annals.store.EventStoreException;
import dev.annals.store.jdbc.projection.JdbcReadModelStore;
import dev.annals.store.jdbc.projection.ReadModelTable;
import dev.annals.store.postgres.PostgresEventStore;
import dev.annals.store.postgres.PostgresProjections;
import dev.annals.store.sqlite.SqliteEventStore;
import dev.annals.store.sqlite.SqliteProjections;
import java.sql.SQLException;
import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * The store a projection benchmark runs on, with the read models that live beside its events (so that a
 * read model commits with its checkpoint): SQLite's file or PostgreSQL's schema.
 */
public sealed interface BenchedStore extends AutoCloseable {

    /** The store. */
    EventStore store();

    /** A new read model made of {@code tables} beside the store's events. */
    JdbcReadModelStore readModel(List<ReadModelTable> tables);

    /** The database's name, for the report. */
    String database();

    /** Brings the database's statistics up to date after a bulk fill, as its background maintenance would. */
    void settle();

    @Override
    void close();

    /** The embedded store. */
    static BenchedStore of(SqliteEventStore store) {
        return new Sqlite(requireNonNull(store, "store"));
    }

    /** A PostgreSQL store. */
    static BenchedStore of(PostgresEventStore store) {
        return new Postgres(requireNonNull(store, "store"));
    }

    /** The embedded store and read models in its file. */
    record Sqlite(SqliteEventStore store) implements BenchedStore {
        @Override
        public JdbcReadModelStore readModel(List<ReadModelTable> tables) {
            return SqliteProjections.readModel(store, tables);
        }

        @Override
        public String database() {
            return "SQLite";
        }

        @Override
        public void settle() {}

        @Override
        public void close() {
            store.close();
        }
    }

    /** A PostgreSQL store and read models in its schema. */
    record Postgres(PostgresEventStore store) implements BenchedStore {
        @Override
        public JdbcReadModelStore readModel(List<ReadModelTable> tables) {
            return PostgresProjections.readModel(store, tables);
        }

        @Override
        public String database() {
            return "PostgreSQL";
        }

        @Override
        public void settle() {
            // Autovacuum analyses a freshly filled table only a while later; until then the planner reads a
            // category's pages through every stream of it, sorted, for each page.
            try (var connection = PostgresProjections.connections(store).open();
                    var statement = connection.createStatement()) {
                statement.execute("ANALYZE");
            } catch (SQLException e) {
                throw new EventStoreException("could not analyse the benchmark's schema: " + e.getMessage(), e);
            }
        }

        @Override
        public void close() {
            store.close();
        }
    }
}
