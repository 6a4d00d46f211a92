package dev.annals.projection.internal;

/** Ends a subscription whose projection parked an event under the stop policy. */
public final class StoppedOnErrorException extends RuntimeException {

    private final long deadLetterId;

    public StoppedOnErrorException(String projection, long position, long deadLetterId, Throwable cause) {
        super(
                "projection " + projection + " stopped at position " + position + " (dead letter " + deadLetterId
                        + "): " + cause,
                cause);
        this.deadLetterId = deadLetterId;
    }

    /** The letter the projection stopped on. */
    public long deadLetterId() {
        return deadLetterId;
    }
}
