package dev.annals.bench.cli;

import java.io.PrintWriter;
import java.util.Arrays;
import java.util.function.BooleanSupplier;
import picocli.CommandLine;

/**
 * Reports a failed benchmark run in one line on stderr, as the {@code annals} command does: exit 2 with a
 * pointer to the help for a wrong command line, exit 1 for a run that failed; stack traces only with
 * {@code --verbose}.
 */
final class BenchFailures implements CommandLine.IExecutionExceptionHandler, CommandLine.IParameterExceptionHandler {

    private static final int USAGE = 2;

    private final BooleanSupplier verbose;

    BenchFailures(BooleanSupplier verbose) {
        this.verbose = verbose;
    }

    @Override
    public int handleParseException(CommandLine.ParameterException failure, String[] args) {
        CommandLine command = failure.getCommandLine();
        // The parse failed, so the --verbose field may not be set yet: look at the raw arguments.
        report(
                command.getErr(),
                oneLine(failure.getMessage()) + " (see '"
                        + command.getCommandSpec().qualifiedName() + " --help')",
                failure,
                Arrays.asList(args).contains("--verbose"));
        return USAGE;
    }

    @Override
    public int handleExecutionException(Exception failure, CommandLine command, CommandLine.ParseResult parsed) {
        String message = failure.getMessage();
        report(
                command.getErr(),
                oneLine(
                        message == null || message.isBlank()
                                ? failure.getClass().getSimpleName()
                                : message),
                failure,
                verbose.getAsBoolean());
        return BenchCommand.FAILED;
    }

    private static void report(PrintWriter err, String line, Exception failure, boolean withStackTrace) {
        err.println("annals: " + line);
        if (withStackTrace) {
            failure.printStackTrace(err);
        }
        err.flush();
    }

    private static String oneLine(String message) {
        return message.replaceAll("\\s*\\R\\s*", " ").strip();
    }
}
