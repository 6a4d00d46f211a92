package dev.annals.store;

/**
 * The stream was not at the version the append expected: another writer got there first, or the
 * caller's view of the stream was stale. Reload the stream, decide again, and retry.
 */
public final class WrongExpectedVersionException extends EventStoreException {

    private final String stream;
    private final ExpectedVersion expected;
    private final long actualVersion;

    /**
     * @param stream        the stream appended to
     * @param expected      what the append expected
     * @param actualVersion the stream's version when the append was checked; {@link StreamInfo#NO_STREAM} (-1)
     *                      when the stream does not exist
     */
    public WrongExpectedVersionException(String stream, ExpectedVersion expected, long actualVersion) {
        // The message is built when asked: a writer that loses a race and retries never reads it.
        super(null);
        this.stream = stream;
        this.expected = expected;
        this.actualVersion = actualVersion;
    }

    @Override
    public String getMessage() {
        return "wrong expected version for stream '" + stream + "': expected " + expected + ", actual "
                + (actualVersion == StreamInfo.NO_STREAM ? "no stream" : Long.toString(actualVersion));
    }

    public String stream() {
        return stream;
    }

    public ExpectedVersion expected() {
        return expected;
    }

    /** The stream's version at the check; -1 when the stream did not exist. */
    public long actualVersion() {
        return actualVersion;
    }
}
