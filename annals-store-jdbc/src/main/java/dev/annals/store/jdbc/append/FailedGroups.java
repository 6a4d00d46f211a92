package dev.annals.store.jdbc.append;

import dev.annals.store.StoreUnavailableException;
import java.util.List;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How {@link GroupCommit} completes the appends of a group whose transaction failed as a whole
 * (docs/adr/0017): looked up by event id when the commit's outcome is unknown, written again one by one
 * when the database refused for a cause that may be one append's, failed together on a storage fault.
 * Runs under the group commit's lock, like the batch it resolves.
 */
final class FailedGroups {

    private static final Logger LOG = LoggerFactory.getLogger(FailedGroups.class);

    private final String database;
    private final BatchWriter batchWriter;
    /** Told each storage fault an append failed with, and null when a write succeeded. */
    private final Consumer<StoreUnavailableException> faults;

    FailedGroups(String database, BatchWriter batchWriter, Consumer<StoreUnavailableException> faults) {
        this.database = database;
        this.batchWriter = batchWriter;
        this.faults = faults;
    }

    /**
     * Completes each append of a group whose transaction failed. After a commit of unknown outcome each is
     * first looked up by its event ids. Then, when the database refused for a cause of its own that may be
     * one append's (no storage fault), each append not found is written alone, so that only the poisoned
     * one fails; after a storage fault (disk full, database unreachable), which no append causes, each fails
     * with it at once instead of waiting for the same fault once per append.
     */
    void resolve(List<PendingAppend> batch, BatchFailure failure) {
        recordFault(failure);
        boolean canLookUp = true;
        for (PendingAppend append : batch) {
            if (failure.outcomeUnknown()) {
                if (!canLookUp || append.change().isPresent()) {
                    append.failUnknown(failure.reason(), failure.getCause());
                    continue;
                }
                var found = lookUp(append);
                if (found == LookUp.COMPLETED) {
                    continue;
                }
                if (found == LookUp.FAILED) {
                    canLookUp = false;
                    append.failUnknown(failure.reason(), failure.getCause());
                    continue;
                }
            }
            if (failure.reason().isPresent()) {
                fail(append, new BatchFailure(failure.reason(), false, failure.getCause()));
            } else {
                writeAlone(append);
            }
        }
    }

    /** Writes {@code append} as a batch of its own; a commit of unknown outcome is resolved by look-up. */
    private void writeAlone(PendingAppend append) {
        try {
            batchWriter.write(List.of(append));
            faults.accept(null);
        } catch (BatchFailure failure) {
            recordFault(failure);
            if (!failure.outcomeUnknown()) {
                fail(append, failure);
            } else if (append.change().isPresent()) {
                append.failUnknown(failure.reason(), failure.getCause());
            } else {
                var found = lookUp(append);
                if (found == LookUp.NOT_STORED) {
                    fail(append, new BatchFailure(failure.reason(), false, failure.getCause()));
                } else if (found == LookUp.FAILED) {
                    append.failUnknown(failure.reason(), failure.getCause());
                }
            }
        }
    }

    /** What looking an append up by its event ids did. */
    private enum LookUp {
        /** Its events were found and it is acknowledged, or refused as a conflicting reuse of ids. */
        COMPLETED,
        /** None of its events is stored: it was not written. */
        NOT_STORED,
        /** The database could not answer; the append is not completed. */
        FAILED
    }

    private LookUp lookUp(PendingAppend append) {
        try {
            var stored = batchWriter.lookUp(append);
            if (stored.isEmpty()) {
                return LookUp.NOT_STORED;
            }
            LOG.info("append to stream '{}' was written by a commit whose outcome was unknown", append.stream());
            append.acknowledge(stored.get());
            return LookUp.COMPLETED;
        } catch (BatchFailure failure) {
            LOG.warn(
                    "looking up the events of an append to stream '{}' in {} failed: {}",
                    append.stream(),
                    database,
                    failure.getMessage());
            recordFault(failure);
            return LookUp.FAILED;
        } catch (RuntimeException refused) {
            append.refuse(refused);
            return LookUp.COMPLETED;
        }
    }

    /** Fails {@code append}, recording a storage fault first (see {@link #recordFault}). */
    void fail(PendingAppend append, BatchFailure failure) {
        recordFault(failure);
        append.fail(database, failure);
    }

    /**
     * Records {@code failure}'s storage fault, if it names one, as the store's. Called before any append it
     * fails is completed, whichever way (refused before the commit, or of unknown outcome): the caller, told
     * of the fault, may ask for the store's readiness at once (an HTTP client that got a 507 or a 503), and
     * must not find it ready.
     */
    private void recordFault(BatchFailure failure) {
        failure.reason().ifPresent(reason -> faults.accept(PendingAppend.storeCannotWrite(reason, failure.getCause())));
    }
}
