package dev.annals.store.sqlite.backend;

import dev.annals.event.RecordedEvent;
import dev.annals.store.jdbc.transfer.ErasureState;
import dev.annals.store.jdbc.transfer.EventImport;
import dev.annals.store.jdbc.transfer.StoreTransfer;
import dev.annals.store.jdbc.transfer.TransferSnapshot;
import dev.annals.store.sqlite.transfer.SqliteImport;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.function.Supplier;

/** The embedded store's bulk paths, each on a connection of its own. */
record SqliteTransfer(Path directory) implements StoreTransfer {

    @Override
    public TransferSnapshot snapshot() {
        return SqliteImport.snapshot(directory);
    }

    @Override
    public EventImport openImport() {
        return SqliteImport.batches(directory);
    }

    @Override
    public long importAll(Iterator<RecordedEvent> events, Supplier<ErasureState> afterEvents) {
        return SqliteImport.into(directory, events, afterEvents);
    }
}
