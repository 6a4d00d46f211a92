-- Snapshots of entity states, one row per stream and version, with the state's shape version; and the
-- audit trail's hash chain, one SHA-256 per sealed event position.
CREATE TABLE snapshots (stream TEXT NOT NULL, version INTEGER NOT NULL, position INTEGER NOT NULL,
    state_version INTEGER NOT NULL, state TEXT NOT NULL, taken_at INTEGER NOT NULL,
    PRIMARY KEY (stream, version));
CREATE TABLE event_hashes (position INTEGER PRIMARY KEY, hash BLOB NOT NULL);
PRAGMA user_version = 3;
