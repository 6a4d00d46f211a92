package dev.annals.server;

import dev.annals.event.EventData;
import dev.annals.store.ExpectedVersion;
import dev.annals.store.memory.InMemoryEventStore;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class LiveSubscriptionTest {

    InMemoryEventStore store;
    AnnalsServer server;
    HttpTestClient http;

    @BeforeEach
    void start() {
        store = new InMemoryEventStore();
        server = AnnalsServer.start(store, ServerOptions.defaults().withPort(0));
        http = new HttpTestClient(server.uri());
    }

    @AfterEach
    void stop() {
        server.close();
        store.close();
    }

    private void append(String stream) {
        store.append(stream, ExpectedVersion.any(), EventData.of("Deposited", "{\"amount\":1}"));
    }

    @Test
    void a_subscriber_receives_events_appended_after_it_connected() {
        append("account-1");
        try (var sse = new SseTestClient(http, "/subscriptions/$all", "")) {
            assertThat(sse.status()).isEqualTo(200);
            await().atMost(Duration.ofSeconds(10)).until(() -> sse.ids().size() == 1);

            append("account-2");
            http.post("/streams/account-3", "{\"events\":[{\"type\":\"Opened\",\"data\":{}}]}");

            await().atMost(Duration.ofSeconds(10)).until(() -> sse.ids().size() == 3);
            assertThat(sse.ids()).containsExactly(1L, 2L, 3L);
            assertThat(sse.data().get(2)).contains("\"stream\":\"account-3\"").contains("\"type\":\"Opened\"");
        }
    }

    @Test
    void a_reconnect_with_last_event_id_receives_only_later_events() {
        try (var first = new SseTestClient(http, "/subscriptions/$all", "")) {
            append("account-1");
            append("account-2");
            await().atMost(Duration.ofSeconds(10)).until(() -> first.ids().size() == 2);
        }
        append("account-3");
        append("account-4");

        try (var resumed = new SseTestClient(http, "/subscriptions/$all", "2")) {
            await().atMost(Duration.ofSeconds(10)).until(() -> resumed.ids().size() >= 2);
            append("account-5");
            await().atMost(Duration.ofSeconds(10)).until(() -> resumed.ids().size() == 3);
            assertThat(resumed.ids()).containsExactly(3L, 4L, 5L);
        }
    }

    @Test
    void a_category_subscription_from_a_position_sends_only_that_category() {
        append("account-1");
        append("order-1");
        append("account-2");
        try (var sse = new SseTestClient(http, "/subscriptions/$ce-account?from=2", "")) {
            await().atMost(Duration.ofSeconds(10)).until(() -> sse.ids().size() == 1);
            append("order-2");
            append("account-3");
            await().atMost(Duration.ofSeconds(10)).until(() -> sse.ids().size() == 2);
            assertThat(sse.ids()).containsExactly(3L, 5L);
        }
    }

    @Test
    void a_client_of_all_sent_whole_rounds_at_once_gets_the_very_frames_a_category_client_gets_one_by_one() {
        try (var all = new SseTestClient(http, "/subscriptions/$all", "");
                var category = new SseTestClient(http, "/subscriptions/$ce-account", "")) {
            assertThat(all.status()).isEqualTo(200);
            assertThat(category.status()).isEqualTo(200);
            // Bursts, so that rounds carry many events each.
            for (int burst = 0; burst < 20; burst++) {
                for (int i = 0; i < 25; i++) {
                    append("account-" + i);
                }
            }
            await().atMost(Duration.ofSeconds(30)).until(() -> all.ids().size() == 500);
            await().atMost(Duration.ofSeconds(30)).until(() -> category.ids().size() == 500);

            assertThat(all.ids()).isEqualTo(category.ids());
            assertThat(all.data()).isEqualTo(category.data());
            assertThat(all.ids()).isSorted().doesNotHaveDuplicates();
        }
    }

    @Test
    void a_bad_last_event_id_is_refused_with_a_400_before_the_stream_starts() {
        var reply = http.send(http.request("/subscriptions/$all")
                .header("Last-Event-ID", "abc")
                .GET()
                .build());

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.json().get("details").get("parameter").asText()).isEqualTo("Last-Event-ID");
    }

    @Test
    void streams_events_to_a_client_that_accepts_anything_as_curl_does() throws Exception {
        append("account-1");

        String head = rawSubscription("Accept: */*\r\n");

        assertThat(head)
                .startsWith("HTTP/1.1 200")
                .containsIgnoringCase("Content-Type: text/event-stream")
                .contains("id: 1")
                .contains("\"stream\":\"account-1\"");
    }

    @Test
    void streams_events_to_a_client_that_sends_no_accept_header() throws Exception {
        append("account-1");

        assertThat(rawSubscription("")).startsWith("HTTP/1.1 200").contains("id: 1");
    }

    @Test
    void refuses_an_accept_header_that_excludes_the_event_stream_with_a_406_naming_it() {
        for (String accept : new String[] {"application/json", "text/event-stream;q=0, */*;q=0"}) {
            var reply = http.send(http.request("/subscriptions/$all")
                    .header("Accept", accept)
                    .GET()
                    .build());

            assertThat(reply.status()).as(accept).isEqualTo(406);
            assertThat(reply.json().get("error").asText()).isEqualTo("not_acceptable");
            assertThat(reply.json().get("message").asText()).contains("text/event-stream");
        }
    }

    /**
     * Sends a GET of {@code $all} over a plain socket with exactly the headers given (no client library adds
     * an Accept of its own) and returns what arrived until the first event's data.
     */
    private String rawSubscription(String headers) throws Exception {
        try (var socket =
                new java.net.Socket(server.uri().getHost(), server.uri().getPort())) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream()
                    .write(("GET /subscriptions/$all HTTP/1.1\r\nHost: "
                                    + server.uri().getAuthority() + "\r\n" + headers + "\r\n")
                            .getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            var reader = new java.io.BufferedReader(
                    new java.io.InputStreamReader(socket.getInputStream(), java.nio.charset.StandardCharsets.UTF_8));
            var received = new StringBuilder();
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                received.append(line).append('\n');
                if (line.startsWith("data:")) {
                    break;
                }
            }
            return received.toString();
        }
    }
}
