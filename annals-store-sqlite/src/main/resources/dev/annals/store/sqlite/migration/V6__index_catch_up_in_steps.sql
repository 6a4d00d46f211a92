-- Version 6 changes no table. It marks files whose stream index may hold entries past indexed_through: the
-- writer now indexes a batch of the tail in steps, one per group commit, and moves indexed_through with the
-- last step (docs/adr/0015). A version-5 Annals would read such entries twice, and its catch-up at open
-- would stop on the primary key; the newer version makes it refuse the file with a clear message instead.
PRAGMA user_version = 6;
