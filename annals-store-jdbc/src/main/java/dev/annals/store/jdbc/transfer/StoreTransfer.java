package dev.annals.store.jdbc.transfer;

import dev.annals.event.RecordedEvent;
import java.util.Iterator;
import java.util.function.Supplier;

/**
 * A SQL store's bulk paths, as a capability of its deployment: what {@code annals export}, {@code import}
 * and {@code migrate} use to copy a store whole, marks and keys included. Each call opens what it needs
 * and holds nothing of the deployment's, so it may outlive the deployment that gave it.
 */
public interface StoreTransfer {

    /** The store's head position, stream marks and subject keys, read in one transaction; the store must exist. */
    TransferSnapshot snapshot();

    /**
     * Batches of events into the store, each batch one transaction, continuing after what it holds: the write
     * path of a migration. Creates the store when absent. No writer of the store may be open. Close it when done.
     */
    EventImport openImport();

    /**
     * Writes {@code events}, then the marks and keys {@code afterEvents} gives once they are read, into the
     * empty store in one transaction: all or nothing.
     *
     * @return how many events were written
     * @throws ImportRejectedException when the store is not empty or the input breaks a rule; nothing is written
     * @throws dev.annals.backend.UnsupportedCapabilityException when this backend imports only batch by batch
     */
    long importAll(Iterator<RecordedEvent> events, Supplier<ErasureState> afterEvents);
}
