-- A function of its own for the most common append: one event to one stream, alone in its group (a lone
-- writer, or any caller whose append found no other queued). The rules and outcomes are append_group's (V9,
-- for a group of one append of one event), with scalar parameters: no arrays to build, send, parse and
-- unnest, no loop, and a plain INSERT ... VALUES (docs/adr/0041, "Amendment: one event, scalar arguments").
--
-- It runs four statements, like append_group: the lock, the head-and-stream query, the insert, the
-- notification (plus the stream's row when the stream is new or revived, and the types' function when the
-- caller did not know the type's key).
--
-- Without append_group's plan_cache_mode: with scalar parameters PostgreSQL settles on the generic plans
-- by itself after five calls (its custom plans cost the same), and the SET clause costs a configuration
-- save and restore on every call (about 5-10 µs of server CPU measured).
--
-- Parameters: the lock's keys, the notification channel, the time in microseconds; the stream, its category
-- and the expected version coded as a number (n, or -1 no stream, -2 any, -3 the stream exists); the event's
-- id, type name, type key (0 when the caller has not seen it committed), schema version, payload, metadata.
-- Outcome: 0 written (new_version, new_position: the event's; type_key: the key used), 1 wrong expected
-- version (new_version: the actual one), 2 the stream is tombstoned. Fails with AN001 when a refused
-- append's event id is stored (it may be an exact retry) and with 23505 when an accepted one's is: then it
-- wrote nothing and the caller goes the long way.
CREATE FUNCTION ${flyway:defaultSchema}.append_event(
    lock_class      INTEGER,
    lock_key        INTEGER,
    channel         TEXT,
    now_micros      BIGINT,
    stream_name     TEXT,
    category        TEXT,
    expected        BIGINT,
    event_id        UUID,
    type_name       TEXT,
    INOUT type_key  BIGINT,
    schema_version  INTEGER,
    payload         BYTEA,
    metadata        BYTEA,
    OUT outcome     INTEGER,
    OUT new_version BIGINT,
    OUT new_position BIGINT)
LANGUAGE plpgsql
AS $$
DECLARE
    head         BIGINT;
    recorded     BIGINT;
    stream_key   BIGINT;
    state        INTEGER;
    last_version BIGINT;
    actual       BIGINT;
BEGIN
    -- Each statement below takes a new snapshot (READ COMMITTED, a volatile function), so the ones after the
    -- lock see every commit that the lock waited for.
    PERFORM pg_advisory_xact_lock(lock_class, lock_key);
    SELECT last.position, last.recorded_at, s.stream_id, s.deleted,
           (SELECT e.stream_version FROM ${flyway:defaultSchema}.events e
            WHERE e.stream_id = s.stream_id ORDER BY e.stream_version DESC LIMIT 1)
        INTO head, recorded, stream_key, state, last_version
        FROM (SELECT 1) one
        LEFT JOIN (SELECT e.position, e.recorded_at FROM ${flyway:defaultSchema}.events e
                   ORDER BY e.position DESC LIMIT 1) last ON true
        LEFT JOIN ${flyway:defaultSchema}.streams s ON s.name = stream_name;
    new_version := 0;
    new_position := 0;
    IF state = 2 THEN
        outcome := 2;
        type_key := 0;
        RETURN;
    END IF;
    last_version := COALESCE(last_version, -1);
    -- A soft-deleted stream counts as no stream; its versions go on from its last one.
    actual := CASE WHEN stream_key IS NULL OR state = 1 THEN -1 ELSE last_version END;
    IF NOT (expected = -2 OR (expected = -3 AND actual <> -1) OR expected = actual) THEN
        IF EXISTS (SELECT 1 FROM ${flyway:defaultSchema}.events e WHERE e.event_id = append_event.event_id) THEN
            RAISE EXCEPTION 'an event id of a refused append to stream % is stored', stream_name
                USING ERRCODE = 'AN001';
        END IF;
        outcome := 1;
        new_version := actual;
        type_key := 0;
        RETURN;
    END IF;
    IF stream_key IS NULL THEN
        SELECT COALESCE(MAX(s.stream_id), 0) + 1 INTO stream_key FROM ${flyway:defaultSchema}.streams s;
        INSERT INTO ${flyway:defaultSchema}.streams (stream_id, name, category)
            VALUES (stream_key, stream_name, category);
    ELSIF state = 1 THEN
        UPDATE ${flyway:defaultSchema}.streams SET deleted = 0 WHERE stream_id = stream_key;
    END IF;
    IF type_key = 0 THEN
        type_key := (${flyway:defaultSchema}.event_type_keys(
            ARRAY[type_name], ARRAY[0::BIGINT], ARRAY[1], ARRAY[true]))[1];
    END IF;
    outcome := 0;
    new_version := last_version + 1;
    new_position := COALESCE(head, 0) + 1;
    -- Never earlier than the last event, so recorded-at times follow positions even if clocks step back.
    INSERT INTO ${flyway:defaultSchema}.events
            (position, stream_id, stream_version, event_id, type_id, schema_version, payload, metadata, recorded_at)
        VALUES (new_position, stream_key, new_version, event_id, type_key, schema_version, payload, metadata,
                GREATEST(COALESCE(recorded, 0), now_micros));
    PERFORM pg_notify(channel, new_position::TEXT);
END;
$$;
