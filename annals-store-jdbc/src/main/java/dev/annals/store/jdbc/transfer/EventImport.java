package dev.annals.store.jdbc.transfer;

import dev.annals.event.RecordedEvent;
import dev.annals.store.EventStoreException;
import dev.annals.store.jdbc.SqlDialect;
import dev.annals.store.jdbc.projection.ConnectionFactory;
import dev.annals.store.jdbc.projection.internal.LockWaits;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import static java.util.Objects.requireNonNull;

/**
 * Writes recorded events, as they are, into a SQL store in batches, each batch one transaction opened with
 * the dialect's {@link SqlDialect#beginBulkWrite()}: a batch lands whole or not at all, and a copy that is
 * interrupted keeps every batch it committed, so it can go on from {@link #headPosition()}.
 *
 * <p>Backends hand one out for their store (the SQLite and PostgreSQL stores do); it is the path imports
 * and migrations write through, outside the {@code EventStore} contract. Holds one connection. Not
 * thread-safe.
 */
public final class EventImport implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EventImport.class);

    private final SqlDialect dialect;
    private final Connection connection;
    private final String description;

    /**
     * An import into the store that {@code connections} reach, described as {@code description} in errors.
     *
     * @throws EventStoreException when no connection can be had
     */
    public EventImport(ConnectionFactory connections, SqlDialect dialect, String description) {
        this.dialect = requireNonNull(dialect, "dialect");
        this.description = requireNonNull(description, "description");
        try {
            this.connection = requireNonNull(connections, "connections").open();
        } catch (SQLException e) {
            throw new EventStoreException("could not connect to " + description + ": " + e.getMessage(), e);
        }
    }

    /** The position of the target's last event; 0 when it has none. */
    public long headPosition() {
        try (var statement = connection.prepareStatement(dialect.selectHeadPosition());
                var row = LockWaits.retryWhileBusy(dialect, statement::executeQuery)) {
            return row.next() ? row.getLong(1) : 0;
        } catch (SQLException e) {
            throw failed("reading the head position", e);
        }
    }

    /**
     * Writes {@code events}, in order, in one transaction.
     *
     * @return the target's head position after the batch
     * @throws ImportRejectedException when an event does not follow the target's last position or its
     *                                 stream's version; nothing of the batch is written
     * @throws EventStoreException     when the database failed; nothing of the batch is written
     */
    public long write(List<RecordedEvent> events) {
        requireNonNull(events, "events");
        if (events.isEmpty()) {
            return headPosition();
        }
        long head = inBulkWrite(
                "writing positions " + events.getFirst().position() + ".."
                        + events.getLast().position(),
                () -> {
                    try (var writer = new RecordedEventWriter(dialect, connection)) {
                        for (RecordedEvent event : events) {
                            writer.write(event);
                        }
                        return writer.lastPosition();
                    }
                });
        LOG.debug("imported positions {}..{} into {}", events.getFirst().position(), head, description);
        return head;
    }

    /**
     * Gives the target the stream marks and subject keys of {@code state} (after the events they mark), in
     * one transaction; what it has equal already stays as it is.
     *
     * @return how many streams and subjects changed
     * @throws ImportRejectedException when the target's marks or keys contradict {@code state}; nothing is
     *                                 written
     * @throws EventStoreException     when the database failed; nothing is written
     */
    public int writeErasureState(ErasureState state) {
        requireNonNull(state, "state");
        int changed = inBulkWrite(
                "writing stream marks and subject keys", () -> ErasureStateRows.write(connection, dialect, state));
        LOG.debug("wrote {} stream mark(s) and subject key(s) into {}", changed, description);
        return changed;
    }

    /** The target's stream marks and subject keys. */
    public ErasureState erasureState() {
        try {
            return LockWaits.retryWhileBusy(dialect, () -> ErasureStateRows.read(connection, dialect));
        } catch (SQLException e) {
            throw failed("reading stream marks and subject keys", e);
        }
    }

    /** Runs {@code work} in one bulk-write transaction: committed when it returns, rolled back when it throws. */
    private <T> T inBulkWrite(String doing, LockWaits.SqlCall<T> work) {
        try (var statement = connection.createStatement()) {
            var begin = dialect.beginBulkWrite();
            LockWaits.retryWhileBusy(dialect, () -> statement.execute(begin.getFirst()));
            try {
                for (String sql : begin.subList(1, begin.size())) {
                    statement.execute(sql);
                }
                T result = work.run();
                for (String sql : dialect.endBulkWrite()) {
                    statement.execute(sql);
                }
                statement.execute("COMMIT");
                return result;
            } catch (SQLException | RuntimeException e) {
                try {
                    statement.execute("ROLLBACK");
                } catch (SQLException rollbackFailure) {
                    e.addSuppressed(rollbackFailure);
                }
                throw e;
            }
        } catch (SQLException e) {
            throw failed(doing, e);
        }
    }

    private EventStoreException failed(String doing, SQLException e) {
        return new EventStoreException(
                "import into " + description + " failed " + doing + " (SQL state " + e.getSQLState() + "): "
                        + e.getMessage(),
                e);
    }

    /** Closes the connection. */
    @Override
    public void close() {
        try {
            connection.close();
        } catch (SQLException e) {
            LOG.debug("closing the import connection to {} failed: {}", description, e.getMessage());
        }
    }
}
