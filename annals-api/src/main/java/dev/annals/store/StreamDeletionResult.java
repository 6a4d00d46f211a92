package dev.annals.store;

import static java.util.Objects.requireNonNull;

/**
 * What a deletion or truncation did.
 *
 * @param stream                the stream
 * @param lastVersion           the version of the stream's last event (0-based); appends continue after it
 * @param firstReadableVersion  the first version a read of the stream returns from now on; past
 *                              {@code lastVersion} when nothing is left to read
 * @param eventsHidden          how many events this operation hid (0 when it repeated an earlier one)
 */
public record StreamDeletionResult(String stream, long lastVersion, long firstReadableVersion, long eventsHidden) {

    public StreamDeletionResult {
        requireNonNull(stream, "stream");
    }
}
