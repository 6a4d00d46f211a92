package dev.annals.store.jdbc.append;

import dev.annals.store.ExpectedVersion;
import dev.annals.store.WrongExpectedVersionException;

/**
 * An append refused by a writer because its stream was not at the version it expected: what the writer hands
 * over, before {@link PendingAppend#await()} gives the caller a {@link WrongExpectedVersionException} of its
 * own.
 *
 * <p>The writer makes it without a stack trace or a message. When many writers race on one stream the writer
 * refuses about thirteen appends per stored event (ADR 0042), and building each refusal's stack trace and
 * message took the writer thread, which every append waits for, about a fifteenth of its time. The writer's
 * stack would also say nothing useful to the caller; the exception the caller gets is made in its own thread,
 * so its stack trace shows where the caller appended.
 */
public final class VersionRefusal extends RuntimeException {

    private final String stream;
    private final transient ExpectedVersion expected;
    private final long actualVersion;

    /** {@code stream} was at {@code actualVersion} when an append expecting {@code expected} was checked. */
    public VersionRefusal(String stream, ExpectedVersion expected, long actualVersion) {
        super(null, null, false, false);
        this.stream = stream;
        this.expected = expected;
        this.actualVersion = actualVersion;
    }

    /** The version the stream was at. */
    public long actualVersion() {
        return actualVersion;
    }

    /** The refusal as the caller is told it, with a stack trace of the calling thread. */
    public WrongExpectedVersionException toException() {
        return new WrongExpectedVersionException(stream, expected, actualVersion);
    }

    /** The message the caller's exception has; built only when asked (a debug log line). */
    @Override
    public String getMessage() {
        return toException().getMessage();
    }
}
