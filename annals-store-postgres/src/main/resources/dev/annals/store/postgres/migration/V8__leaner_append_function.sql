-- The append function of V7, leaner per call (docs/adr/0041, "Amendment: a leaner call"): the same rules
-- and outcomes, with fewer and simpler statements for the executor to start on every call.
--
-- * Event types come as keys where the caller knows them (type_keys; 0 where it does not): types are never
--   renamed or removed, so a key the caller saw committed stays right. Only unknown names are looked up,
--   and only those not found are created. The keys used are returned (0 for events not written), so that
--   the caller learns the ones it did not know.
-- * The events are inserted straight from the arrays: each event's position and version are its append's
--   first ones plus its place in the append (events come in the appends' order), which needs no window
--   function, sort or join.
-- * It keeps V7's generic plans (plan_cache_mode): without them the server planned the head-and-streams
--   query anew on each call, which measured 35-40% more of the server's CPU per call than with them.
--
-- Parameters and outcomes are those of V7 (see V7__append_function.sql), plus type_keys in and out.
DROP FUNCTION ${flyway:defaultSchema}.append_group(
    INTEGER, INTEGER, TEXT, BIGINT, TEXT[], TEXT[], BIGINT[], INTEGER[], INTEGER[], UUID[], TEXT[], INTEGER[],
    BYTEA[], BYTEA[]);

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
    INOUT type_keys BIGINT[],
    schema_versions INTEGER[],
    payloads        BYTEA[],
    metadatas       BYTEA[],
    OUT outcomes    INTEGER[],
    OUT versions    BIGINT[],
    OUT positions   BIGINT[])
LANGUAGE plpgsql
SET plan_cache_mode = force_generic_plan
AS $$
DECLARE
    appends         INTEGER := cardinality(stream_names);
    head            BIGINT;
    recorded        BIGINT;
    known_names     TEXT[];
    known_keys      BIGINT[];
    known_versions  BIGINT[];
    known_states    INTEGER[];
    new_keys        BIGINT[] := '{}';
    new_names       TEXT[] := '{}';
    new_categories  TEXT[] := '{}';
    revived         BIGINT[] := '{}';
    accepted        BOOLEAN[];
    any_accepted    BOOLEAN := false;
    append_keys     BIGINT[];
    first_versions  BIGINT[];
    first_positions BIGINT[];
    first_events    INTEGER[];
    next_event      INTEGER := 1;
    next_key        BIGINT := 0;
    k               INTEGER;
    actual          BIGINT;
    wanted          BIGINT;
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
    first_events := array_fill(0, ARRAY[appends]);
    FOR i IN 1 .. appends LOOP
        first_events[i] := next_event;
        next_event := next_event + event_counts[i];
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
        any_accepted := true;
        append_keys[i] := known_keys[k];
        first_versions[i] := known_versions[k] + 1;
        first_positions[i] := head + 1;
        known_versions[k] := known_versions[k] + event_counts[i];
        head := head + event_counts[i];
        versions[i] := known_versions[k];
        positions[i] := head;
    END LOOP;
    IF NOT any_accepted THEN
        type_keys := array_fill(0::BIGINT, ARRAY[cardinality(event_ids)]);
        RETURN;
    END IF;
    IF cardinality(new_keys) > 0 THEN
        INSERT INTO ${flyway:defaultSchema}.streams (stream_id, name, category)
            SELECT * FROM unnest(new_keys, new_names, new_categories);
    END IF;
    IF cardinality(revived) > 0 THEN
        UPDATE ${flyway:defaultSchema}.streams SET deleted = 0 WHERE stream_id = ANY(revived);
    END IF;
    IF 0 = ANY(type_keys) THEN
        type_keys := ${flyway:defaultSchema}.event_type_keys(type_names, type_keys, event_appends, accepted);
    END IF;
    INSERT INTO ${flyway:defaultSchema}.events
            (position, stream_id, stream_version, event_id, type_id, schema_version, payload, metadata, recorded_at)
        SELECT first_positions[u.a] + (u.n - first_events[u.a]), append_keys[u.a],
               first_versions[u.a] + (u.n - first_events[u.a]), u.id, u.type_key, u.schema_version, u.payload,
               u.metadata, recorded
        FROM unnest(event_appends, event_ids, type_keys, schema_versions, payloads, metadatas)
             WITH ORDINALITY AS u(a, id, type_key, schema_version, payload, metadata, n)
        WHERE accepted[u.a];
    PERFORM pg_notify(channel, head::TEXT);
END;
$$;

-- The keys of the events' types, for the events of accepted appends (0 for the others): those given (more
-- than 0), those stored, and for names new to the store the next keys, in the order of their first event.
-- Called by append_group, holding the append lock, only when a key was not given.
CREATE FUNCTION ${flyway:defaultSchema}.event_type_keys(
    type_names TEXT[], type_keys BIGINT[], event_appends INTEGER[], accepted BOOLEAN[])
RETURNS BIGINT[]
LANGUAGE plpgsql
AS $$
DECLARE
    keys      BIGINT[];
    new_names TEXT[] := '{}';
    new_keys  BIGINT[] := '{}';
    next_key  BIGINT := 0;
    k         INTEGER;
BEGIN
    SELECT array_agg(CASE WHEN NOT accepted[u.a] THEN 0 ELSE COALESCE(NULLIF(u.given, 0), t.type_id, 0) END
                     ORDER BY u.n)
        INTO keys
        FROM unnest(type_names, type_keys, event_appends) WITH ORDINALITY AS u(name, given, a, n)
        LEFT JOIN ${flyway:defaultSchema}.event_types t ON t.name = u.name AND u.given = 0;
    FOR j IN 1 .. cardinality(keys) LOOP
        IF keys[j] = 0 AND accepted[event_appends[j]] THEN
            k := array_position(new_names, type_names[j]);
            IF k IS NULL THEN
                IF next_key = 0 THEN
                    SELECT COALESCE(MAX(t.type_id), 0) INTO next_key FROM ${flyway:defaultSchema}.event_types t;
                END IF;
                next_key := next_key + 1;
                new_names := new_names || type_names[j];
                new_keys := new_keys || next_key;
                k := cardinality(new_names);
            END IF;
            keys[j] := new_keys[k];
        END IF;
    END LOOP;
    IF cardinality(new_names) > 0 THEN
        INSERT INTO ${flyway:defaultSchema}.event_types (type_id, name) SELECT * FROM unnest(new_keys, new_names);
    END IF;
    RETURN keys;
END;
$$;
