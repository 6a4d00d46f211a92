-- A cheaper call for the lone event (docs/adr/0041, "Amendment: the lone event's fast path"). This build calls
-- append_one_event, which writes the common case itself and hands every other case to append_event (V10),
-- left as it is: its rules stay in one place, and a process of the V10/V11 build can still append to a schema
-- this version migrated. Parameters and outcomes are append_event's; what differs is how the server runs the
-- common case:
--
-- * it returns BIGINT[] {outcome, new_version, new_position, type_key} and is called in the select list
--   (SELECT f(...)), not as a row source (SELECT ... FROM f(...)): no function scan, no tuple store and no
--   result row type built from OUT parameters on every call;
-- * the lock and the notification are expressions assigned to a variable, not PERFORM statements, so
--   PL/pgSQL evaluates them without starting an executor for each (the notification's text and the moment it
--   is queued, at commit, are the same);
-- * the common case (the stream exists, is live and has events, the expected version matches, the type's key
--   is known) is one INSERT ... SELECT that reads the head and the stream's last version and writes the event.
--   When it inserts nothing (or the append expects no stream), the call hands its arguments to append_event,
--   whose rules decide everything else as before (a new or revived stream, the checks and refusals, a type
--   looked up or created), so those rules still live in one function.
--
-- The lock stays first and on its own: each statement after it takes a new snapshot (READ COMMITTED, a
-- volatile function), so the INSERT ... SELECT, like the query it stands in for, sees every commit the lock
-- waited for.
--
-- Parameters: the lock's keys, the notification channel, the time in microseconds; the stream, its category
-- and the expected version coded as a number (n, or -1 no stream, -2 any, -3 the stream exists); the event's
-- id, type name, type key (0 when the caller has not seen it committed), schema version, payload, metadata.
-- Returns {outcome, new_version, new_position, type_key}: outcome 0 written (the event's version and
-- position, the type key used), 1 wrong expected version (new_version: the actual one), 2 the stream is
-- tombstoned. Fails with AN001 when a refused append's event id is stored (it may be an exact retry) and
-- with 23505 when an accepted one's is: then it wrote nothing and the caller goes the long way.
CREATE FUNCTION ${flyway:defaultSchema}.append_one_event(
    lock_class     INTEGER,
    lock_key       INTEGER,
    channel        TEXT,
    now_micros     BIGINT,
    stream_name    TEXT,
    category       TEXT,
    expected       BIGINT,
    event_id       UUID,
    type_name      TEXT,
    type_key       BIGINT,
    schema_version INTEGER,
    payload        BYTEA,
    metadata       BYTEA)
RETURNS BIGINT[]
LANGUAGE plpgsql
AS $$
DECLARE
    done         TEXT;
    new_version  BIGINT;
    new_position BIGINT;
    answer       RECORD;
BEGIN
    done := pg_advisory_xact_lock(lock_class, lock_key)::TEXT;
    -- Only a stream with events can take the fast path, so an append that expects no stream does not try.
    IF type_key <> 0 AND expected <> -1 THEN
        -- Never earlier than the last event, so recorded-at times follow positions even if clocks step back.
        INSERT INTO ${flyway:defaultSchema}.events
                (position, stream_id, stream_version, event_id, type_id, schema_version, payload, metadata,
                 recorded_at)
            SELECT COALESCE(last.position, 0) + 1, s.stream_id, v.stream_version + 1, append_one_event.event_id,
                   append_one_event.type_key, append_one_event.schema_version, append_one_event.payload,
                   append_one_event.metadata, GREATEST(COALESCE(last.recorded_at, 0), now_micros)
            FROM ${flyway:defaultSchema}.streams s
            JOIN LATERAL (SELECT e.stream_version FROM ${flyway:defaultSchema}.events e
                          WHERE e.stream_id = s.stream_id ORDER BY e.stream_version DESC LIMIT 1) v ON true
            LEFT JOIN (SELECT e.position, e.recorded_at FROM ${flyway:defaultSchema}.events e
                       ORDER BY e.position DESC LIMIT 1) last ON true
            WHERE s.name = stream_name AND s.deleted = 0
              AND (expected = -2 OR expected = -3 OR expected = v.stream_version)
            RETURNING position, stream_version INTO new_position, new_version;
        IF FOUND THEN
            done := pg_notify(channel, new_position::TEXT)::TEXT;
            RETURN ARRAY[0, new_version, new_position, type_key];
        END IF;
    END IF;
    -- Everything else is append_event's (V10), which takes the lock again (it is the same transaction's): a new
    -- stream, a deleted or empty one, a refusal, a type new to the caller. Called as an expression, not in a
    -- SELECT ... FROM: that costs a handed-on call about 8 µs less.
    answer := ${flyway:defaultSchema}.append_event(lock_class, lock_key, channel, now_micros, stream_name, category,
        expected, event_id, type_name, type_key, schema_version, payload, metadata);
    RETURN ARRAY[answer.outcome, answer.new_version, answer.new_position, answer.type_key];
END;
$$;
