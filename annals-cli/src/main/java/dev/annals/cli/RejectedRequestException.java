package dev.annals.cli;

/**
 * A command refused what it was asked to do, before changing anything: malformed JSON, an unreadable
 * or invalid file, a missing data directory. The message names what was wrong; the exit code is 1.
 */
public final class RejectedRequestException extends RuntimeException {

    /** A rejection; {@code message} names what was wrong, in one line. */
    public RejectedRequestException(String message) {
        super(message);
    }

    /** A rejection caused by {@code cause}, such as a JSON parse error; {@code message} says it all. */
    public RejectedRequestException(String message, Throwable cause) {
        super(message, cause);
    }
}
