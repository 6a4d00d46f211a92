package dev.annals.server;

import dev.annals.store.memory.InMemoryEventStore;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Authentication may be off only when every address the host resolves to is a loopback address. */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class LoopbackHostTest {

    private static ServerOptions on(String host) {
        return ServerOptions.defaults().withHost(host).withPort(0);
    }

    @Test
    void loopback_names_and_addresses_are_loopback() {
        assertThat(on("127.0.0.1").loopback()).isTrue();
        assertThat(on("127.0.0.2").loopback()).isTrue();
        assertThat(on("localhost").loopback()).isTrue();
        assertThat(on("::1").loopback()).isTrue();
    }

    @Test
    void a_name_that_only_looks_like_a_loopback_address_is_not_loopback() {
        // Resolves nowhere here; elsewhere it could resolve to any address its owner likes.
        assertThat(on("127.attacker.example").loopback()).isFalse();
        assertThat(on("127.0.0.1.attacker.example").loopback()).isFalse();
    }

    @Test
    void the_wildcard_and_other_addresses_are_not_loopback() {
        assertThat(on("0.0.0.0").loopback()).isFalse();
        assertThat(on("::").loopback()).isFalse();
        assertThat(on("192.0.2.1").loopback()).isFalse();
    }

    @Test
    void a_server_without_tokens_refuses_to_start_on_a_name_that_is_not_loopback() {
        try (var store = new InMemoryEventStore()) {
            assertThatThrownBy(() -> AnnalsServer.start(store, on("127.attacker.example")))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("127.attacker.example")
                    .hasMessageContaining("loopback");
        }
    }
}
