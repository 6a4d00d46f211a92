-- The audit trail's hash chain (docs/audit-trail.md): one SHA-256 per sealed event position, written by
-- `annals verify` (JdbcAuditTrail) for the events appended since its last run.
CREATE TABLE event_hashes (
    position BIGINT PRIMARY KEY,
    hash     BYTEA  NOT NULL
);
