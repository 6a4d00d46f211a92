package dev.annals.cli;

/**
 * A command refused what it was asked to do, before changing anything: malformed JSON, an unreadable
 * or invalid file, a missing data directory. The message names what was wrong; the exit code is 1.
 */
public final class RejectedRequestException extends RuntimeException {

    public RejectedRequestException(String message) {
        super(message);
    }

    public RejectedRequestException(String message, Throwable cause) {
        super(message, cause);
    }
}
