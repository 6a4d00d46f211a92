package dev.annals.bench.compare.internal;

import dev.annals.event.EventIds;
import java.nio.ByteBuffer;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.UUID;

/**
 * The database's own ceiling: a plain insert per event into one table with a unique (stream, version)
 * key and a unique event id, one transaction per append (a single-event append is one insert per
 * transaction; a 100-event append is one JDBC batch in one transaction). No serialization, no framework.
 *
 * <p>The event ids are the time-ordered ones Annals generates ({@link EventIds}), so that both keep the same
 * unique index growing at its end: random ids would make the ceiling pay for page splits Annals avoids.
 */
public final class PlainJdbcTarget implements AppendTarget {

    private static final String INSERT =
            "INSERT INTO plain_events (stream, version, event_id, type, payload) VALUES (?, ?, ?, ?, ?)";
    private static final String LAST_VERSION = "SELECT MAX(version) FROM plain_events WHERE stream = ?";

    private final Database database;
    private final ConnectionPool pool;
    private final byte[] payload;
    private final String type;

    private PlainJdbcTarget(Database database, ConnectionPool pool, byte[] payload, String type) {
        this.database = database;
        this.pool = pool;
        this.payload = payload;
        this.type = type;
    }

    /** Creates the plain table in {@code database}, which the target owns from now on and closes. */
    public static PlainJdbcTarget create(Database database, int writers, byte[] payload, String type)
            throws SQLException {
        database.execute(database.plainTable());
        return new PlainJdbcTarget(
                database, new ConnectionPool(database::open, database.poolSize(writers)), payload, type);
    }

    @Override
    public String name() {
        return "jdbc/" + database.name();
    }

    @Override
    public long append(String stream, long expectedVersion, int count) throws Exception {
        Connection connection = pool.borrow();
        try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
            for (int i = 1; i <= count; i++) {
                insert.setString(1, stream);
                insert.setLong(2, expectedVersion + i);
                insert.setBytes(3, eventId());
                insert.setString(4, type);
                insert.setBytes(5, payload);
                if (count == 1) {
                    insert.executeUpdate();
                } else {
                    insert.addBatch();
                }
            }
            if (count > 1) {
                insert.executeBatch();
            }
            connection.commit();
            return expectedVersion + count;
        } catch (SQLException e) {
            connection.rollback();
            if (database.isConflict(e) || e.getNextException() != null && database.isConflict(e.getNextException())) {
                throw new VersionConflict(stream, expectedVersion, e);
            }
            throw e;
        } finally {
            pool.giveBack(connection);
        }
    }

    @Override
    public long currentVersion(String stream) throws Exception {
        Connection connection = pool.borrow();
        try (PreparedStatement select = connection.prepareStatement(LAST_VERSION)) {
            select.setString(1, stream);
            try (var row = select.executeQuery()) {
                row.next();
                long version = row.getLong(1);
                return row.wasNull() ? -1 : version;
            }
        } finally {
            connection.rollback();
            pool.giveBack(connection);
        }
    }

    @Override
    public long replayAll() throws Exception {
        Connection connection = pool.borrow();
        long events = 0;
        long bytes = 0;
        try (var select = connection.prepareStatement(
                "SELECT position, stream, version, event_id, type, payload FROM plain_events ORDER BY position")) {
            // A cursor, fetched a page at a time (PostgreSQL needs the open transaction for it).
            select.setFetchSize(1_000);
            try (var rows = select.executeQuery()) {
                // Every column selected is read, as an application reading events would.
                while (rows.next()) {
                    bytes += rows.getLong(1)
                            + rows.getString(2).length()
                            + rows.getLong(3)
                            + rows.getBytes(4).length
                            + rows.getString(5).length()
                            + rows.getBytes(6).length;
                    events++;
                }
            }
        } finally {
            connection.rollback();
            pool.giveBack(connection);
        }
        // The values are summed and used so that the JIT cannot skip reading them.
        return bytes >= 0 ? events : -1;
    }

    private static byte[] eventId() {
        UUID id = EventIds.next();
        return ByteBuffer.allocate(16)
                .putLong(id.getMostSignificantBits())
                .putLong(id.getLeastSignificantBits())
                .array();
    }

    @Override
    public void close() throws Exception {
        try (database) {
            pool.close();
        }
    }
}
