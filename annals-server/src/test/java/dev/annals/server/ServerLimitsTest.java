package dev.annals.server;

import dev.annals.store.AppendLimits;
import dev.annals.store.memory.InMemoryEventStore;
import java.time.Clock;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class ServerLimitsTest {

    @Test
    void an_event_over_the_stores_size_limit_is_a_413_with_the_sizes() {
        try (var store = new InMemoryEventStore(new AppendLimits(100), Clock.systemUTC());
                var server = AnnalsServer.start(store, ServerOptions.defaults().withPort(0))) {
            var http = new HttpTestClient(server.uri());

            var reply = http.post(
                    "/streams/account-1", "{\"events\":[{\"type\":\"Big\",\"data\":\"" + "x".repeat(200) + "\"}]}");

            assertThat(reply.status()).isEqualTo(413);
            assertThat(reply.json().get("error").asText()).isEqualTo("event_too_large");
            assertThat(reply.json().get("details").get("limit").asLong()).isEqualTo(100);
            assertThat(store.headPosition()).isZero();
        }
    }

    @Test
    void refuses_to_start_without_authentication_beyond_loopback() {
        try (var store = new InMemoryEventStore()) {
            org.assertj.core.api.Assertions.assertThatIllegalArgumentException()
                    .isThrownBy(() ->
                            AnnalsServer.start(store, ServerOptions.defaults().withHost("0.0.0.0")))
                    .withMessageContaining("loopback");
        }
    }
}
