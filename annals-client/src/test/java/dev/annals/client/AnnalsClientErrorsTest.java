package dev.annals.client;

import dev.annals.event.EventData;
import dev.annals.server.AnnalsServer;
import dev.annals.server.ServerOptions;
import dev.annals.server.auth.Role;
import dev.annals.server.auth.TokenStore;
import dev.annals.store.AppendLimits;
import dev.annals.store.EventStoreException;
import dev.annals.store.EventTooLargeException;
import dev.annals.store.ExpectedVersion;
import dev.annals.store.InvalidAppendException;
import dev.annals.store.memory.InMemoryEventStore;
import java.net.ConnectException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What the client raises beyond the store's contract: the server's refusals, its limits, its absence. */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class AnnalsClientErrorsTest {

    @TempDir
    Path directory;

    @Test
    void sends_its_bearer_token_and_reports_refusals_by_status() {
        var tokens = TokenStore.in(directory);
        var writer = tokens.create(Role.WRITER, "account-");
        try (var store = new InMemoryEventStore();
                var server = AnnalsServer.start(store, ServerOptions.defaults().withPort(0), tokens);
                var anonymous = AnnalsClient.builder(server.uri()).build();
                var authorized = AnnalsClient.builder(server.uri())
                        .token(writer.secret())
                        .build()) {

            var appended = authorized.append("account-1", ExpectedVersion.any(), EventData.of("Opened", "{}"));

            assertThat(appended.position()).isEqualTo(1);
            assertThat(authorized.headPosition())
                    .as("the head, to a token that may not read $all")
                    .isEqualTo(1);
            assertThatThrownBy(() -> anonymous.append("account-1", ExpectedVersion.any(), EventData.of("Opened", "{}")))
                    .isInstanceOfSatisfying(
                            ApiErrorException.class, e -> assertThat(e.status()).isEqualTo(401));
            assertThatThrownBy(
                            () -> authorized.append("transfer-1", ExpectedVersion.any(), EventData.of("Started", "{}")))
                    .isInstanceOfSatisfying(
                            ApiErrorException.class, e -> assertThat(e.status()).isEqualTo(403));
            assertThat(store.headPosition()).isEqualTo(1);
        }
    }

    @Test
    void reports_the_event_size_limit_of_the_server_s_store() {
        try (var store = new InMemoryEventStore(new AppendLimits(64), Clock.systemUTC());
                var server = AnnalsServer.start(store, ServerOptions.defaults().withPort(0));
                var client = AnnalsClient.builder(server.uri()).build()) {
            var large = EventData.of("Noted", "{\"text\":\"" + "x".repeat(100) + "\"}");

            assertThatThrownBy(() -> client.append("note-1", ExpectedVersion.any(), large))
                    .isInstanceOfSatisfying(EventTooLargeException.class, e -> {
                        assertThat(e.eventId()).isEqualTo(large.eventId());
                        assertThat(e.limit()).isEqualTo(64);
                        assertThat(e.size()).isEqualTo(large.payload().length);
                    });
        }
    }

    @Test
    void refuses_a_payload_that_is_not_json_and_writes_nothing() {
        try (var store = new InMemoryEventStore();
                var server = AnnalsServer.start(store, ServerOptions.defaults().withPort(0));
                var client = AnnalsClient.builder(server.uri()).build()) {
            var notJson = EventData.of("Noted", "{\"text\": unquoted}");

            assertThatThrownBy(
                            () -> client.append("note-1", ExpectedVersion.any(), EventData.of("Noted", "{}"), notJson))
                    .isInstanceOf(InvalidAppendException.class)
                    .hasMessageContaining("payload for stream 'note-1' is not valid JSON");
            assertThat(store.headPosition()).isZero();
        }
    }

    @Test
    void reports_a_server_that_does_not_answer_as_a_store_failure() {
        int port;
        try (var store = new InMemoryEventStore();
                var server = AnnalsServer.start(store, ServerOptions.defaults().withPort(0))) {
            port = server.port();
        }
        try (var client = AnnalsClient.builder(URI.create("http://127.0.0.1:" + port))
                .connectTimeout(Duration.ofSeconds(2))
                .build()) {

            assertThatThrownBy(client::headPosition)
                    .isInstanceOf(EventStoreException.class)
                    .hasMessageContaining("127.0.0.1:" + port)
                    .hasMessageEndingWith(": the connection was refused (is the server running there?)")
                    .hasMessageNotContaining("java.net")
                    .hasCauseInstanceOf(ConnectException.class);
        }
    }

    @Test
    void refuses_settings_it_cannot_use_when_built() {
        assertThatThrownBy(() -> AnnalsClient.builder(URI.create("ftp://127.0.0.1/")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("ftp://127.0.0.1/");
        assertThatThrownBy(() -> AnnalsClient.builder(URI.create("http://127.0.0.1:2113/"))
                        .pageSize(1001))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("1001");
        assertThatThrownBy(() -> AnnalsClient.builder(URI.create("http://127.0.0.1:2113/"))
                        .trustStore(directory.resolve("missing.p12"), new char[0]))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("missing.p12");
    }
}
