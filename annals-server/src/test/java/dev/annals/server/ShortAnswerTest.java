package dev.annals.server;

import dev.annals.store.memory.InMemoryEventStore;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Answers a route sends itself when they are short (an append's, a short page), and the longer ones Javalin
 * sends: the same headers and bodies on a kept-alive connection, long ones compressed for a client that asks.
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class ShortAnswerTest {

    private final InMemoryEventStore store = new InMemoryEventStore();
    private final AnnalsServer server =
            AnnalsServer.start(store, ServerOptions.defaults().withPort(0).withMaxInFlight(1));

    @AfterEach
    void stop() {
        server.close();
        store.close();
    }

    private record Answer(int status, Map<String, String> headers, byte[] body) {
        String text() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    @Test
    void appends_on_one_kept_alive_connection_each_get_their_answer_with_its_length_and_no_refusal()
            throws IOException {
        try (var socket = new Socket(server.uri().getHost(), server.port())) {
            // The in-flight limit is 1: a permit still held when the answer arrives would refuse the next request.
            for (int i = 0; i < 50; i++) {
                send(
                        socket.getOutputStream(),
                        "POST",
                        "/streams/short-" + i,
                        "{\"events\":[{\"type\":\"T\",\"data\":{}}]}",
                        "");
                var answer = read(socket.getInputStream());
                assertThat(answer.status()).isEqualTo(200);
                assertThat(answer.headers()).containsEntry("content-type", "application/json");
                assertThat(answer.headers()).containsEntry("content-length", Integer.toString(answer.body().length));
                assertThat(answer.text())
                        .isEqualTo("{\"stream\":\"short-" + i + "\",\"streamVersion\":0,\"position\":" + (i + 1) + "}");
            }
        }
    }

    @Test
    void a_long_page_is_compressed_for_a_client_that_accepts_gzip_and_a_short_one_is_not() throws IOException {
        String pad = "x".repeat(400);
        try (var socket = new Socket(server.uri().getHost(), server.port())) {
            var out = socket.getOutputStream();
            var in = socket.getInputStream();
            for (int i = 0; i < 8; i++) {
                send(
                        out,
                        "POST",
                        "/streams/long",
                        "{\"events\":[{\"type\":\"T\",\"data\":{\"pad\":\"" + pad + "\"}}]}",
                        "");
                assertThat(read(in).status()).isEqualTo(200);
            }
            send(out, "GET", "/streams/long?limit=1", "", "Accept-Encoding: gzip\r\n");
            var shortPage = read(in);
            assertThat(shortPage.headers()).doesNotContainKey("content-encoding");
            assertThat(shortPage.text()).contains("\"next\":1");

            send(out, "GET", "/streams/long", "", "Accept-Encoding: gzip\r\n");
            var longPage = read(in);
            assertThat(longPage.status()).isEqualTo(200);
            assertThat(longPage.headers()).containsEntry("content-encoding", "gzip");
            String text = new String(
                    new GZIPInputStream(new java.io.ByteArrayInputStream(longPage.body())).readAllBytes(),
                    StandardCharsets.UTF_8);
            assertThat(text)
                    .startsWith("{\"stream\":\"long\"")
                    .contains("\"version\":7")
                    .endsWith("\"headPosition\":8}");
        }
    }

    private void send(OutputStream out, String method, String target, String body, String headers) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        String head = method + " " + target + " HTTP/1.1\r\nHost: 127.0.0.1:" + server.port() + "\r\n" + headers
                + (bytes.length > 0 ? "Content-Type: application/json\r\nContent-Length: " + bytes.length + "\r\n" : "")
                + "\r\n";
        out.write(head.getBytes(StandardCharsets.US_ASCII));
        out.write(bytes);
        out.flush();
    }

    /** One response of a kept-alive connection: by its length, or its chunks. */
    private static Answer read(InputStream in) throws IOException {
        String statusLine = line(in);
        var headers = new LinkedHashMap<String, String>();
        for (String line = line(in); !line.isEmpty(); line = line(in)) {
            int colon = line.indexOf(':');
            headers.put(
                    line.substring(0, colon).trim().toLowerCase(Locale.ROOT),
                    line.substring(colon + 1).trim());
        }
        var body = new ByteArrayOutputStream();
        if (headers.containsKey("content-length")) {
            body.write(in.readNBytes(Integer.parseInt(headers.get("content-length"))));
        } else {
            for (int size = Integer.parseInt(line(in), 16); size > 0; size = Integer.parseInt(line(in), 16)) {
                body.write(in.readNBytes(size));
                line(in);
            }
            line(in);
        }
        return new Answer(Integer.parseInt(statusLine.substring(9, 12)), headers, body.toByteArray());
    }

    private static String line(InputStream in) throws IOException {
        var line = new StringBuilder();
        for (int c = in.read(); c != '\n'; c = in.read()) {
            if (c < 0) {
                throw new IOException("the connection ended in a response");
            }
            if (c != '\r') {
                line.append((char) c);
            }
        }
        return line.toString();
    }
}
