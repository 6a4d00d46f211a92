package dev.annals.server;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.util.List;

/** What a test's {@link ListAppender} holds, read safely while the server's threads still log to it. */
public final class LogSnapshots {

    private LogSnapshots() {}

    /**
     * A copy of {@code appender}'s events. Logback appends under the appender's own lock into a plain
     * {@code ArrayList}; streaming that list while a server thread logs fails with a
     * {@code ConcurrentModificationException}, so the copy is taken under the same lock.
     */
    public static List<ILoggingEvent> of(ListAppender<ILoggingEvent> appender) {
        synchronized (appender) {
            return List.copyOf(appender.list);
        }
    }
}
