package dev.annals.server;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.annals.store.memory.InMemoryEventStore;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import static org.assertj.core.api.Assertions.assertThat;

/** What the server does with a request's path, query and body that do not decode, or are too large. */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class RequestInputTest {

    private static final int LIMIT = 64 * 1024;

    private final InMemoryEventStore store = new InMemoryEventStore();
    private final AnnalsServer server =
            AnnalsServer.start(store, ServerOptions.defaults().withPort(0).withMaxBodyBytes(LIMIT));
    private final HttpTestClient http = new HttpTestClient(server.uri());
    private final ListAppender<ILoggingEvent> log = new ListAppender<>();
    private final ch.qos.logback.classic.Logger root =
            (ch.qos.logback.classic.Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);

    RequestInputTest() {
        log.start();
        root.addAppender(log);
    }

    @AfterEach
    void stop() {
        root.detachAppender(log);
        server.close();
        store.close();
    }

    private List<ILoggingEvent> errors() {
        return LogSnapshots.of(log).stream()
                .filter(event -> event.getLevel().isGreaterOrEqual(Level.WARN))
                .toList();
    }

    /** Sends a request line as written, for a path java.net.URI would refuse to build. */
    private String raw(String method, String target, String body) throws IOException {
        try (var socket = new Socket(server.uri().getHost(), server.port())) {
            String request = method + " " + target + " HTTP/1.1\r\nHost: 127.0.0.1:" + server.port()
                    + "\r\nConnection: close\r\n"
                    + "Content-Type: application/json\r\nContent-Length: "
                    + body.getBytes(StandardCharsets.UTF_8).length
                    + "\r\n\r\n" + body;
            socket.getOutputStream().write(request.getBytes(StandardCharsets.UTF_8));
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static int status(String response) {
        return Integer.parseInt(response.substring(9, 12));
    }

    @Test
    void a_broken_percent_escape_in_a_path_is_a_400_on_every_route_with_a_path_parameter() throws IOException {
        String append = "{\"events\":[{\"type\":\"Opened\",\"data\":{}}]}";
        var responses = List.of(
                raw("GET", "/streams/%2?x", ""),
                raw("POST", "/streams/%2", append),
                raw("DELETE", "/streams/%2", ""),
                raw("POST", "/streams/%2/truncate?before=1", ""),
                raw("GET", "/subscriptions/%2", ""),
                raw("GET", "/state/%2", ""),
                raw("POST", "/commands/%2/account-1", "{}"),
                raw("GET", "/queries/%zz", ""),
                raw("POST", "/projections/%2/pause", ""),
                raw("POST", "/dead-letters/%zz/skip", ""),
                raw("GET", "/correlations/%", ""));

        for (String response : responses) {
            assertThat(status(response)).as(response).isEqualTo(400);
            // Jetty refuses some broken paths itself (malformed_request); the routes refuse the rest (invalid_url).
            assertThat(response)
                    .containsAnyOf("\"invalid_url\"", "\"malformed_request\"")
                    .contains("percent-escape")
                    .contains("application/json");
        }
        assertThat(store.headPosition()).isZero();
        assertThat(errors()).isEmpty();
    }

    @Test
    void a_broken_percent_escape_in_a_query_parameter_is_a_400_naming_it() throws IOException {
        String response = raw("GET", "/streams/account-1?from=%zz", "");
        String list = raw("GET", "/streams?prefix=%E2%82", "");

        assertThat(status(response)).isEqualTo(400);
        assertThat(response).contains("query parameter 'from'").contains("'%zz'");
        assertThat(status(list)).isEqualTo(400);
        assertThat(list).contains("query parameter 'prefix'").contains("not valid UTF-8");
        assertThat(errors()).isEmpty();
    }

    @Test
    void malformed_utf8_in_a_path_is_refused_rather_than_read_as_the_replacement_character() throws IOException {
        String append = "{\"events\":[{\"type\":\"Opened\",\"data\":{}}]}";

        String invalidByte = raw("POST", "/streams/%FF", append);
        String overLong = raw("POST", "/streams/%C0%AF", append);
        String encodedSurrogate = raw("POST", "/streams/a%ED%A0%80", append);
        String valid = raw("POST", "/streams/caf%C3%A9-1", append);

        assertThat(status(invalidByte)).isEqualTo(400);
        assertThat(invalidByte).contains("invalid_url").contains("not valid UTF-8");
        assertThat(status(overLong)).isEqualTo(400);
        assertThat(status(encodedSurrogate)).isEqualTo(400);
        assertThat(status(valid)).isEqualTo(200);
        assertThat(store.headPosition()).isEqualTo(1);
        assertThat(http.get("/streams/caf%C3%A9-1").json().get("stream").asText())
                .isEqualTo("café-1");
    }

    @Test
    void an_over_long_utf8_sequence_in_a_body_is_refused_rather_than_stored_as_another_character() {
        byte[] head = "{\"events\":[{\"type\":\"Path\",\"data\":{\"p\":\"a".getBytes(StandardCharsets.UTF_8);
        byte[] tail = "b\"}}]}".getBytes(StandardCharsets.UTF_8);
        byte[] body = new byte[head.length + 2 + tail.length];
        System.arraycopy(head, 0, body, 0, head.length);
        body[head.length] = (byte) 0xC0;
        body[head.length + 1] = (byte) 0xAF;
        System.arraycopy(tail, 0, body, head.length + 2, tail.length);

        var reply = http.post("/streams/account-1", body);

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.json().get("error").asText()).isEqualTo("invalid_encoding");
        assertThat(reply.json().get("details").get("offset").asInt()).isEqualTo(head.length);
        assertThat(store.headPosition()).isZero();
    }

    @Test
    void an_unpaired_surrogate_escape_in_a_body_is_refused_naming_where() {
        var inData =
                http.post("/streams/account-1", "{\"events\":[{\"type\":\"Named\",\"data\":{\"name\":\"x\\ud800\"}}]}");
        var inType = http.post("/streams/account-1", "{\"events\":[{\"type\":\"\\udc00\",\"data\":{}}]}");
        var inFieldName = http.post("/streams/account-1", "{\"events\":[{\"type\":\"T\",\"data\":{\"\\ud800\":1}}]}");
        var paired =
                http.post("/streams/account-1", "{\"events\":[{\"type\":\"T\",\"data\":{\"e\":\"\\ud83d\\ude00\"}}]}");

        assertThat(inData.status()).isEqualTo(400);
        assertThat(inData.json().get("error").asText()).isEqualTo("invalid_encoding");
        assertThat(inData.json().get("details").get("field").asText()).isEqualTo("events[0].data.name");
        assertThat(inType.status()).isEqualTo(400);
        assertThat(inType.json().get("details").get("field").asText()).isEqualTo("events[0].type");
        assertThat(inFieldName.status()).isEqualTo(400);
        assertThat(paired.status()).isEqualTo(200);
        assertThat(store.headPosition()).isEqualTo(1);
    }

    @Test
    void a_chunked_body_over_the_limit_is_a_413_before_it_is_read_into_memory() throws Exception {
        long size = 50L * 1024 * 1024;
        // No length is known up front, so java.net.http sends the body chunked.
        var request = http.request("/streams/account-1")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new LargeAppend(size)))
                .build();

        var reply = http.send(request);

        // Read whole, the body would be a valid append of one 50 MB event: refused by the store as event_too_large.
        assertThat(reply.status()).isEqualTo(413);
        assertThat(reply.json().get("error").asText()).isEqualTo("body_too_large");
        assertThat(reply.json().get("details").get("limit").asLong()).isEqualTo(LIMIT);
        assertThat(store.headPosition()).isZero();
    }

    @Test
    void a_chunked_body_over_the_limit_answers_413_body_too_large() throws IOException {
        String chunk = "{\"events\":[{\"type\":\"Big\",\"data\":\"" + "x".repeat(LIMIT) + "\"}]}";
        try (var socket = new Socket(server.uri().getHost(), server.port())) {
            String head =
                    "POST /streams/account-1 HTTP/1.1\r\nHost: 127.0.0.1:" + server.port() + "\r\nConnection: close\r\n"
                            + "Content-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n"
                            + Integer.toHexString(chunk.length()) + "\r\n" + chunk + "\r\n0\r\n\r\n";
            socket.getOutputStream().write(head.getBytes(StandardCharsets.UTF_8));
            String response = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

            assertThat(status(response)).isEqualTo(413);
            assertThat(response).contains("body_too_large").contains(String.valueOf(LIMIT));
        }
        assertThat(store.headPosition()).isZero();
    }

    @Test
    void a_stated_length_over_the_limit_is_a_413_naming_the_limit_and_appends_nothing() throws IOException {
        String response = raw(
                "POST",
                "/streams/account-1",
                "{\"events\":[{\"type\":\"Big\",\"data\":\"" + "x".repeat(LIMIT) + "\"}]}");

        assertThat(status(response)).isEqualTo(413);
        assertThat(response).contains("body_too_large").contains("\"limit\":" + LIMIT);
        assertThat(store.headPosition()).isZero();
    }

    @Test
    void a_body_of_its_stated_length_is_appended_as_sent() throws IOException {
        String append = "{\"events\":[{\"type\":\"Opened\",\"data\":{\"n\":1}}]}";

        assertThat(status(raw("POST", "/streams/account-1", append))).isEqualTo(200);
        assertThat(store.headPosition()).isEqualTo(1);
        try (var events = store.read(dev.annals.store.ReadRequest.forward(new dev.annals.store.ReadSource.All()))) {
            assertThat(events.findFirst().orElseThrow().payloadAsString()).isEqualTo("{\"n\":1}");
        }
    }

    @Test
    void a_chunked_body_within_the_limit_is_appended() {
        byte[] body = "{\"events\":[{\"type\":\"Opened\",\"data\":{}}]}".getBytes(StandardCharsets.UTF_8);
        var request = http.request("/streams/account-1")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(body)))
                .build();

        assertThat(http.send(request).status()).isEqualTo(200);
        assertThat(store.headPosition()).isEqualTo(1);
    }

    /** An append of one event whose data is a string of about {@code size} bytes, made as it is read. */
    private static final class LargeAppend extends InputStream {

        private final byte[] head = "{\"events\":[{\"type\":\"Big\",\"data\":\"".getBytes(StandardCharsets.UTF_8);
        private final byte[] tail = "\"}]}".getBytes(StandardCharsets.UTF_8);
        private final long size;
        private long position;

        LargeAppend(long size) {
            this.size = size;
        }

        @Override
        public int read() {
            if (position >= size) {
                return -1;
            }
            long at = position++;
            if (at < head.length) {
                return head[(int) at];
            }
            long fromEnd = size - at;
            return fromEnd <= tail.length ? tail[(int) (tail.length - fromEnd)] : 'x';
        }

        @Override
        public int read(byte[] buffer, int offset, int length) {
            if (position >= size) {
                return -1;
            }
            int n = (int) Math.min(length, size - position);
            for (int i = 0; i < n; i++) {
                buffer[offset + i] = (byte) read();
            }
            return n;
        }
    }
}
