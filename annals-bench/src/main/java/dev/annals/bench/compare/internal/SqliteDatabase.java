package dev.annals.bench.compare.internal;

import dev.annals.bench.internal.TemporaryDirectory;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import org.sqlite.SQLiteConfig;

/** A SQLite file in a temporary directory, in WAL mode with synchronous FULL like the Annals store. */
public final class SqliteDatabase implements Database {

    private static final int SQLITE_CONSTRAINT = 19;

    private final TemporaryDirectory directory;
    private final Path file;

    private SqliteDatabase(TemporaryDirectory directory) {
        this.directory = directory;
        this.file = directory.path().resolve("peer.db");
    }

    /** A new, empty database file in a new temporary directory. */
    public static SqliteDatabase create() {
        return new SqliteDatabase(TemporaryDirectory.create("annals-compare-"));
    }

    @Override
    public String name() {
        return "sqlite";
    }

    @Override
    public Connection open() throws SQLException {
        var config = new SQLiteConfig();
        config.setJournalMode(SQLiteConfig.JournalMode.WAL);
        config.setSynchronous(SQLiteConfig.SynchronousMode.FULL);
        config.setBusyTimeout(10_000);
        var connection = config.createConnection("jdbc:sqlite:" + file);
        try (var statement = connection.createStatement()) {
            // As Annals's read connections do, so that the peers' reads are no slower for want of it.
            statement.execute("PRAGMA mmap_size = 1073741824");
        }
        return connection;
    }

    @Override
    public int poolSize(int writers) {
        return 1;
    }

    @Override
    public boolean isConflict(SQLException e) {
        // Extended result codes (such as 2067, SQLITE_CONSTRAINT_UNIQUE) keep the primary code in the low byte.
        return (e.getErrorCode() & 0xff) == SQLITE_CONSTRAINT;
    }

    @Override
    public List<String> plainTable() {
        return List.of("CREATE TABLE plain_events (position INTEGER PRIMARY KEY, stream TEXT NOT NULL,"
                + " version INTEGER NOT NULL, event_id BLOB NOT NULL, type TEXT NOT NULL, payload BLOB NOT NULL,"
                + " UNIQUE (stream, version), UNIQUE (event_id))");
    }

    @Override
    public List<String> axonTables() {
        return List.of(
                "CREATE TABLE DomainEventEntry (globalIndex INTEGER PRIMARY KEY AUTOINCREMENT,"
                        + " aggregateIdentifier VARCHAR(255) NOT NULL, sequenceNumber BIGINT NOT NULL,"
                        + " type VARCHAR(255), eventIdentifier VARCHAR(255) NOT NULL, metaData BLOB,"
                        + " payload BLOB NOT NULL, payloadRevision VARCHAR(255), payloadType VARCHAR(255) NOT NULL,"
                        + " timeStamp VARCHAR(255) NOT NULL, UNIQUE (aggregateIdentifier, sequenceNumber),"
                        + " UNIQUE (eventIdentifier))",
                "CREATE TABLE SnapshotEventEntry (aggregateIdentifier VARCHAR(255) NOT NULL,"
                        + " sequenceNumber BIGINT NOT NULL, type VARCHAR(255) NOT NULL,"
                        + " eventIdentifier VARCHAR(255) NOT NULL, metaData BLOB, payload BLOB NOT NULL,"
                        + " payloadRevision VARCHAR(255), payloadType VARCHAR(255) NOT NULL,"
                        + " timeStamp VARCHAR(255) NOT NULL, PRIMARY KEY (aggregateIdentifier, sequenceNumber),"
                        + " UNIQUE (eventIdentifier))");
    }

    @Override
    public void close() {
        directory.close();
    }
}
