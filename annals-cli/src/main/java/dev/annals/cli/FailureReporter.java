package dev.annals.cli;

import dev.annals.store.EventStoreException;
import java.io.PrintWriter;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.function.BooleanSupplier;
import picocli.CommandLine;

/**
 * Turns every failure into exactly one line on stderr that names what was wrong, and an exit code:
 * {@link ExitCodes#USAGE} for a wrong command line (a picocli parse error or a {@link BadUsageException}), {@link ExitCodes#REJECTED} for a rejected or failed
 * request. With {@code --verbose} the stack trace follows the line.
 */
final class FailureReporter implements CommandLine.IExecutionExceptionHandler, CommandLine.IParameterExceptionHandler {

    private static final String VERBOSE = "--verbose";

    private final BooleanSupplier verbose;

    FailureReporter(BooleanSupplier verbose) {
        this.verbose = verbose;
    }

    @Override
    public int handleParseException(CommandLine.ParameterException failure, String[] args) {
        CommandLine command = failure.getCommandLine();
        String help = command.getCommandSpec().qualifiedName() + " --help";
        // The parse failed, so the --verbose field may not be set yet: look at the raw arguments.
        report(
                command.getErr(),
                withoutJavaExceptions(oneLine(failure.getMessage())) + " (see '" + help + "')",
                failure,
                Arrays.asList(args).contains(VERBOSE));
        return ExitCodes.USAGE;
    }

    @Override
    public int handleExecutionException(Exception failure, CommandLine command, CommandLine.ParseResult parsed) {
        if (failure instanceof BadUsageException) {
            String help = command.getCommandSpec().qualifiedName() + " --help";
            report(
                    command.getErr(),
                    oneLine(failure.getMessage()) + " (see '" + help + "')",
                    failure,
                    verbose.getAsBoolean());
            return ExitCodes.USAGE;
        }
        report(command.getErr(), describe(failure), failure, verbose.getAsBoolean());
        return ExitCodes.REJECTED;
    }

    private static void report(PrintWriter err, String line, Exception failure, boolean withStackTrace) {
        err.println("annals: " + line);
        if (withStackTrace) {
            failure.printStackTrace(err);
        }
        err.flush();
    }

    /**
     * The failure's message, with the root cause's when it adds something a person can act on (a file that
     * could not be read, say). A store's messages are written for people and never gain their cause's: a
     * database driver's text names SQL, tables and file paths, which {@code --verbose} shows with the trace.
     */
    static String describe(Throwable failure) {
        String message = messageOf(failure);
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        if (root != failure
                && !(failure instanceof RejectedRequestException)
                && !(failure instanceof EventStoreException)
                && !internal(root)) {
            String rootMessage = messageOf(root);
            // A root cause without a message (a refused connection's ClosedChannelException) adds only its class name.
            if (!message.contains(rootMessage)
                    && root.getMessage() != null
                    && !root.getMessage().isBlank()) {
                message = message + ": " + rootMessage;
            }
        }
        return oneLine(message);
    }

    /** A library's own exception, whose message speaks of its internals: JSON parsing, SQL, connections. */
    private static boolean internal(Throwable root) {
        String name = root.getClass().getName();
        return root instanceof SQLException
                || name.startsWith("com.fasterxml.jackson.")
                || name.startsWith("org.sqlite.")
                || name.startsWith("org.postgresql.")
                || name.startsWith("com.zaxxer.")
                || name.startsWith("org.flywaydb.");
    }

    private static String messageOf(Throwable failure) {
        String message = failure.getMessage();
        return message == null || message.isBlank() ? failure.getClass().getSimpleName() : message;
    }

    /**
     * picocli's message for a value its built-in converter could not take ends with the converter's exception,
     * class name included: "cannot convert 'x' to Instant (java.time.format.DateTimeParseException: ...)". The
     * option and the value say enough, with the type's simple name; options with forms of their own have
     * converters that name the forms.
     */
    static String withoutJavaExceptions(String message) {
        return message.replaceAll(
                        " \\((?:[a-z_][a-z0-9_]*\\.)+[A-Z]\\w*(?:Exception|Error)(?::[^()]*(?:\\([^()]*\\)[^()]*)*)?\\)",
                        "")
                .replaceAll(
                        "cannot convert '(.*)' to (?:class )?(?:[a-z_][a-z0-9_]*\\.)+([A-Z]\\w*)",
                        "'$1' is not a valid $2");
    }

    private static String oneLine(String message) {
        return message.strip().replaceAll("\\s*\\R\\s*", " ");
    }
}
