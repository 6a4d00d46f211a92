package dev.annals.cli.erasure;

import dev.annals.cli.AnnalsCommand;
import dev.annals.cli.RejectedRequestException;
import dev.annals.store.StreamDeletion;
import dev.annals.store.StreamDeletionResult;
import java.util.function.Function;

/** What {@code delete} and {@code truncate} share: opening a store that deletes, and wording the summary. */
final class StreamDeletions {

    /** The reminder every summary ends with. */
    static final String GLOBAL_NOTE = "Global reads and subscriptions still deliver its events.";

    private StreamDeletions() {}

    /** Runs {@code operation} on the store; a store that cannot delete is a rejected request. */
    static StreamDeletionResult run(AnnalsCommand annals, Function<StreamDeletion, StreamDeletionResult> operation) {
        try (var store = annals.openExistingStore()) {
            var deletion = store.capability(StreamDeletion.class)
                    .orElseThrow(() -> new RejectedRequestException(
                            "the store at " + annals.storeLocation() + " cannot delete or truncate streams"));
            return operation.apply(deletion);
        }
    }

    /** "2 event(s) hidden from stream reads (versions 0..1)", or that nothing more was hidden. */
    static String hidden(StreamDeletionResult result) {
        if (result.eventsHidden() == 0) {
            return "no more events hidden (it was done before)";
        }
        long first = result.firstReadableVersion() - result.eventsHidden();
        return result.eventsHidden() + " event(s) hidden from stream reads (versions " + first + ".."
                + (result.firstReadableVersion() - 1) + ")";
    }
}
