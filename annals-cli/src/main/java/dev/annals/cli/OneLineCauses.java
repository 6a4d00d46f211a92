package dev.annals.cli;

import ch.qos.logback.classic.pattern.ThrowableHandlingConverter;
import ch.qos.logback.classic.pattern.ThrowableProxyConverter;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.core.CoreConstants;

/**
 * The {@code %causes} of logback.xml: the exception a line was logged with, and its causes, on that same line
 * ({@code [org.postgresql.util.PSQLException: FATAL: ...; caused by java.io.EOFException]}). Stack frames are for
 * {@code --verbose} ({@link Logging}), which adds the stack trace on the lines below. Without it an operator still
 * finds the database's own error under a request id, in one line that a grep shows whole, and a store that went
 * away does not print forty lines of a driver's and a pool's stack per connection.
 */
public final class OneLineCauses extends ThrowableHandlingConverter {

    /** Causes beyond this many are left out: a chain that long is a loop or a wrapper's wrapper. */
    private static final int MOST_CAUSES = 8;

    private static volatile boolean stackTraces;

    private final ThrowableProxyConverter stackTrace = new ThrowableProxyConverter();

    /** Whether lines logged with an exception also show its stack trace: {@code --verbose}. */
    static void showStackTraces(boolean show) {
        stackTraces = show;
    }

    @Override
    public void start() {
        stackTrace.setContext(getContext());
        stackTrace.start();
        super.start();
    }

    @Override
    public void stop() {
        stackTrace.stop();
        super.stop();
    }

    @Override
    public String convert(ILoggingEvent event) {
        var line = new StringBuilder();
        int shown = 0;
        for (IThrowableProxy cause = event.getThrowableProxy();
                cause != null && shown < MOST_CAUSES;
                cause = cause.getCause(), shown++) {
            line.append(shown == 0 ? " [" : "; caused by ").append(cause.getClassName());
            if (cause.getMessage() != null) {
                line.append(": ").append(cause.getMessage().replace('\n', ' ').replace('\r', ' '));
            }
        }
        if (shown == 0) {
            return "";
        }
        line.append(']');
        if (stackTraces) {
            // The pattern's %n ends the last line of the trace.
            String trace = stackTrace.convert(event);
            line.append(CoreConstants.LINE_SEPARATOR)
                    .append(
                            trace.endsWith(CoreConstants.LINE_SEPARATOR)
                                    ? trace.substring(0, trace.length() - CoreConstants.LINE_SEPARATOR.length())
                                    : trace);
        }
        return line.toString();
    }
}
