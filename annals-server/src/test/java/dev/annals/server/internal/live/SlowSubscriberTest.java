package dev.annals.server.internal.live;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.annals.event.EventData;
import dev.annals.server.LogSnapshots;
import dev.annals.server.internal.auth.Guard;
import dev.annals.store.ExpectedVersion;
import dev.annals.store.memory.InMemoryEventStore;
import io.javalin.Javalin;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A client that stops reading must not hold anyone back: it falls out of the live window, is told so and
 * disconnected, while the others get every event in order; with {@code Last-Event-ID} it gets the rest.
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class SlowSubscriberTest {

    private static final int WINDOW = 64;
    private static final Pattern ID = Pattern.compile("^id: (\\d+)$", Pattern.MULTILINE);

    private final InMemoryEventStore store = new InMemoryEventStore();
    private final LiveRoutes routes = new LiveRoutes(store, Guard.OPEN, WINDOW);
    private final Javalin app =
            Javalin.create(config -> config.useVirtualThreads = true).start("127.0.0.1", 0);
    private final ListAppender<ILoggingEvent> log = new ListAppender<>();
    private final Logger live = (Logger) LoggerFactory.getLogger("dev.annals.server.internal.live");
    private final AtomicLong appended = new AtomicLong();
    private final String payload = "{\"pad\":\"" + "x".repeat(4_000) + "\"}";
    private final List<Reader> readers = new ArrayList<>();

    SlowSubscriberTest() {
        routes.install(app);
        log.start();
        live.addAppender(log);
    }

    @AfterEach
    void stop() throws IOException {
        live.detachAppender(log);
        for (Reader reader : readers) {
            reader.socket.close();
        }
        routes.close();
        app.stop();
        store.close();
    }

    @Test
    void a_client_that_stops_reading_is_told_it_fell_behind_and_let_go_while_the_others_get_every_event()
            throws Exception {
        var fast = List.of(subscribe("", 64 * 1024), subscribe("", 64 * 1024));
        var slow = subscribe("", 1024);
        append();
        await().atMost(Duration.ofSeconds(10)).until(() -> slow.received().contains("id: 1\n"));
        slow.pause();

        // Its socket fills, its writes block, and the window moves on past it.
        await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(10))
                .until(() -> {
                    append();
                    return LogSnapshots.of(log).stream().anyMatch(event -> event.getFormattedMessage()
                            .startsWith("an SSE client of $all fell behind"));
                });
        append();

        List<Long> all = LongStream.rangeClosed(1, appended.get()).boxed().toList();
        for (Reader reader : fast) {
            await().atMost(Duration.ofSeconds(30)).until(() -> reader.ids().size() == all.size());
            assertThat(reader.ids()).as("a fast client's ids").isEqualTo(all);
        }
        slow.resume();
        await().atMost(Duration.ofSeconds(30)).until(slow::ended);
        String received = slow.received();
        assertThat(received).contains("event: behind\n").contains("\"error\":\"fell_behind\"");
        List<Long> ids = slow.ids();
        long resumeAt = ids.getLast(); // the id of the behind message: all before it were sent
        assertThat(ids.subList(0, ids.size() - 1))
                .as("what the slow client got before it was let go")
                .isEqualTo(LongStream.rangeClosed(1, resumeAt).boxed().toList());
        assertThat(resumeAt).isLessThan(appended.get() - WINDOW);

        var resumed = subscribe(Long.toString(resumeAt), 64 * 1024);
        append();
        await().atMost(Duration.ofSeconds(30)).until(() -> resumed.ids().size() == appended.get() - resumeAt);
        assertThat(resumed.ids())
                .isEqualTo(LongStream.rangeClosed(resumeAt + 1, appended.get())
                        .boxed()
                        .toList());
    }

    private void append() {
        store.append("account-" + (appended.get() % 7), ExpectedVersion.any(), EventData.of("Deposited", payload));
        appended.incrementAndGet();
    }

    private Reader subscribe(String lastEventId, int receiveBuffer) throws IOException {
        var socket = new Socket();
        // Set before connecting, so that the window the client offers is this small from the start.
        socket.setReceiveBufferSize(receiveBuffer);
        socket.connect(new InetSocketAddress("127.0.0.1", app.port()));
        socket.getOutputStream()
                .write(("GET /subscriptions/$all HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: text/event-stream\r\n"
                                + (lastEventId.isEmpty() ? "" : "Last-Event-ID: " + lastEventId + "\r\n") + "\r\n")
                        .getBytes(StandardCharsets.US_ASCII));
        var reader = new Reader(socket);
        readers.add(reader);
        Thread.ofVirtual().start(reader);
        return reader;
    }

    /** Reads a raw SSE response into memory until it ends, unless paused. */
    private static final class Reader implements Runnable {
        final Socket socket;
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        private volatile boolean paused;
        private volatile boolean ended;

        Reader(Socket socket) {
            this.socket = socket;
        }

        @Override
        public void run() {
            byte[] buffer = new byte[8192];
            try (InputStream in = socket.getInputStream()) {
                for (int n = 0; n >= 0; n = in.read(buffer)) {
                    synchronized (this) {
                        bytes.write(buffer, 0, n);
                        while (paused) {
                            wait();
                        }
                    }
                }
            } catch (IOException | InterruptedException e) {
                // closed by the test
            }
            ended = true;
        }

        synchronized void pause() {
            paused = true;
        }

        synchronized void resume() {
            paused = false;
            notifyAll();
        }

        boolean ended() {
            return ended;
        }

        /** The body received so far, its chunked transfer coding removed (a frame may span two chunks). */
        String received() {
            String raw;
            synchronized (this) {
                raw = bytes.toString(StandardCharsets.ISO_8859_1);
            }
            int head = raw.indexOf("\r\n\r\n");
            if (head < 0) {
                return "";
            }
            if (!raw.substring(0, head).toLowerCase(java.util.Locale.ROOT).contains("transfer-encoding: chunked")) {
                return raw.substring(head + 4);
            }
            var body = new StringBuilder();
            int at = head + 4;
            while (true) {
                int sizeEnd = raw.indexOf("\r\n", at);
                if (sizeEnd < 0) {
                    break;
                }
                int size = Integer.parseInt(
                        raw.substring(at, sizeEnd).split(";")[0].strip(), 16);
                int from = sizeEnd + 2;
                body.append(raw, from, Math.min(raw.length(), from + size));
                if (size == 0 || from + size + 2 > raw.length()) {
                    break;
                }
                at = from + size + 2;
            }
            return body.toString();
        }

        List<Long> ids() {
            var matcher = ID.matcher(received());
            var ids = new ArrayList<Long>();
            while (matcher.find()) {
                ids.add(Long.parseLong(matcher.group(1)));
            }
            return ids;
        }
    }
}
