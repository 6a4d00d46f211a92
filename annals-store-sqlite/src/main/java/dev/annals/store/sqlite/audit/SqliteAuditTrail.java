package dev.annals.store.sqlite.audit;

import dev.annals.audit.AuditReport;
import dev.annals.audit.AuditTrail;
import dev.annals.store.jdbc.audit.JdbcAuditTrail;
import dev.annals.store.sqlite.SqliteProjections;
import dev.annals.store.sqlite.internal.SqliteDialect;
import java.nio.file.Path;

import static java.util.Objects.requireNonNull;

/**
 * The tamper-evident audit trail of the SQLite store ({@link JdbcAuditTrail}).
 *
 * <p>Events are <em>sealed</em> (their hashes written) by the writer in the transaction that appends them;
 * events written without one (an import into a closed store, a store of an older Annals) are sealed when the
 * store next opens, or by {@link #verify()} after it has checked the chain of the events sealed before.
 */
public final class SqliteAuditTrail implements AuditTrail {

    private final JdbcAuditTrail trail;

    private SqliteAuditTrail(JdbcAuditTrail trail) {
        this.trail = trail;
    }

    /** The audit trail of the store in {@code dataDirectory}. */
    public static SqliteAuditTrail open(Path dataDirectory) {
        return new SqliteAuditTrail(new JdbcAuditTrail(
                new SqliteDialect(), SqliteProjections.connections(requireNonNull(dataDirectory, "dataDirectory"))));
    }

    /**
     * Checks the chain of every sealed event and, when it is intact, seals the events appended since, in
     * one write transaction.
     */
    @Override
    public AuditReport verify() {
        return trail.verify();
    }
}
