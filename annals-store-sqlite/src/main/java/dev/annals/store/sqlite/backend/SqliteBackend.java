package dev.annals.store.sqlite.backend;

import dev.annals.audit.AuditTrail;
import dev.annals.backend.Access;
import dev.annals.backend.Backend;
import dev.annals.backend.DataDirectory;
import dev.annals.backend.Deployment;
import dev.annals.backend.NoStoreException;
import dev.annals.backend.OpenOptions;
import dev.annals.erasure.MasterKey;
import dev.annals.erasure.SubjectKeyStore;
import dev.annals.projection.ProjectionStates;
import dev.annals.snapshot.SnapshotStore;
import dev.annals.store.EventStore;
import dev.annals.store.jdbc.projection.JdbcReadModels;
import dev.annals.store.jdbc.transfer.StoreTransfer;
import dev.annals.store.sqlite.SqliteEventStore;
import dev.annals.store.sqlite.SqliteProjections;
import dev.annals.store.sqlite.SqliteReadOnlyStore;
import dev.annals.store.sqlite.SqliteSubjectKeys;
import dev.annals.store.sqlite.audit.SqliteAuditTrail;
import dev.annals.store.sqlite.snapshot.SqliteSnapshotStore;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The embedded default as a {@link Backend}: one SQLite file in a data directory, written as
 * {@code sqlite:DIR} or as the directory's path alone. Read-only deployments take no directory lock (and
 * create an empty store when there is none, unless the options say it must exist), so
 * the command line reads beside a server that holds the store open; everything beside the events
 * (projections, snapshots, keys, the audit trail) opens its own connections without the lock too.
 */
public final class SqliteBackend implements Backend {

    private static final String SCHEME = "sqlite:";

    @Override
    public String name() {
        return "SQLite";
    }

    @Override
    public String locationForms() {
        return "a data directory, or sqlite:DIR";
    }

    /** {@code sqlite:DIR}, or anything that has no URL scheme (a directory's path). */
    @Override
    public boolean accepts(String location) {
        return location.startsWith(SCHEME) || !location.matches("^[A-Za-z][A-Za-z0-9+.-]*:.*");
    }

    @Override
    public String describe(String location) {
        return "the SQLite store in " + directory(location);
    }

    @Override
    public Deployment open(String location, OpenOptions options) {
        Path directory = directory(location);
        String description = describe(location);
        if (Files.exists(directory) && !Files.isDirectory(directory)) {
            throw new NoStoreException(description + ": '" + directory + "' is a file, not a directory");
        }
        if (options.mustExist()) {
            if (!Files.isDirectory(directory)) {
                throw new NoStoreException(
                        "no data directory '" + directory + "': nothing has been appended there yet");
            }
            if (!Files.exists(directory.resolve(SqliteEventStore.FILE_NAME))) {
                throw new NoStoreException("no store in data directory '" + directory + "'");
            }
        }
        EventStore store;
        if (options.access() == Access.READ_ONLY) {
            if (!Files.exists(directory.resolve(SqliteEventStore.FILE_NAME))) {
                // Creates the store and its schema, and lets go of its lock at once.
                SqliteEventStore.open(directory).close();
            }
            store = SqliteReadOnlyStore.open(directory);
        } else {
            store = SqliteEventStore.open(directory);
        }
        return Deployment.builder(description, store)
                .capability(ProjectionStates.class, () -> SqliteProjections.states(directory))
                .capability(JdbcReadModels.class, () -> SqliteProjections.readModels(directory))
                .capability(SnapshotStore.class, () -> SqliteSnapshotStore.open(directory))
                .capability(
                        SubjectKeyStore.class,
                        () -> SqliteSubjectKeys.open(directory, options.setting(MasterKey.class)))
                .capability(AuditTrail.class, () -> SqliteAuditTrail.open(directory))
                .capability(StoreTransfer.class, () -> new SqliteTransfer(directory))
                .capability(DataDirectory.class, () -> new DataDirectory(directory))
                .build();
    }

    /** The data directory {@code location} names. */
    public static Path directory(String location) {
        String path = location.startsWith(SCHEME) ? location.substring(SCHEME.length()) : location;
        if (path.isBlank()) {
            throw new IllegalArgumentException("a SQLite store location needs a directory: sqlite:DIR or DIR");
        }
        return Path.of(path);
    }
}
