-- The log and its keys (docs/adr/0003): integer keys for streams and event types, the log keyed by global
-- position (SQLite's rowid, so appends go to the end of the table), one unique index per stream and
-- version and one on the 16-byte event id (which grows at its end with time-ordered UUID v7 ids).
CREATE TABLE streams (stream_id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE, category TEXT NOT NULL);
CREATE INDEX streams_by_category ON streams(category);
CREATE TABLE event_types (type_id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE);
CREATE TABLE events (position INTEGER PRIMARY KEY, stream_id INTEGER NOT NULL,
    stream_version INTEGER NOT NULL, event_id BLOB NOT NULL, type_id INTEGER NOT NULL,
    schema_version INTEGER NOT NULL, payload BLOB NOT NULL, metadata BLOB,
    recorded_at INTEGER NOT NULL);
CREATE UNIQUE INDEX events_by_stream ON events(stream_id, stream_version);
CREATE UNIQUE INDEX events_by_event_id ON events(event_id);
-- Kept in step with Flyway's history: the read-only open and older Annals versions read it.
PRAGMA user_version = 1;
