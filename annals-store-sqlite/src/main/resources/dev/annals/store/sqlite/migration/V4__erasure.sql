-- Erasure (docs/adr/0010 and 0011): each stream's deletion marks, and the subjects' data keys for
-- crypto-shredding (a forgotten subject keeps its row, without a key).
ALTER TABLE streams ADD COLUMN truncate_before INTEGER NOT NULL DEFAULT 0;
ALTER TABLE streams ADD COLUMN deleted INTEGER NOT NULL DEFAULT 0;
CREATE TABLE subject_keys (subject TEXT PRIMARY KEY, data_key BLOB, created_at INTEGER NOT NULL,
    forgotten_at INTEGER);
PRAGMA user_version = 4;
