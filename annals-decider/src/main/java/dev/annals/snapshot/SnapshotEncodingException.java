package dev.annals.snapshot;

import com.fasterxml.jackson.core.JsonProcessingException;

/**
 * An entity's state could not be written as a snapshot, or a snapshot could not be read as the state: a
 * field Jackson cannot handle, say. Loads go on without the snapshot (it is a cache), count the failure in the
 * metric {@code annals.snapshot.failures} and log it; the given/when/then fixture raises it, so that unit tests
 * find it before production does.
 */
public class SnapshotEncodingException extends IllegalStateException {

    private final Class<?> stateType;

    SnapshotEncodingException(Class<?> stateType, int stateVersion, String problem, JsonProcessingException cause) {
        super(
                "the state " + stateType.getSimpleName() + " v" + stateVersion + " " + problem + ": "
                        + cause.getOriginalMessage(),
                cause);
        this.stateType = stateType;
    }

    /** The state's class. */
    public Class<?> stateType() {
        return stateType;
    }
}
