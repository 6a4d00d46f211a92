-- A group call that leaves out the racers it need not send (docs/adr/0042, "Amendment: repeated racers are
-- not sent"). When many writers race on one stream, most appends of a group repeat an earlier one: the same
-- stream and the same exact (or no-stream) expectation, with nothing else of that stream between them. Such an
-- append is refused whatever happens to the one it repeats (that one either moves the stream past the version
-- both expect or is refused because the stream is not there), so the caller judges it from the earlier one's
-- outcome and sends only its event ids, for the one check only the server can make: whether an id of it is
-- stored already (it may be an exact retry) or is among the ids the call writes. Either fails the call with
-- AN001, having written nothing, and the caller takes the long way as for V11's own check.
--
-- This overload takes V11's parameters and the repeated appends' ids; it takes the lock, makes that check under
-- it and hands the rest to V11's function, whose rules stay in one place (it takes the same lock again, which
-- a transaction may). A process of an earlier build goes on calling V11's function unchanged.
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
    repeated_ids    UUID[],
    OUT outcomes    INTEGER[],
    OUT versions    BIGINT[],
    OUT positions   BIGINT[])
LANGUAGE plpgsql
AS $$
BEGIN
    -- The statement after the lock takes a new snapshot (READ COMMITTED, a volatile function): it sees every
    -- commit the lock waited for.
    PERFORM pg_advisory_xact_lock(lock_class, lock_key);
    IF repeated_ids && event_ids
       OR EXISTS (SELECT 1 FROM ${flyway:defaultSchema}.events e WHERE e.event_id = ANY(repeated_ids)) THEN
        RAISE EXCEPTION 'an event id of a repeated racer may be stored' USING ERRCODE = 'AN001';
    END IF;
    SELECT g.type_keys, g.outcomes, g.versions, g.positions INTO type_keys, outcomes, versions, positions
        FROM ${flyway:defaultSchema}.append_group(lock_class, lock_key, channel, now_micros, stream_names,
                categories, expected, event_counts, event_appends, event_ids, type_names, type_keys,
                schema_versions, payloads, metadatas) AS g;
END;
$$;
