-- The stream index the writer fills in batches (docs/adr/0015) replaces the unique index on the events'
-- (stream_id, stream_version), which every append updated; an upgraded file has all its events indexed.
CREATE TABLE stream_index (stream_id INTEGER NOT NULL, stream_version INTEGER NOT NULL,
    position INTEGER NOT NULL, PRIMARY KEY (stream_id, stream_version)) WITHOUT ROWID;
-- Copied through the old index, which is already in the new one's order: no sort of the whole log.
INSERT INTO stream_index(stream_id, stream_version, position) SELECT stream_id, stream_version, position
    FROM events INDEXED BY events_by_stream ORDER BY stream_id, stream_version;
CREATE TABLE stream_index_state (singleton INTEGER PRIMARY KEY CHECK (singleton = 1),
    indexed_through INTEGER NOT NULL);
INSERT INTO stream_index_state VALUES (1, (SELECT COALESCE(MAX(position), 0) FROM events));
DROP INDEX events_by_stream;
PRAGMA user_version = 5;
