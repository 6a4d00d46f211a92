package dev.annals.cli;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import org.slf4j.LoggerFactory;

/**
 * Sets the logging of one run of the command: debug for Annals' own loggers and stack traces with {@code --verbose}
 * (README.md); otherwise WARN, one line per event, the exception and its causes on the line ({@link OneLineCauses}).
 */
final class Logging {

    private static final String ANNALS_LOGGERS = "dev.annals";

    private Logging() {}

    /**
     * Debug for {@code dev.annals} and stack traces when verbose; otherwise the configured default (WARN, to
     * stderr). Does nothing when SLF4J is bound to something other than logback.
     */
    static void configure(boolean verbose) {
        OneLineCauses.showStackTraces(verbose);
        if (LoggerFactory.getILoggerFactory() instanceof LoggerContext context) {
            // A null level inherits the root's, so a quiet run undoes an earlier verbose one in the same JVM.
            context.getLogger(ANNALS_LOGGERS).setLevel(verbose ? Level.DEBUG : null);
        }
    }
}
