package dev.annals.server;

import dev.annals.store.sqlite.SqliteEventStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A page of another site cannot change the store through a browser (cross-site request forgery), and,
 * with authentication off, cannot reach the server under a name of its own (DNS rebinding).
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class CrossOriginTest {

    private static final String OPENED = "{\"events\":[{\"type\":\"Opened\",\"data\":{}}]}";

    @TempDir
    Path data;

    SqliteEventStore store;
    AnnalsServer server;
    HttpTestClient http;

    @BeforeEach
    void start() {
        store = SqliteEventStore.open(data);
        server = AnnalsServer.builder(store)
                .options(ServerOptions.defaults().withPort(0))
                .allowOrigin("https://console.example")
                .start();
        http = new HttpTestClient(server.uri());
    }

    @AfterEach
    void stop() {
        server.close();
        store.close();
    }

    private HttpTestClient.Reply post(String path, String contentType, String body, String origin) {
        var request =
                http.request(path).header("Content-Type", contentType).POST(HttpRequest.BodyPublishers.ofString(body));
        if (origin != null) {
            request.header("Origin", origin);
        }
        return http.send(request.build());
    }

    /** The status of a request sent by hand, since the JDK's client will not send another Host header. */
    private int raw(String method, String path, String host, String body) {
        try (var socket = new Socket("127.0.0.1", server.port())) {
            byte[] content = body.getBytes(StandardCharsets.UTF_8);
            String head = method + " " + path + " HTTP/1.1\r\nHost: " + host + "\r\nContent-Type: application/json\r\n"
                    + "Content-Length: " + content.length + "\r\nConnection: close\r\n\r\n";
            socket.getOutputStream().write(head.getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().write(content);
            socket.getOutputStream().flush();
            String reply = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            return Integer.parseInt(reply.substring(9, 12));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void a_text_plain_append_from_another_origin_is_refused_and_writes_nothing() {
        var reply = post("/streams/account-1", "text/plain", OPENED, "http://evil.example");

        assertThat(reply.status()).isEqualTo(403);
        assertThat(reply.json().get("error").asText()).isEqualTo("cross_origin_refused");
        assertThat(reply.json().get("message").asText())
                .contains("http://evil.example")
                .contains("--allow-origin");
        assertThat(store.headPosition()).isZero();
    }

    @Test
    void a_form_posted_truncation_from_another_origin_is_refused() {
        http.post("/streams/account-1", OPENED);
        http.post("/streams/account-1", OPENED);

        var reply = post(
                "/streams/account-1/truncate?before=1",
                "application/x-www-form-urlencoded",
                "a=b",
                "http://evil.example");
        var deleted = http.send(http.request("/streams/account-1")
                .header("Origin", "null")
                .DELETE()
                .build());

        assertThat(reply.status()).isEqualTo(403);
        assertThat(deleted.status()).isEqualTo(403);
        assertThat(http.get("/streams/account-1").json().get("events")).hasSize(2);
    }

    @Test
    void requests_without_an_origin_from_the_servers_own_origin_or_an_allowed_one_go_through() {
        String own = "http://127.0.0.1:" + server.port();

        assertThat(post("/streams/account-1", "application/json", OPENED, null).status())
                .isEqualTo(200);
        assertThat(post("/streams/account-1", "application/json", OPENED, own).status())
                .isEqualTo(200);
        assertThat(post("/streams/account-1", "application/json", OPENED, "https://console.example")
                        .status())
                .isEqualTo(200);
        assertThat(store.headPosition()).isEqualTo(3);
    }

    @Test
    void a_read_from_another_origin_is_not_refused_by_the_origin_check() {
        var reply = http.send(http.request("/streams")
                .header("Origin", "http://evil.example")
                .GET()
                .build());

        assertThat(reply.status()).isEqualTo(200);
    }

    @Test
    void with_authentication_off_a_host_that_is_not_a_bound_name_is_refused() {
        int port = server.port();

        assertThat(raw("POST", "/streams/account-1", "evil.example:" + port, OPENED))
                .isEqualTo(403);
        assertThat(raw("GET", "/streams", "evil.example:" + port, "")).isEqualTo(403);
        assertThat(raw("GET", "/streams", "127.0.0.1:" + (port + 1), "")).isEqualTo(403);
        assertThat(store.headPosition()).isZero();
        assertThat(raw("POST", "/streams/account-1", "127.0.0.1:" + port, OPENED))
                .isEqualTo(200);
        assertThat(raw("GET", "/streams", "localhost:" + port, "")).isEqualTo(200);
        assertThat(raw("GET", "/streams", "[::1]:" + port, "")).isEqualTo(200);
        assertThat(raw("GET", "/health/live", "evil.example:" + port, "")).isEqualTo(200);
    }
}
