package dev.annals.store.sqlite.transfer;

import dev.annals.event.RecordedEvent;
import dev.annals.store.EventStoreException;
import dev.annals.store.jdbc.projection.ConnectionFactory;
import dev.annals.store.jdbc.projection.internal.LockWaits;
import dev.annals.store.jdbc.transfer.ErasureState;
import dev.annals.store.jdbc.transfer.ErasureStateRows;
import dev.annals.store.jdbc.transfer.EventImport;
import dev.annals.store.jdbc.transfer.ImportRejectedException;
import dev.annals.store.jdbc.transfer.RecordedEventWriter;
import dev.annals.store.jdbc.transfer.TransferSnapshot;
import dev.annals.store.sqlite.SqliteEventStore;
import dev.annals.store.sqlite.SqliteProjections;
import dev.annals.store.sqlite.internal.SqliteDialect;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Iterator;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import static java.util.Objects.requireNonNull;

/**
 * Writes recorded events into a SQLite store exactly as they were recorded elsewhere: positions, stream
 * versions, event ids, types, schema versions, payload bytes, metadata and timestamps preserved; with them
 * the stream marks and subject keys of an {@link ErasureState}.
 *
 * <p>This is an internal capability of the SQLite store for {@code annals import} and {@code annals
 * migrate}, deliberately outside the {@code EventStore} contract: it bypasses the append checks and the
 * store's clock, which only a restore or a migration may do. No {@code SqliteEventStore} may have the store
 * open while it runs (the open store's writer caches the head); the CLI opens none.
 */
public final class SqliteImport {

    private static final Logger LOG = LoggerFactory.getLogger(SqliteImport.class);
    private static final SqliteDialect DIALECT = new SqliteDialect();

    private SqliteImport() {}

    /**
     * Imports {@code events}, in the order given, into the EMPTY store in {@code dataDirectory}, in one
     * transaction: the import lands whole or not at all.
     *
     * @return how many events were imported
     * @throws ImportRejectedException when the store is not empty, or positions do not increase, or a
     *                                 stream's versions do not run 0, 1, 2...; nothing is written
     */
    public static long into(Path dataDirectory, Iterator<RecordedEvent> events) {
        return into(dataDirectory, events, () -> ErasureState.NONE);
    }

    /**
     * As {@link #into(Path, Iterator)}, then, in the same transaction, gives the streams the marks and the
     * store the subject keys of the state {@code afterEvents} supplies once {@code events} is exhausted (a
     * file lists them after its events).
     *
     * @throws ImportRejectedException also when a mark names a stream the events do not hold, or truncates
     *                                 past its last version; nothing is written
     */
    public static long into(Path dataDirectory, Iterator<RecordedEvent> events, Supplier<ErasureState> afterEvents) {
        requireNonNull(dataDirectory, "dataDirectory");
        requireNonNull(events, "events");
        requireNonNull(afterEvents, "afterEvents");
        var connections = connections(dataDirectory);
        try (Connection connection = connections.open()) {
            LockWaits.retryWhileBusy(DIALECT, () -> {
                try (var begin = connection.createStatement()) {
                    for (String sql : DIALECT.beginBulkWrite()) {
                        begin.execute(sql);
                    }
                }
                return null;
            });
            try {
                long imported = write(connection, events);
                try (var commit = connection.createStatement()) {
                    for (String sql : DIALECT.endBulkWrite()) {
                        commit.execute(sql);
                    }
                    ErasureStateRows.write(connection, DIALECT, afterEvents.get());
                    commit.execute("COMMIT");
                }
                LOG.info("imported {} event(s) into {}", imported, dataDirectory);
                return imported;
            } catch (RuntimeException | SQLException e) {
                try (var rollback = connection.createStatement()) {
                    rollback.execute("ROLLBACK");
                }
                throw e;
            }
        } catch (SQLException e) {
            throw new EventStoreException("could not import into " + dataDirectory + ": " + e.getMessage(), e);
        }
    }

    /**
     * Batches of events into the store in {@code dataDirectory}, each batch one transaction, continuing after
     * what the store holds: the write path of {@code annals migrate}. Creates the store when absent. Close
     * it when done.
     */
    public static EventImport batches(Path dataDirectory) {
        requireNonNull(dataDirectory, "dataDirectory");
        // Creates the directory, the file and its schema when absent; closed again before anything is written.
        SqliteEventStore.open(dataDirectory).close();
        return new EventImport(connections(dataDirectory), DIALECT, "the SQLite store in " + dataDirectory);
    }

    /**
     * The head position, stream marks and subject keys of the store in {@code dataDirectory}, read in one
     * transaction, while other processes may hold it open: what an export or a migration carries beside
     * the events.
     *
     * @throws EventStoreException when the directory holds no store
     */
    public static TransferSnapshot snapshot(Path dataDirectory) {
        requireNonNull(dataDirectory, "dataDirectory");
        return ErasureStateRows.snapshot(
                SqliteProjections.connections(dataDirectory), DIALECT, "the SQLite store in " + dataDirectory);
    }

    /** Connections that overwrite what they delete, as the key store's do: a forgotten key leaves no trace. */
    private static ConnectionFactory connections(Path dataDirectory) {
        var connections = SqliteProjections.connections(dataDirectory);
        return () -> {
            var connection = connections.open();
            try (var pragma = connection.createStatement()) {
                for (String sql : DIALECT.secureDelete()) {
                    LockWaits.retryWhileBusy(DIALECT, () -> pragma.execute(sql));
                }
            } catch (SQLException e) {
                connection.close();
                throw e;
            }
            return connection;
        };
    }

    private static long write(Connection connection, Iterator<RecordedEvent> events) throws SQLException {
        try (var count = connection.createStatement();
                var rows = count.executeQuery("SELECT COUNT(*) FROM events")) {
            rows.next();
            if (rows.getLong(1) > 0) {
                throw new ImportRejectedException("the store is not empty (" + rows.getLong(1)
                        + " events); import only into a new data directory");
            }
        }
        long imported = 0;
        try (var writer = new RecordedEventWriter(DIALECT, connection)) {
            while (events.hasNext()) {
                writer.write(events.next());
                imported++;
            }
        }
        return imported;
    }
}
