package dev.annals.store.sqlite.internal;

import dev.annals.audit.EventHash;
import dev.annals.event.RecordedEvent;
import dev.annals.store.jdbc.EventRows;
import dev.annals.store.jdbc.SqlDialect;
import java.sql.Connection;
import java.sql.SQLException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The audit trail's hash chain as the writer continues it: the hash of the last event, after sealing any
 * events that were written without one (by an import, or by a version of Annals that sealed only in
 * {@code annals verify}).
 *
 * <p>The writer seals every event in the transaction that appends it (docs/audit-trail.md), so after the
 * catch-up at start no event is ever unprotected.
 */
final class ChainSeal {

    private static final Logger LOG = LoggerFactory.getLogger(ChainSeal.class);

    private ChainSeal() {}

    /** The hash of the newest event, sealing first those after the newest sealed one; outside a transaction. */
    static byte[] catchUp(SqlDialect dialect, Connection connection) throws SQLException {
        long lastSealed = 0;
        byte[] previous = EventHash.GENESIS;
        try (var last = connection.prepareStatement(
                        "SELECT position, hash FROM event_hashes ORDER BY position DESC LIMIT 1");
                var row = last.executeQuery()) {
            if (row.next()) {
                lastSealed = row.getLong(1);
                previous = row.getBytes(2);
            }
        }
        long sealed = 0;
        try (var begin = connection.createStatement()) {
            begin.execute("BEGIN IMMEDIATE");
        }
        try (var select = connection.prepareStatement(
                        dialect.selectEvents() + " WHERE e.position > ? ORDER BY e.position");
                var insert = connection.prepareStatement("INSERT INTO event_hashes(position, hash) VALUES (?, ?)")) {
            select.setLong(1, lastSealed);
            try (var rows = select.executeQuery()) {
                while (rows.next()) {
                    RecordedEvent event = EventRows.map(dialect, rows);
                    previous = EventHash.chain(previous, event);
                    insert.setLong(1, event.position());
                    insert.setBytes(2, previous);
                    insert.executeUpdate();
                    sealed++;
                }
            }
            try (var commit = connection.createStatement()) {
                commit.execute("COMMIT");
            }
        } catch (SQLException | RuntimeException e) {
            try (var rollback = connection.createStatement()) {
                rollback.execute("ROLLBACK");
            }
            throw e;
        }
        if (sealed > 0) {
            LOG.info("sealed {} event(s) written without a hash, after position {}", sealed, lastSealed);
        }
        return previous;
    }
}
