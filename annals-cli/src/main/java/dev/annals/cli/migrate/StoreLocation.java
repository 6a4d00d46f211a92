package dev.annals.cli.migrate;

import dev.annals.backend.Backends;
import dev.annals.backend.NoStoreException;
import dev.annals.backend.OpenOptions;
import dev.annals.backend.UnknownStoreLocationException;
import dev.annals.cli.BadUsageException;
import dev.annals.cli.RejectedRequestException;
import dev.annals.store.EventStore;
import dev.annals.store.jdbc.migrate.MigrationEnd;
import dev.annals.store.jdbc.transfer.EventImport;
import dev.annals.store.jdbc.transfer.StoreTransfer;
import dev.annals.store.jdbc.transfer.TransferSnapshot;
import java.nio.file.Path;

import static java.util.Objects.requireNonNull;

/**
 * One end of a migration, as {@code --from} and {@code --to} name it: any location a backend takes (a data
 * directory, {@code postgresql://...}), opened through the backend seam. Both ends are opened read-only,
 * without a writer of their own: the source is read beside its applications, and the target is written
 * only by the bulk import.
 *
 * @param backends the installed backends
 * @param location the location as given
 */
record StoreLocation(Backends backends, String location) implements MigrationEnd {

    /** {@code text} on the installed backends. */
    static StoreLocation parse(String text) {
        return parse(Backends.installed(), text);
    }

    /** Checks that a backend takes {@code text}. */
    static StoreLocation parse(Backends backends, String text) {
        requireNonNull(text, "text");
        if (text.isBlank()) {
            throw new BadUsageException("a store location must be a data directory or a postgresql:// address");
        }
        try {
            backends.forLocation(text);
        } catch (UnknownStoreLocationException e) {
            throw new BadUsageException(e.getMessage());
        }
        return new StoreLocation(backends, text);
    }

    /** The same location written alike: a directory's absolute, normalised path; others as they are. */
    StoreLocation normalized() {
        if (location.matches("^[A-Za-z][A-Za-z0-9+.-]*:.*") && !location.startsWith("sqlite:")) {
            return this;
        }
        String path = location.startsWith("sqlite:") ? location.substring("sqlite:".length()) : location;
        return new StoreLocation(
                backends, Path.of(path).toAbsolutePath().normalize().toString());
    }

    /**
     * Opens the store to read from; it must exist.
     *
     * @throws RejectedRequestException when the location holds no store
     */
    @Override
    public EventStore openExisting() {
        return open(OpenOptions.readOnly());
    }

    /** Opens the store, creating it when absent, to read from. */
    @Override
    public EventStore open() {
        return open(OpenOptions.readOnly().withMustExist(false));
    }

    /** Opens the bulk write path into the store, creating it when absent. */
    @Override
    public EventImport openImport() {
        try (var deployment = backends.open(location, OpenOptions.readOnly().withMustExist(false))) {
            return deployment.require(StoreTransfer.class, "bulk import").openImport();
        }
    }

    /**
     * Checks that the store takes a bulk import, before anything is copied: a store that cannot (a server
     * over HTTP) is refused for what it is, not for what it holds.
     *
     * @throws dev.annals.backend.UnsupportedCapabilityException when its backend has no bulk import
     */
    void requireImport() {
        try (var deployment = backends.open(location, OpenOptions.readOnly().withMustExist(false))) {
            deployment.require(StoreTransfer.class, "bulk import");
        }
    }

    /** The store's head position, stream marks and subject keys, read at once; the store must exist. */
    @Override
    public TransferSnapshot snapshot() {
        try (var deployment = backends.open(location, OpenOptions.readOnly())) {
            return deployment
                    .require(StoreTransfer.class, "stream marks and keys")
                    .snapshot();
        } catch (NoStoreException e) {
            throw new RejectedRequestException(e.getMessage());
        }
    }

    private EventStore open(OpenOptions options) {
        try {
            return backends.open(location, options).store();
        } catch (NoStoreException e) {
            throw new RejectedRequestException(e.getMessage());
        }
    }

    @Override
    public String toString() {
        return backends.forLocation(location).describe(location);
    }
}
