package dev.annals.store.sqlite;

import dev.annals.event.EventData;
import dev.annals.event.RecordedEvent;
import dev.annals.store.AppendResult;
import dev.annals.store.EventStore;
import dev.annals.store.EventStoreException;
import dev.annals.store.ExpectedVersion;
import dev.annals.store.ReadRequest;
import dev.annals.store.StreamInfo;
import dev.annals.store.jdbc.JdbcEventReader;
import dev.annals.store.sqlite.internal.ReadConnections;
import dev.annals.store.sqlite.internal.SqliteDialect;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;
import java.util.stream.Stream;

import static java.util.Objects.requireNonNull;

/**
 * The SQLite store opened for reading only, beside the process that holds it open for writing (a running
 * {@code annals serve}, an application): SQLite's WAL lets readers in other processes read while one writer
 * commits, each read seeing a committed state.
 *
 * <p>Unlike {@link SqliteEventStore} it takes no directory lock, starts no writer thread and never creates,
 * upgrades or checkpoints the file: its connections are opened with SQLITE_OPEN_READONLY and
 * {@code query_only}. Reads are those of the store, through the global log and the stream index; a stream read
 * scans the index's whole tail, since the writer's in-memory record of the tail lives in its own process.
 * {@link #append} always fails. The file must exist and hold the schema of this Annals version.
 */
public final class SqliteReadOnlyStore implements EventStore {

    private final Path file;
    private final ReadConnections readers;
    private final JdbcEventReader reader;

    private SqliteReadOnlyStore(Path file, ReadConnections readers, int pageSize) {
        this.file = file;
        this.readers = readers;
        this.reader = new JdbcEventReader(new SqliteDialect(), readers, pageSize);
    }

    /**
     * Opens the store in {@code dataDirectory} for reading.
     *
     * @throws EventStoreException when the directory holds no store, its schema is not this version's, or the
     *                             file cannot be opened
     */
    public static SqliteReadOnlyStore open(Path dataDirectory) {
        return open(dataDirectory, SqliteOptions.defaults());
    }

    /** Opens the store in {@code dataDirectory} for reading with the given read settings; see {@link #open(Path)}. */
    public static SqliteReadOnlyStore open(Path dataDirectory, SqliteOptions options) {
        requireNonNull(dataDirectory, "dataDirectory");
        requireNonNull(options, "options");
        Path file = dataDirectory.resolve(SqliteEventStore.FILE_NAME);
        if (!Files.isRegularFile(file)) {
            throw new EventStoreException("no SQLite store in data directory " + dataDirectory);
        }
        try {
            return new SqliteReadOnlyStore(
                    file, ReadConnections.readOnly(file, options.readConnections()), options.readPageSize());
        } catch (SQLException e) {
            throw new EventStoreException(
                    "could not open the SQLite store " + file + " for reading: " + e.getMessage(), e);
        }
    }

    /** The database file. */
    public Path file() {
        return file;
    }

    /** Always fails: this store was opened for reading. */
    @Override
    public AppendResult append(String stream, ExpectedVersion expected, List<EventData> events) {
        throw new EventStoreException("the SQLite store " + file + " is open for reading only");
    }

    @Override
    public Stream<RecordedEvent> read(ReadRequest request) {
        return reader.read(request);
    }

    @Override
    public long headPosition() {
        return reader.headPosition();
    }

    @Override
    public Stream<StreamInfo> streams() {
        return reader.streams();
    }

    /** Closes the read connections; the writer, wherever it runs, is untouched. Idempotent. */
    @Override
    public void close() {
        readers.close();
    }
}
