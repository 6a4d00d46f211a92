package dev.annals.cli.migrate;

import dev.annals.cli.RejectedRequestException;
import dev.annals.store.EventStore;
import dev.annals.store.jdbc.transfer.EventImport;
import dev.annals.store.jdbc.transfer.TransferSnapshot;
import dev.annals.store.postgres.PostgresAddress;
import dev.annals.store.postgres.PostgresEventStore;
import dev.annals.store.postgres.PostgresImport;
import dev.annals.store.sqlite.SqliteEventStore;
import dev.annals.store.sqlite.transfer.SqliteImport;
import org.postgresql.ds.PGSimpleDataSource;

import java.nio.file.Files;
import java.nio.file.Path;

import static java.util.Objects.requireNonNull;

/**
 * One end of a migration, as {@code --from} and {@code --to} name it: a data directory holding the embedded
 * SQLite store, or a PostgreSQL address ({@code postgresql://host:port/db?schema=x}), as the global
 * {@code --data} and {@code --store} options take them.
 */
sealed interface StoreLocation {

    /** Parses {@code text}: a PostgreSQL address when it has that scheme, otherwise a directory path. */
    static StoreLocation parse(String text) {
        requireNonNull(text, "text");
        if (text.matches("^(jdbc:)?(postgresql|postgres)://.*")) {
            try {
                return new Postgres(PostgresAddress.parse(text));
            } catch (IllegalArgumentException e) {
                throw new RejectedRequestException(e.getMessage());
            }
        }
        if (text.isBlank()) {
            throw new RejectedRequestException("a store location must be a data directory or a postgresql:// address");
        }
        return new Sqlite(Path.of(text));
    }

    /**
     * Opens the store to read from; it must exist.
     *
     * @throws RejectedRequestException when a data directory holds no store
     */
    EventStore openExisting();

    /** Opens the store, creating it when absent, to read from. */
    EventStore open();

    /** Opens the bulk write path into the store, creating it when absent. No {@link #open} store may be open. */
    EventImport openImport();

    /** The store's head position, stream marks and subject keys, read at once; the store must exist. */
    TransferSnapshot snapshot();

    /** The embedded store in a data directory. */
    record Sqlite(Path directory) implements StoreLocation {

        @Override
        public EventStore openExisting() {
            if (!Files.exists(directory.resolve(SqliteEventStore.FILE_NAME))) {
                throw new RejectedRequestException("no store in data directory '" + directory + "'");
            }
            return open();
        }

        @Override
        public EventStore open() {
            return SqliteEventStore.open(directory);
        }

        @Override
        public EventImport openImport() {
            return SqliteImport.batches(directory);
        }

        @Override
        public TransferSnapshot snapshot() {
            return SqliteImport.snapshot(directory);
        }

        @Override
        public String toString() {
            return "the SQLite store in " + directory;
        }
    }

    /** A PostgreSQL store. */
    record Postgres(PostgresAddress address) implements StoreLocation {

        @Override
        public EventStore openExisting() {
            return open();
        }

        /**
         * Without a pool or a listening connection: a migration reads page after page on one thread, and a
         * pool of the usual size at each end would hold dozens of the server's connections for nothing.
         */
        @Override
        public EventStore open() {
            var dataSource = new PGSimpleDataSource();
            dataSource.setURL(address.jdbcUrl());
            return PostgresEventStore.open(dataSource, address.options().withListen(false));
        }

        @Override
        public EventImport openImport() {
            return PostgresImport.batches(address);
        }

        @Override
        public TransferSnapshot snapshot() {
            return PostgresImport.snapshot(address);
        }

        @Override
        public String toString() {
            return "the PostgreSQL store at " + address;
        }
    }
}
