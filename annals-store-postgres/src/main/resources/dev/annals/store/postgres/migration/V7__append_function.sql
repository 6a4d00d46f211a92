-- A whole group commit's appends in one call (docs/adr/0041): the append lock, the expected-version checks,
-- the new streams and event types, the events and the head's notification, in the caller's transaction.
-- Called in auto-commit, the group costs one round trip where the statements one by one cost six.
--
-- Appends are given as parallel arrays, one element per append: the stream, its category, the expected
-- version (n >= 0: exactly n; -1: no stream; -2: any; -3: the stream exists) and the number of events.
-- Events are given as parallel arrays too, in the appends' order, each with the 1-based index of its append.
--
-- Returns one element per append: outcome 0 (written: version and position are the stream's new version and
-- the append's last position), 1 (wrong expected version: version is the stream's actual version) or 2 (the
-- stream is tombstoned). An append whose version does not match but some of whose event ids are stored (in
-- the log or earlier in this group) may be an exact retry: the call then fails with SQLSTATE AN001, as it
-- fails with 23505 when an append that matches reuses a stored id, and the caller writes the group again
-- the long way, which tells a retry from a conflict.
CREATE FUNCTION ${flyway:defaultSchema}.append_group(
    lock_class      INTEGER,
    lock_key        INTEGER,
    channel         TEXT,
    now_micros      BIGINT,
    stream_names    TEXT[],
    categories      TEXT[],
    expected        BIGINT[],
    event_counts    INTEGER[],
    event_appends   INTEGER[],
    event_ids       UUID[],
    type_names      TEXT[],
    schema_versions INTEGER[],
    payloads        BYTEA[],
    metadatas       BYTEA[],
    OUT outcomes    INTEGER[],
    OUT versions    BIGINT[],
    OUT positions   BIGINT[])
-- Planning its statements anew on each call cost more than running them (about 0.4 ms each for the two
-- largest, measured with EXPLAIN ANALYZE): their plans do not depend on the arrays' contents, so the call
-- keeps one generic plan per statement for the session.
LANGUAGE plpgsql
SET plan_cache_mode = force_generic_plan
AS $$
DECLARE
    appends        INTEGER := cardinality(stream_names);
    head           BIGINT;
    recorded       BIGINT;
    known_names    TEXT[];
    known_keys     BIGINT[];
    known_versions BIGINT[];
    known_states   INTEGER[];
    new_keys       BIGINT[] := '{}';
    new_names      TEXT[] := '{}';
    new_categories TEXT[] := '{}';
    revived        BIGINT[] := '{}';
    accepted       BOOLEAN[];
    append_keys    BIGINT[];
    first_versions BIGINT[];
    first_positions BIGINT[];
    next_key       BIGINT := 0;
    k              INTEGER;
    actual         BIGINT;
    wanted         BIGINT;
BEGIN
    -- Each statement below takes a new snapshot (READ COMMITTED, a volatile function), so the ones after the
    -- lock see every commit that the lock waited for.
    PERFORM pg_advisory_xact_lock(lock_class, lock_key);
    SELECT last.position, last.recorded_at, known.names, known.keys, known.versions, known.states
        INTO head, recorded, known_names, known_keys, known_versions, known_states
        FROM (SELECT array_agg(s.name) AS names, array_agg(s.stream_id) AS keys,
                     array_agg(COALESCE((SELECT MAX(e.stream_version) FROM ${flyway:defaultSchema}.events e
                                         WHERE e.stream_id = s.stream_id), -1)) AS versions,
                     array_agg(s.deleted) AS states
              FROM ${flyway:defaultSchema}.streams s WHERE s.name = ANY(stream_names)) known
        LEFT JOIN (SELECT e.position, e.recorded_at FROM ${flyway:defaultSchema}.events e
                   ORDER BY e.position DESC LIMIT 1) last ON true;
    head := COALESCE(head, 0);
    -- Never earlier than the last event, so recorded-at times follow positions even if clocks step back.
    recorded := GREATEST(COALESCE(recorded, 0), now_micros);
    known_names := COALESCE(known_names, '{}');
    outcomes := array_fill(0, ARRAY[appends]);
    versions := array_fill(0::BIGINT, ARRAY[appends]);
    positions := array_fill(0::BIGINT, ARRAY[appends]);
    accepted := array_fill(false, ARRAY[appends]);
    append_keys := array_fill(0::BIGINT, ARRAY[appends]);
    first_versions := array_fill(0::BIGINT, ARRAY[appends]);
    first_positions := array_fill(0::BIGINT, ARRAY[appends]);
    FOR i IN 1 .. appends LOOP
        k := array_position(known_names, stream_names[i]);
        IF k IS NOT NULL AND known_states[k] = 2 THEN
            outcomes[i] := 2;
            CONTINUE;
        END IF;
        -- A soft-deleted stream counts as no stream; its versions go on from its last one.
        actual := CASE WHEN k IS NULL OR known_states[k] = 1 THEN -1 ELSE known_versions[k] END;
        wanted := expected[i];
        IF NOT (wanted = -2 OR (wanted = -3 AND actual <> -1) OR wanted = actual) THEN
            IF EXISTS (SELECT 1 FROM unnest(event_ids, event_appends) AS mine(id, a)
                       WHERE mine.a = i
                         AND (EXISTS (SELECT 1 FROM ${flyway:defaultSchema}.events e WHERE e.event_id = mine.id)
                              OR EXISTS (SELECT 1 FROM unnest(event_ids, event_appends) AS other(id, a)
                                         WHERE other.id = mine.id AND other.a < i AND accepted[other.a])))
            THEN
                RAISE EXCEPTION 'an event id of a refused append to stream % is stored', stream_names[i]
                    USING ERRCODE = 'AN001';
            END IF;
            outcomes[i] := 1;
            versions[i] := actual;
            CONTINUE;
        END IF;
        IF k IS NULL THEN
            IF next_key = 0 THEN
                SELECT COALESCE(MAX(s.stream_id), 0) INTO next_key FROM ${flyway:defaultSchema}.streams s;
            END IF;
            next_key := next_key + 1;
            known_names := known_names || stream_names[i];
            known_keys := known_keys || next_key;
            known_versions := known_versions || (-1)::BIGINT;
            known_states := known_states || 0;
            k := cardinality(known_names);
            new_keys := new_keys || next_key;
            new_names := new_names || stream_names[i];
            new_categories := new_categories || categories[i];
        ELSIF known_states[k] = 1 THEN
            known_states[k] := 0;
            revived := revived || known_keys[k];
        END IF;
        accepted[i] := true;
        append_keys[i] := known_keys[k];
        first_versions[i] := known_versions[k] + 1;
        first_positions[i] := head + 1;
        known_versions[k] := known_versions[k] + event_counts[i];
        head := head + event_counts[i];
        versions[i] := known_versions[k];
        positions[i] := head;
    END LOOP;
    IF NOT (true = ANY(accepted)) THEN
        RETURN;
    END IF;
    IF cardinality(new_keys) > 0 THEN
        INSERT INTO ${flyway:defaultSchema}.streams (stream_id, name, category)
            SELECT * FROM unnest(new_keys, new_names, new_categories);
    END IF;
    IF cardinality(revived) > 0 THEN
        UPDATE ${flyway:defaultSchema}.streams SET deleted = 0 WHERE stream_id = ANY(revived);
    END IF;
    -- One statement: event types new to the store get the next keys in the order of their first event.
    WITH written AS (
            SELECT u.*, row_number() OVER (PARTITION BY u.a ORDER BY u.n) - 1 AS nth
            FROM unnest(event_appends, event_ids, type_names, schema_versions, payloads, metadatas)
                 WITH ORDINALITY AS u(a, id, type_name, schema_version, payload, metadata, n)
            WHERE accepted[u.a]),
        known AS (
            SELECT t.type_id, t.name FROM ${flyway:defaultSchema}.event_types t
            WHERE t.name IN (SELECT w.type_name FROM written w)),
        created AS (
            INSERT INTO ${flyway:defaultSchema}.event_types (type_id, name)
            SELECT (SELECT COALESCE(MAX(t.type_id), 0) FROM ${flyway:defaultSchema}.event_types t)
                       + row_number() OVER (ORDER BY MIN(w.n)),
                   w.type_name
            FROM written w WHERE w.type_name NOT IN (SELECT k.name FROM known k)
            GROUP BY w.type_name
            RETURNING type_id, name),
        types AS (SELECT * FROM known UNION ALL SELECT * FROM created)
    INSERT INTO ${flyway:defaultSchema}.events
            (position, stream_id, stream_version, event_id, type_id, schema_version, payload, metadata, recorded_at)
        SELECT first_positions[w.a] + w.nth, append_keys[w.a], first_versions[w.a] + w.nth, w.id, t.type_id,
               w.schema_version, w.payload, w.metadata, recorded
        FROM written w JOIN types t ON t.name = w.type_name
        ORDER BY w.n;
    PERFORM pg_notify(channel, head::TEXT);
END;
$$;
