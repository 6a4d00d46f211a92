package dev.annals.cli;

/**
 * The command line was wrong in a way only the command itself can tell: an option's value out of range, two
 * options that do not go together, a malformed store address. Reported like picocli's own parse errors:
 * one line naming the option and what it accepts, a pointer to {@code --help}, and exit code 2
 * ({@link ExitCodes#USAGE}). Nothing has been read or written when it is thrown.
 */
public final class BadUsageException extends RuntimeException {

    /** A usage error; {@code message} names the option and the values it accepts, in one line. */
    public BadUsageException(String message) {
        super(message);
    }
}
