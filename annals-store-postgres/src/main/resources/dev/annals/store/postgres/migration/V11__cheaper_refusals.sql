-- The append function of V9 with a cheaper check of its refused appends. Whether a refused append may be an
-- exact retry was asked by one statement whose every row ran two subqueries: an index probe of the log and a
-- scan of the call's own ids (64 by 64 rows in a group of 64 racing appends). It is now one probe of the
-- event-id index for all refused ids (= ANY) and one overlap test (&&) with the ids of the accepted appends;
-- the stream to name is looked for only when the call fails. An id shared with an accepted append later in
-- the group, which V9 left to the unique index (23505), now fails the call with AN001: both take the long way,
-- which decides the outcomes anew (docs/adr/0042).
--
-- Parameters and outcomes are those of V8 (see V8__leaner_append_function.sql).

CREATE OR REPLACE FUNCTION ${flyway:defaultSchema}.append_group(
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
    retried         TEXT;
    refused_ids     UUID[];
    accepted_ids    UUID[];
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
            -- Whether it may be an exact retry is asked once for all refused appends, after the loop.
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
    IF 1 = ANY(outcomes) THEN
        SELECT array_agg(u.id) FILTER (WHERE outcomes[u.a] = 1), array_agg(u.id) FILTER (WHERE accepted[u.a])
            INTO refused_ids, accepted_ids
            FROM unnest(event_ids, event_appends) AS u(id, a);
        IF refused_ids && COALESCE(accepted_ids, '{}')
           OR EXISTS (SELECT 1 FROM ${flyway:defaultSchema}.events e WHERE e.event_id = ANY(refused_ids)) THEN
            SELECT stream_names[u.a] INTO retried
                FROM unnest(event_ids, event_appends) AS u(id, a)
                WHERE u.id = ANY(refused_ids) ORDER BY u.a LIMIT 1;
            RAISE EXCEPTION 'an event id of a refused append to stream % may be stored', retried
                USING ERRCODE = 'AN001';
        END IF;
    END IF;
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
