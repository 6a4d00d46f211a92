-- Snapshots of entity states (docs/adr/0008, PostgresSnapshotStore): one row per stream and version, as in
-- the embedded store's table of the same name. The state stays TEXT, not JSONB, so that it reads back
-- byte for byte as saved; taken_at counts milliseconds since the epoch.
CREATE TABLE snapshots (
    stream        TEXT    NOT NULL,
    version       BIGINT  NOT NULL,
    position      BIGINT  NOT NULL,
    state_version INTEGER NOT NULL,
    state         TEXT    NOT NULL,
    taken_at      BIGINT  NOT NULL,
    PRIMARY KEY (stream, version)
);
