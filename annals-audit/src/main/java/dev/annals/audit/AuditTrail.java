package dev.annals.audit;

/**
 * A store's tamper-evident audit trail: the hash chain of {@link EventHash} over its events in global order
 * (docs/audit-trail.md). Implemented by each SQL backend ({@code SqliteAuditTrail}, {@code
 * PostgresAuditTrail}); the server's {@code POST /audit/verify} and {@code annals verify} run it.
 *
 * <p>Backends differ in one way only, when an event is sealed: on its append (SQLite), or by the next
 * {@link #verify()} (PostgreSQL), so that an event changed before that verify is sealed as it then is.
 * {@code AuditTrailContract} in annals-testkit holds every backend to the same checks and makes each
 * declare its mode.
 */
@FunctionalInterface
public interface AuditTrail {

    /**
     * Checks the chain of every sealed event and, when it is intact, seals the events not sealed yet.
     *
     * @return what was found: intact with the head hash, or the first broken position and what is wrong
     */
    AuditReport verify();
}
