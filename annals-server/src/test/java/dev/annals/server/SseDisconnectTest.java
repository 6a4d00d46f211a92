package dev.annals.server;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.annals.event.EventData;
import dev.annals.store.ExpectedVersion;
import dev.annals.store.memory.InMemoryEventStore;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** A client that goes away is an everyday event: logged at DEBUG, never as an error with a stack trace. */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class SseDisconnectTest {

    private final InMemoryEventStore store = new InMemoryEventStore();
    private final AnnalsServer server =
            AnnalsServer.start(store, ServerOptions.defaults().withPort(0));
    private final HttpTestClient http = new HttpTestClient(server.uri());
    private final ListAppender<ILoggingEvent> log = new ListAppender<>();
    private final Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    private final Logger live = (Logger) LoggerFactory.getLogger("dev.annals.server.internal.live");
    private final Level liveLevel = live.getLevel();

    SseDisconnectTest() {
        log.start();
        root.addAppender(log);
        live.setLevel(Level.DEBUG);
    }

    @AfterEach
    void stop() {
        root.detachAppender(log);
        live.setLevel(liveLevel);
        server.close();
        store.close();
    }

    @Test
    void a_subscriber_that_disconnects_is_logged_at_debug_without_a_stack_trace() {
        var sse = new SseTestClient(http, "/subscriptions/$all", "");
        store.append("account-1", ExpectedVersion.any(), EventData.of("Deposited", "{\"amount\":1}"));
        await().atMost(Duration.ofSeconds(10)).until(() -> sse.ids().size() == 1);

        sse.close();
        // The server learns of it at its next write: keep appending until it has let the client go.
        await().atMost(Duration.ofSeconds(20))
                .pollInterval(Duration.ofMillis(50))
                .until(() -> {
                    store.append("account-1", ExpectedVersion.any(), EventData.of("Deposited", "{\"amount\":1}"));
                    return LogSnapshots.of(log).stream()
                            .anyMatch(event -> event.getFormattedMessage().startsWith("SSE client of"));
                });

        assertThat(LogSnapshots.of(log).stream()
                        .filter(event ->
                                event.getLevel().isGreaterOrEqual(Level.WARN) || event.getThrowableProxy() != null)
                        .map(ILoggingEvent::getFormattedMessage))
                .isEmpty();
        assertThat(LogSnapshots.of(log).stream()
                        .filter(event -> event.getFormattedMessage().startsWith("SSE client of")))
                .allMatch(event -> event.getLevel() == Level.DEBUG);
    }

    @Test
    void a_subscriber_whose_connection_is_reset_is_logged_at_debug_without_a_stack_trace() throws Exception {
        store.append("account-1", ExpectedVersion.any(), EventData.of("Deposited", "{\"amount\":1}"));
        try (var socket = new java.net.Socket(server.uri().getHost(), server.port())) {
            socket.getOutputStream()
                    .write(("GET /subscriptions/$all HTTP/1.1\r\nHost: 127.0.0.1:" + server.port() + "\r\n"
                                    + "Accept: text/event-stream\r\n\r\n")
                            .getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            var in = socket.getInputStream();
            var seen = new StringBuilder();
            while (!seen.toString().contains("id: 1")) {
                seen.append((char) in.read());
            }
            // A browser tab killed mid-stream: the connection ends with a reset, not a polite close.
            socket.setSoLinger(true, 0);
        }
        await().atMost(Duration.ofSeconds(20))
                .pollInterval(Duration.ofMillis(50))
                .until(() -> {
                    store.append("account-1", ExpectedVersion.any(), EventData.of("Deposited", "{\"amount\":1}"));
                    return LogSnapshots.of(log).stream()
                            .anyMatch(event -> event.getFormattedMessage().startsWith("SSE client of"));
                });

        assertThat(LogSnapshots.of(log).stream()
                        .filter(event ->
                                event.getLevel().isGreaterOrEqual(Level.WARN) || event.getThrowableProxy() != null)
                        .map(ILoggingEvent::getFormattedMessage))
                .isEmpty();
    }
}
