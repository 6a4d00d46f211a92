-- The log and its two key tables; Flyway runs this with search_path set to the store's schema.
CREATE TABLE streams (
    stream_id BIGINT PRIMARY KEY,
    name      TEXT   NOT NULL UNIQUE,
    category  TEXT   NOT NULL
);
CREATE INDEX streams_by_category ON streams (category);

CREATE TABLE event_types (
    type_id BIGINT PRIMARY KEY,
    name    TEXT   NOT NULL UNIQUE
);

CREATE TABLE events (
    position       BIGINT  PRIMARY KEY,
    stream_id      BIGINT  NOT NULL,
    stream_version BIGINT  NOT NULL,
    event_id       UUID    NOT NULL,
    type_id        BIGINT  NOT NULL,
    schema_version INTEGER NOT NULL,
    payload        BYTEA   NOT NULL,
    metadata       BYTEA,
    recorded_at    BIGINT  NOT NULL
);
CREATE UNIQUE INDEX events_by_stream ON events (stream_id, stream_version);
CREATE UNIQUE INDEX events_by_event_id ON events (event_id);
CREATE INDEX events_by_type ON events (type_id, position);
