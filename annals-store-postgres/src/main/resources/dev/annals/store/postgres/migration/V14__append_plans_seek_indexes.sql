-- The append functions plan without sequential scans (docs/adr/0052). PL/pgSQL keeps a statement's plan for
-- the life of the connection, and append_group plans once and for all (plan_cache_mode =
-- force_generic_plan, V7): its first call on a new store, whose tables are empty, chose a sequential scan of
-- the events table for the refused appends' ids, and every later group that refused an append read the whole
-- table again, until PostgreSQL's next ANALYZE of it (a contended run on a new schema: 700 events/s against
-- 6,000 on a warm one). With sequential scans off every statement of these functions takes the index it has
-- on any table size; a table without a usable index is still scanned, as before.
--
-- The lone event's functions (V10, V12) are left without a SET clause: their scalar look-ups take the
-- unique indexes even on empty tables, and a SET clause costs a save and restore of the setting per call.

ALTER FUNCTION ${flyway:defaultSchema}.append_group(
    INTEGER, INTEGER, TEXT, BIGINT, TEXT[], TEXT[], BIGINT[], INTEGER[], INTEGER[], UUID[], TEXT[], BIGINT[],
    INTEGER[], BYTEA[], BYTEA[])
    SET enable_seqscan = off;

ALTER FUNCTION ${flyway:defaultSchema}.append_group(
    INTEGER, INTEGER, TEXT, BIGINT, TEXT[], TEXT[], BIGINT[], INTEGER[], INTEGER[], UUID[], TEXT[], BIGINT[],
    INTEGER[], BYTEA[], BYTEA[], UUID[])
    SET enable_seqscan = off;
