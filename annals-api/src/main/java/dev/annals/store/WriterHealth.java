package dev.annals.store;

import java.util.Optional;

/**
 * An optional capability of a store: telling whether it can write now, for readiness probes.
 *
 * <p>A store that failed to write because of its storage ({@link StoreUnavailableException}) reports the
 * fault until a write succeeds again; asking may itself try the storage (open a connection, check free
 * space), so that a store nobody appends to is reported ready again once the fault has cleared.
 */
public interface WriterHealth {

    /** Empty when the store can write as far as it knows; otherwise why it cannot. Never throws. */
    Optional<StoreUnavailableException> writeFault();
}
