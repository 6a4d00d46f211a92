package dev.annals.server;

import dev.annals.event.EventData;
import dev.annals.server.auth.Role;
import dev.annals.server.auth.TokenStore;
import dev.annals.store.ExpectedVersion;
import java.time.Duration;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Revoking a token ends its open live subscriptions, whichever process revokes it. */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class RevokedTokenTest {

    @RegisterExtension
    final TokenServer server = new TokenServer();

    private void append(String stream) {
        server.store().append(stream, ExpectedVersion.any(), EventData.of("Deposited", "{\"amount\":1}"));
    }

    @Test
    void revoking_a_token_in_the_token_file_closes_its_open_subscription_at_once() {
        var issued = server.tokens().create(Role.READER, "");
        var other = server.tokens().create(Role.READER, "");
        append("account-1");
        try (var revoked = new SseTestClient(server.client(issued.secret()), "/subscriptions/$all", "");
                var kept = new SseTestClient(server.client(other.secret()), "/subscriptions/$all", "")) {
            await().atMost(Duration.ofSeconds(10))
                    .until(() -> revoked.ids().size() == 1 && kept.ids().size() == 1);

            // As annals tokens revoke does, from another process: a store of its own that writes tokens.json.
            TokenStore.in(server.data()).revoke(issued.info().id());

            await().atMost(Duration.ofSeconds(5)).until(revoked::ended);
            append("account-2");
            await().atMost(Duration.ofSeconds(10)).until(() -> kept.ids().size() == 2);
            assertThat(revoked.ids()).containsExactly(1L);
            assertThat(revoked.events()).endsWith("revoked");
            assertThat(kept.ended()).isFalse();
        }
        var again = new SseTestClient(server.client(issued.secret()), "/subscriptions/$all", "");
        assertThat(again.status()).isEqualTo(401);
        again.close();
    }

    @Test
    void an_event_appended_with_the_revocation_is_not_delivered_to_the_revoked_subscription() {
        var issued = server.tokens().create(Role.READER, "");
        try (var sse = new SseTestClient(server.client(issued.secret()), "/subscriptions/$all", "")) {
            append("account-1");
            await().atMost(Duration.ofSeconds(10)).until(() -> sse.ids().size() == 1);

            TokenStore.in(server.data()).revoke(issued.info().id());
            append("account-2");

            await().atMost(Duration.ofSeconds(5)).until(sse::ended);
            assertThat(sse.ids()).containsExactly(1L);
        }
    }
}
