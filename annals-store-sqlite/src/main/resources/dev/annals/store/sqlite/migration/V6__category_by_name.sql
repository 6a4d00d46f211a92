-- A category's streams are found through the unique index on names (SqliteDialect.readPage; docs/adr/0048):
-- every new stream no longer pays an insert into a second index.
DROP INDEX IF EXISTS streams_by_category;
PRAGMA user_version = 6;
