package dev.annals.store.jdbc.audit;

import dev.annals.audit.AuditReport;
import dev.annals.audit.AuditTrail;
import dev.annals.audit.EventHash;
import dev.annals.event.RecordedEvent;
import dev.annals.store.EventStoreException;
import dev.annals.store.jdbc.EventRows;
import dev.annals.store.jdbc.SqlDialect;
import dev.annals.store.jdbc.projection.ConnectionFactory;
import dev.annals.store.jdbc.projection.internal.LockWaits;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.OptionalLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import static java.util.Objects.requireNonNull;

/**
 * The tamper-evident audit trail of a SQL store: a hash chain over the events in global order
 * ({@link EventHash}), kept in the table {@code event_hashes}, checked and extended by {@link #verify()}.
 *
 * <p>A changed byte of a sealed event, a removed, inserted or reordered sealed event, or a changed or
 * removed hash is found, and the first position where the chain breaks is reported. Events not sealed yet
 * are sealed once the chain before them checks out. Someone able to rewrite both the events and every later
 * hash can forge a consistent chain; recording the head hash elsewhere, as an auditor does, is what catches
 * that. The backends differ in when events are sealed (docs/audit-trail.md); the check is this one.
 */
public final class JdbcAuditTrail implements AuditTrail {

    private static final Logger LOG = LoggerFactory.getLogger(JdbcAuditTrail.class);
    /** Events read per query: pages by position, so no backend holds the whole log in memory. */
    private static final int PAGE = 2_000;

    private final SqlDialect dialect;
    private final ConnectionFactory connections;
    private final String eventsWithHashes;
    private final String lastSealed;
    private final String firstOrphan;
    private final String insertHash;

    /** The audit trail of the store that {@code connections} open, whose SQL {@code dialect} speaks. */
    public JdbcAuditTrail(SqlDialect dialect, ConnectionFactory connections) {
        this.dialect = requireNonNull(dialect, "dialect");
        this.connections = requireNonNull(connections, "connections");
        String events = dialect.table("events");
        String hashes = dialect.table("event_hashes");
        this.eventsWithHashes =
                dialect.selectEvents().replace(" FROM " + events + " e", ", h.hash FROM " + events + " e")
                        + " LEFT JOIN " + hashes + " h ON h.position = e.position WHERE e.position > ?"
                        + " ORDER BY e.position" + dialect.limit();
        this.lastSealed = "SELECT COALESCE(MAX(position), 0) FROM " + hashes;
        this.firstOrphan = "SELECT COALESCE(MIN(h.position), 0) FROM " + hashes + " h LEFT JOIN " + events
                + " e ON e.position = h.position WHERE e.position IS NULL";
        this.insertHash = "INSERT INTO " + hashes + "(position, hash) VALUES (?, ?)";
    }

    /**
     * Checks the chain of every sealed event and, when it is intact, seals the events appended since, in
     * one transaction that holds the dialect's audit lock ({@link SqlDialect#beginAudit()}).
     */
    @Override
    public AuditReport verify() {
        try (Connection connection = connections.open()) {
            var begin = dialect.beginAudit();
            try (var statement = connection.createStatement()) {
                LockWaits.retryWhileBusy(dialect, () -> statement.execute(begin.getFirst()));
                for (String sql : begin.subList(1, begin.size())) {
                    statement.execute(sql);
                }
            }
            try {
                var report = walk(connection);
                try (var end = connection.createStatement()) {
                    end.execute(report.intact() ? "COMMIT" : "ROLLBACK");
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
        long sealedThrough = scalar(connection, lastSealed);
        long orphan = scalar(connection, firstOrphan);
        byte[] previous = EventHash.GENESIS;
        long headPosition = 0;
        long verified = 0;
        long sealed = 0;
        try (var select = connection.prepareStatement(eventsWithHashes);
                var insert = connection.prepareStatement(insertHash)) {
            int read = PAGE;
            while (read == PAGE) {
                read = 0;
                select.setLong(1, headPosition);
                select.setInt(2, PAGE);
                try (var rows = select.executeQuery()) {
                    while (rows.next()) {
                        read++;
                        RecordedEvent event = EventRows.map(dialect, rows);
                        byte[] stored = rows.getBytes(EventRows.COLUMNS + 1);
                        if (orphan > 0 && orphan < event.position()) {
                            return broken(
                                    orphan,
                                    "the event sealed at this position was removed",
                                    verified,
                                    previous,
                                    headPosition);
                        }
                        byte[] hash = EventHash.chain(previous, event);
                        if (stored == null && event.position() < sealedThrough) {
                            return broken(
                                    event.position(),
                                    "event " + event.eventId() + " was inserted after sealing",
                                    verified,
                                    previous,
                                    headPosition);
                        }
                        if (stored != null && !Arrays.equals(stored, hash)) {
                            return broken(
                                    event.position(),
                                    "event " + event.eventId() + " of stream " + event.stream()
                                            + " does not match its sealed hash",
                                    verified,
                                    previous,
                                    headPosition);
                        }
                        if (stored == null) {
                            insert.setLong(1, event.position());
                            insert.setBytes(2, hash);
                            insert.addBatch();
                            sealed++;
                        } else {
                            verified++;
                        }
                        previous = hash;
                        headPosition = event.position();
                    }
                }
            }
            if (sealed > 0) {
                insert.executeBatch();
            }
        }
        if (orphan > 0) {
            return broken(orphan, "the event sealed at this position was removed", verified, previous, headPosition);
        }
        LOG.info(
                "audit trail intact: {} event(s) verified, {} newly sealed, head position {}, head hash {}",
                verified,
                sealed,
                headPosition,
                EventHash.hex(previous));
        return new AuditReport(verified, sealed, OptionalLong.empty(), "", EventHash.hex(previous), headPosition);
    }

    private static AuditReport broken(
            long position, String problem, long verified, byte[] previous, long headPosition) {
        LOG.warn("audit trail broken at position {}: {}", position, problem);
        return new AuditReport(verified, 0, OptionalLong.of(position), problem, EventHash.hex(previous), headPosition);
    }

    private static long scalar(Connection connection, String sql) throws SQLException {
        try (var statement = connection.createStatement();
                var rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }
}
