package dev.annals.store.sqlite;

import dev.annals.store.EventStore;

import java.nio.file.Path;

/** The embedded default store: one SQLite file under a data directory. (API placeholder; being built.) */
public abstract class SqliteEventStore implements EventStore {

    /** Opens, creating when absent, the store in {@code dataDirectory} (file {@code annals.db}). */
    public static SqliteEventStore open(Path dataDirectory) {
        return open(dataDirectory, SqliteOptions.defaults());
    }

    /** Opens the store in {@code dataDirectory} with the given options. */
    public static SqliteEventStore open(Path dataDirectory, SqliteOptions options) {
        throw new IllegalStateException("the SQLite store is being built");
    }
}
