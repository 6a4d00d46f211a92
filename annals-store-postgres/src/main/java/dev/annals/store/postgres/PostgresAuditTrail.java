package dev.annals.store.postgres;

import dev.annals.audit.AuditReport;
import dev.annals.audit.AuditTrail;
import dev.annals.store.jdbc.audit.JdbcAuditTrail;
import dev.annals.store.postgres.internal.Migrations;
import dev.annals.store.postgres.internal.PostgresDialect;
import org.postgresql.ds.PGSimpleDataSource;

import static java.util.Objects.requireNonNull;

/**
 * The tamper-evident audit trail of a PostgreSQL store ({@link JdbcAuditTrail}), in its schema's table
 * {@code event_hashes}.
 *
 * <p>Unlike the embedded store, appends do not seal their events: {@link #verify()} checks the chain of the
 * events sealed by earlier runs, then seals those appended since. An event is therefore protected from the
 * first verify after its append on (docs/audit-trail.md). Audits take a lock of their own, so they run
 * beside appends and one at a time.
 */
public final class PostgresAuditTrail implements AuditTrail {

    private final JdbcAuditTrail trail;

    private PostgresAuditTrail(JdbcAuditTrail trail) {
        this.trail = trail;
    }

    /** The audit trail of {@code store}, on its connections. */
    public static PostgresAuditTrail of(PostgresEventStore store) {
        requireNonNull(store, "store");
        return new PostgresAuditTrail(
                new JdbcAuditTrail(new PostgresDialect(store.schema()), PostgresProjections.connections(store)));
    }

    /**
     * The audit trail of the store at {@code address}, as the CLI uses it from another process: one plain
     * connection per verify, no pool; the schema is brought up to date first.
     */
    public static PostgresAuditTrail open(PostgresAddress address) {
        requireNonNull(address, "address");
        var dataSource = new PGSimpleDataSource();
        dataSource.setURL(address.jdbcUrl());
        Migrations.migrate(dataSource, address.schema());
        return new PostgresAuditTrail(
                new JdbcAuditTrail(new PostgresDialect(address.schema()), dataSource::getConnection));
    }

    /** Checks the chain of every sealed event and, when it is intact, seals the events appended since. */
    @Override
    public AuditReport verify() {
        return trail.verify();
    }
}
