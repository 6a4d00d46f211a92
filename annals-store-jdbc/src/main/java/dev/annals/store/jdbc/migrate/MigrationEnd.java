package dev.annals.store.jdbc.migrate;

import dev.annals.store.EventStore;
import dev.annals.store.jdbc.transfer.EventImport;
import dev.annals.store.jdbc.transfer.TransferSnapshot;

/**
 * One end of a {@link Migration}: a store the caller knows how to open (the command line opens it through the
 * backend seam). Each call opens anew and the caller closes what it got, so a migration holds neither end
 * open between its steps.
 *
 * <p>{@link #toString()} names the store for people (in messages and logs); it must not carry a secret.
 */
public interface MigrationEnd {

    /**
     * Opens the store to read from; it must exist.
     *
     * @throws RuntimeException of the caller's choosing when there is no store at this end
     */
    EventStore openExisting();

    /** Opens the store to read from, creating it when absent. */
    EventStore open();

    /** Opens the bulk write path into the store, creating it when absent. */
    EventImport openImport();

    /** The store's head position, stream marks and subject keys, read in one transaction; the store must exist. */
    TransferSnapshot snapshot();
}
