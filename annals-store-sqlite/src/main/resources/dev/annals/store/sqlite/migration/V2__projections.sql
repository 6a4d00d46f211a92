-- The projections' state, beside the events so that a read model in the same file commits with its
-- checkpoint: checkpoints, control requests, the status a runner reports, dead letters. Times are
-- milliseconds since the epoch.
CREATE TABLE projection_checkpoints (projection TEXT PRIMARY KEY, position INTEGER NOT NULL,
    updated_at INTEGER NOT NULL);
CREATE TABLE projection_control (projection TEXT PRIMARY KEY, paused INTEGER NOT NULL DEFAULT 0,
    rebuild TEXT, live_version INTEGER NOT NULL DEFAULT 1);
CREATE TABLE projection_status (projection TEXT PRIMARY KEY, state TEXT NOT NULL,
    checkpoint INTEGER NOT NULL, head INTEGER NOT NULL, events_behind INTEGER NOT NULL,
    seconds_behind REAL NOT NULL,
    error TEXT, updated_at INTEGER NOT NULL);
CREATE TABLE dead_letters (id INTEGER PRIMARY KEY, projection TEXT NOT NULL, position INTEGER NOT NULL,
    event_id TEXT NOT NULL, event_type TEXT NOT NULL, error TEXT NOT NULL,
    attempts INTEGER NOT NULL, first_failure INTEGER NOT NULL, last_failure INTEGER NOT NULL,
    status TEXT NOT NULL);
CREATE INDEX dead_letters_by_projection ON dead_letters(projection, status);
PRAGMA user_version = 2;
