package dev.annals.cli;

import dev.annals.store.EventStore;
import dev.annals.store.postgres.PostgresAddress;
import dev.annals.store.postgres.PostgresEventStore;
import dev.annals.store.sqlite.SqliteEventStore;
import dev.annals.store.sqlite.SqliteReadOnlyStore;

import java.nio.file.Path;

import static java.util.Objects.requireNonNull;

/** Opens the event store that the commands work on; tests substitute their own. */
public interface StoreOpener {

    /** Opens, creating when absent, the store in {@code dataDirectory}. The caller closes it. */
    EventStore open(Path dataDirectory);

    /**
     * Opens the existing store in {@code dataDirectory} for reads only, beside a process that holds it open
     * for writing (a running server). By default the same as {@link #open}; the SQLite store opens read-only,
     * without its directory lock. The caller closes it and never appends to it.
     */
    default EventStore openForReading(Path dataDirectory) {
        return open(dataDirectory);
    }

    /** What kind of store this opens, for people: {@code SQLite store}. */
    default String name() {
        return "event store";
    }

    /** The embedded default: the SQLite store. */
    static StoreOpener sqlite() {
        return new StoreOpener() {
            @Override
            public EventStore open(Path dataDirectory) {
                return SqliteEventStore.open(dataDirectory);
            }

            @Override
            public EventStore openForReading(Path dataDirectory) {
                return SqliteReadOnlyStore.open(dataDirectory);
            }

            @Override
            public String name() {
                return "SQLite store";
            }
        };
    }

    /** The PostgreSQL store at {@code address}; the data directory is not used. */
    static StoreOpener postgres(PostgresAddress address) {
        requireNonNull(address, "address");
        return named("PostgreSQL store", directory -> PostgresEventStore.open(address));
    }

    /** An opener with the given name. */
    static StoreOpener named(String name, StoreOpener opener) {
        requireNonNull(name, "name");
        requireNonNull(opener, "opener");
        return new StoreOpener() {
            @Override
            public EventStore open(Path dataDirectory) {
                return opener.open(dataDirectory);
            }

            @Override
            public String name() {
                return name;
            }
        };
    }
}
