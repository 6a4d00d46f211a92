package dev.annals.cli;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import org.slf4j.LoggerFactory;

/** Sets the log level of Annals' own loggers for one run of the command. */
final class Logging {

    private static final String ANNALS_LOGGERS = "dev.annals";

    private Logging() {}

    /**
     * Debug for {@code dev.annals} when verbose; otherwise the configured default (WARN, to stderr).
     * Does nothing when SLF4J is bound to something other than logback.
     */
    static void configure(boolean verbose) {
        if (LoggerFactory.getILoggerFactory() instanceof LoggerContext context) {
            // A null level inherits the root's, so a quiet run undoes an earlier verbose one in the same JVM.
            context.getLogger(ANNALS_LOGGERS).setLevel(verbose ? Level.DEBUG : null);
        }
    }
}
