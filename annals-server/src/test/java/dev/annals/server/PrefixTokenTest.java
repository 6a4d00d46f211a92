package dev.annals.server;

import dev.annals.event.EventData;
import dev.annals.event.Metadata;
import dev.annals.server.auth.Role;
import dev.annals.store.ExpectedVersion;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** A token limited to a stream prefix sees no event of a stream outside it, whatever route it reads. */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class PrefixTokenTest {

    @RegisterExtension
    final TokenServer server = new TokenServer();

    private void append(String stream) {
        server.store()
                .append(
                        stream,
                        ExpectedVersion.any(),
                        EventData.of("Deposited", "{\"amount\":1}")
                                .withMetadata(Metadata.empty().withCorrelationId("order-1")));
    }

    private HttpTestClient accounts() {
        return server.client(server.tokens().create(Role.READER, "account-").secret());
    }

    private static List<String> streams(HttpTestClient.Reply reply) {
        var names = new ArrayList<String>();
        reply.json()
                .get("events")
                .forEach(event -> names.add(event.get("stream").asText()));
        return names;
    }

    @Test
    void a_category_read_returns_only_the_streams_inside_the_prefix() {
        append("account");
        append("account-1");
        append("account");
        append("account-2");

        var reply = accounts().get("/streams/$ce-account");

        assertThat(reply.status()).isEqualTo(200);
        assertThat(streams(reply)).containsExactly("account-1", "account-2");
    }

    @Test
    void a_category_read_pages_over_the_hidden_streams() {
        for (int i = 0; i < 5; i++) {
            append("account");
            append("account-" + i);
        }
        var client = accounts();

        var first = client.get("/streams/$ce-account?limit=2");
        var second = client.get(
                "/streams/$ce-account?limit=2&from=" + first.json().get("next").asLong());
        var backward = client.get("/streams/$ce-account?limit=2&direction=backward");

        assertThat(streams(first)).containsExactly("account-0", "account-1");
        assertThat(first.json().get("next").asLong()).isEqualTo(6);
        assertThat(streams(second)).containsExactly("account-2", "account-3");
        assertThat(streams(backward)).containsExactly("account-4", "account-3");
    }

    @Test
    void a_category_subscription_sends_only_the_streams_inside_the_prefix() {
        append("account");
        append("account-1");
        try (var sse = new SseTestClient(accounts(), "/subscriptions/$ce-account", "")) {
            await().atMost(Duration.ofSeconds(10)).until(() -> sse.ids().size() == 1);
            append("account");
            append("account-2");
            await().atMost(Duration.ofSeconds(10)).until(() -> sse.ids().size() == 2);
            append("account-3");
            await().atMost(Duration.ofSeconds(10)).until(() -> sse.ids().size() == 3);

            assertThat(sse.ids()).containsExactly(2L, 4L, 5L);
        }
    }

    @Test
    void reads_across_every_stream_are_refused_to_a_prefix_token() {
        append("account-1");
        var client = accounts();

        assertThat(client.get("/streams/$all").status()).isEqualTo(403);
        assertThat(client.get("/streams/$et-Deposited").status()).isEqualTo(403);
        assertThat(client.get("/subscriptions/$all").status()).isEqualTo(403);
        assertThat(client.get("/subscriptions/$et-Deposited").status()).isEqualTo(403);
        assertThat(client.get("/correlations/order-1").status()).isEqualTo(403);
        assertThat(client.get("/streams/$ce-acc").status()).isEqualTo(403);
        assertThat(client.get("/streams").status()).isEqualTo(403);
        assertThat(client.get("/streams?prefix=account-").status()).isEqualTo(200);
    }
}
