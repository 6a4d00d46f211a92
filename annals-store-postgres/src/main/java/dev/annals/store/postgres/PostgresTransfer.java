package dev.annals.store.postgres;

import dev.annals.backend.UnsupportedCapabilityException;
import dev.annals.event.RecordedEvent;
import dev.annals.store.jdbc.transfer.ErasureState;
import dev.annals.store.jdbc.transfer.EventImport;
import dev.annals.store.jdbc.transfer.StoreTransfer;
import dev.annals.store.jdbc.transfer.TransferSnapshot;
import java.util.Iterator;
import java.util.function.Supplier;

/** The PostgreSQL store's bulk paths, each on a plain connection of its own (no pool). */
record PostgresTransfer(PostgresAddress address) implements StoreTransfer {

    @Override
    public TransferSnapshot snapshot() {
        return PostgresImport.snapshot(address);
    }

    @Override
    public EventImport openImport() {
        return PostgresImport.batches(address);
    }

    /** Export files are imported into the embedded store; {@code annals migrate} fills a PostgreSQL store. */
    @Override
    public long importAll(Iterator<RecordedEvent> events, Supplier<ErasureState> afterEvents) {
        throw new UnsupportedCapabilityException(
                "the PostgreSQL store at " + address,
                "import of export files (import into a data directory, then annals migrate it)");
    }
}
