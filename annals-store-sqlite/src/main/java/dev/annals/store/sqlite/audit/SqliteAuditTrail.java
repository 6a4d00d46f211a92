package dev.annals.store.sqlite.audit;

import dev.annals.audit.EventHash;
import dev.annals.event.RecordedEvent;
import dev.annals.store.EventStoreException;
import dev.annals.store.jdbc.EventRows;
import dev.annals.store.jdbc.projection.ConnectionFactory;
import dev.annals.store.jdbc.projection.internal.LockWaits;
import dev.annals.store.sqlite.SqliteProjections;
import dev.annals.store.sqlite.internal.SqliteDialect;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.OptionalLong;

import static java.util.Objects.requireNonNull;

/**
 * The tamper-evident audit trail of the SQLite store: a hash chain over the events in global order
 * ({@link EventHash}), kept in the table {@code event_hashes}.
 *
 * <p>Events are <em>sealed</em> (their hashes written) by the writer in the transaction that appends them;
 * events written without one (an import into a closed store, a store of an older Annals) are sealed when the
 * store next opens, or by {@link #verify()} after it has checked the chain of the events sealed before. A changed byte of a sealed event, a removed, inserted or
 * reordered sealed event, or a changed or removed hash is found, and the first position where the
 * chain breaks is reported. Someone able to rewrite both the events and every later hash can forge a
 * consistent chain; recording the head hash elsewhere, as an auditor does, is what catches that.
 */
public final class SqliteAuditTrail {

    private static final Logger LOG = LoggerFactory.getLogger(SqliteAuditTrail.class);
    private static final SqliteDialect DIALECT = new SqliteDialect();
    private static final String EVENTS_WITH_HASHES = DIALECT.selectEvents().replace(" FROM events e",
            ", h.hash FROM events e") + " LEFT JOIN event_hashes h ON h.position = e.position ORDER BY e.position";

    private final ConnectionFactory connections;

    private SqliteAuditTrail(ConnectionFactory connections) {
        this.connections = connections;
    }

    /** The audit trail of the store in {@code dataDirectory}. */
    public static SqliteAuditTrail open(Path dataDirectory) {
        return new SqliteAuditTrail(SqliteProjections.connections(requireNonNull(dataDirectory, "dataDirectory")));
    }

    /**
     * Checks the chain of every sealed event and, when it is intact, seals the events appended since,
     * in one write transaction.
     */
    public AuditReport verify() {
        try (Connection connection = connections.open()) {
            LockWaits.retryWhileBusy(() -> {
                try (var begin = connection.createStatement()) {
                    begin.execute("BEGIN IMMEDIATE");
                }
                return null;
            });
            try {
                var report = walk(connection);
                try (var commit = connection.createStatement()) {
                    commit.execute(report.intact() ? "COMMIT" : "ROLLBACK");
                }
                return report;
            } catch (SQLException | RuntimeException e) {
                try (var rollback = connection.createStatement()) {
                    rollback.execute("ROLLBACK");
                }
                throw e;
            }
        } catch (SQLException e) {
            throw new EventStoreException("could not verify the audit trail: " + e.getMessage(), e);
        }
    }

    private AuditReport walk(Connection connection) throws SQLException {
        long lastSealed = scalar(connection, "SELECT COALESCE(MAX(position), 0) FROM event_hashes");
        long orphan = scalar(connection, "SELECT COALESCE(MIN(h.position), 0) FROM event_hashes h"
                + " LEFT JOIN events e ON e.position = h.position WHERE e.position IS NULL");
        byte[] previous = EventHash.GENESIS;
        long headPosition = 0;
        long verified = 0;
        long sealed = 0;
        try (var select = connection.prepareStatement(EVENTS_WITH_HASHES);
             var insert = connection.prepareStatement("INSERT INTO event_hashes(position, hash) VALUES (?, ?)");
             var rows = select.executeQuery()) {
            while (rows.next()) {
                RecordedEvent event = EventRows.map(DIALECT, rows);
                byte[] stored = rows.getBytes(EventRows.COLUMNS + 1);
                if (orphan > 0 && orphan < event.position()) {
                    return broken(orphan, "the event sealed at this position was removed", verified, previous, headPosition);
                }
                byte[] hash = EventHash.chain(previous, event);
                if (stored == null && event.position() < lastSealed) {
                    return broken(event.position(), "event " + event.eventId() + " was inserted after sealing",
                            verified, previous, headPosition);
                }
                if (stored != null && !Arrays.equals(stored, hash)) {
                    return broken(event.position(), "event " + event.eventId() + " of stream " + event.stream()
                            + " does not match its sealed hash", verified, previous, headPosition);
                }
                if (stored == null) {
                    insert.setLong(1, event.position());
                    insert.setBytes(2, hash);
                    insert.executeUpdate();
                    sealed++;
                } else {
                    verified++;
                }
                previous = hash;
                headPosition = event.position();
            }
        }
        if (orphan > 0) {
            return broken(orphan, "the event sealed at this position was removed", verified, previous, headPosition);
        }
        LOG.info("audit trail intact: {} event(s) verified, {} newly sealed, head position {}, head hash {}",
                verified, sealed, headPosition, EventHash.hex(previous));
        return new AuditReport(verified, sealed, OptionalLong.empty(), "", EventHash.hex(previous), headPosition);
    }

    private static AuditReport broken(long position, String problem, long verified, byte[] previous, long headPosition) {
        LOG.warn("audit trail broken at position {}: {}", position, problem);
        return new AuditReport(verified, 0, OptionalLong.of(position), problem, EventHash.hex(previous), headPosition);
    }

    private static long scalar(Connection connection, String sql) throws SQLException {
        try (var statement = connection.createStatement(); var rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }
}
