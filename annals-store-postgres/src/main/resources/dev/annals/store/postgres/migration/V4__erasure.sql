-- Erasure (docs/erasure.md): the deletion marks of each stream (docs/adr/0011) and the subjects' data keys
-- for crypto-shredding (docs/adr/0010). Numbered 7 to leave 3 to 6 to migrations written alongside.
ALTER TABLE streams ADD COLUMN truncate_before BIGINT  NOT NULL DEFAULT 0;
-- 0: live, 1: soft-deleted, 2: tombstoned.
ALTER TABLE streams ADD COLUMN deleted         INTEGER NOT NULL DEFAULT 0;

-- A forgotten subject keeps its row with a NULL key, so that no new key is ever made for it.
CREATE TABLE subject_keys (
    subject      TEXT   PRIMARY KEY,
    data_key     BYTEA,
    created_at   BIGINT NOT NULL,
    forgotten_at BIGINT
);
