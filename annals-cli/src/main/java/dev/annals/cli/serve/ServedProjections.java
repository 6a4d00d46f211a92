package dev.annals.cli.serve;

import dev.annals.audit.AuditTrail;
import dev.annals.projection.ProjectionStates;
import dev.annals.store.EventStore;
import dev.annals.store.jdbc.projection.JdbcReadModels;
import dev.annals.store.postgres.PostgresAuditTrail;
import dev.annals.store.postgres.PostgresEventStore;
import dev.annals.store.postgres.PostgresProjections;
import dev.annals.store.sqlite.SqliteEventStore;
import dev.annals.store.sqlite.SqliteProjections;
import dev.annals.store.sqlite.audit.SqliteAuditTrail;
import java.util.Optional;

/**
 * The projections' bookkeeping that {@code annals serve} shows and controls under {@code /projections}, and
 * the audit trail it checks under {@code /audit/verify}: the ones beside the store it serves, in the SQLite data directory or the PostgreSQL schema. It lives as long as
 * the process (a PostgreSQL one borrows from the store's pool, which closes with the store).
 */
final class ServedProjections {

    private ServedProjections() {
    }

    /** The bookkeeping of {@code store}; empty for a store that keeps none, such as the in-memory one. */
    static Optional<ProjectionStates> of(EventStore store) {
        return readModels(store).map(JdbcReadModels::states);
    }

    /** The audit trail of {@code store} for {@code POST /audit/verify}; empty for a store without one. */
    static Optional<AuditTrail> auditTrail(EventStore store) {
        return switch (store) {
            case SqliteEventStore sqlite -> Optional.of(SqliteAuditTrail.open(sqlite.file().getParent()));
            case PostgresEventStore postgres -> Optional.of(PostgresAuditTrail.of(postgres));
            default -> Optional.empty();
        };
    }

    /** Where read models beside {@code store} live (the demo's, say); empty for a store without a database. */
    static Optional<JdbcReadModels> readModels(EventStore store) {
        return switch (store) {
            case SqliteEventStore sqlite -> Optional.of(SqliteProjections.readModels(sqlite.file().getParent()));
            case PostgresEventStore postgres -> Optional.of(PostgresProjections.readModels(postgres));
            default -> Optional.empty();
        };
    }
}
