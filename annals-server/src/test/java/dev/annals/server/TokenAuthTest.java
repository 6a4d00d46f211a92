package dev.annals.server;

import dev.annals.server.auth.Role;
import dev.annals.server.auth.TokenStore;
import dev.annals.store.sqlite.SqliteEventStore;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class TokenAuthTest {

    private static final String OPENED = "{\"events\":[{\"type\":\"Opened\",\"data\":{}}]}";

    @TempDir
    Path data;

    SqliteEventStore store;
    TokenStore tokens;
    AnnalsServer server;

    @BeforeEach
    void start() {
        store = SqliteEventStore.open(data);
        tokens = TokenStore.in(data);
        server = AnnalsServer.start(store, ServerOptions.defaults().withPort(0), tokens);
    }

    @AfterEach
    void stop() {
        server.close();
        store.close();
    }

    private HttpTestClient as(String secret) {
        return new HttpTestClient(server.uri(), secret);
    }

    @Test
    void a_writer_appends_and_a_reader_reads() {
        var writer = as(tokens.create(Role.WRITER, "").secret());
        var reader = as(tokens.create(Role.READER, "").secret());

        assertThat(writer.post("/streams/order-1", OPENED).status()).isEqualTo(200);
        assertThat(reader.get("/streams/order-1").status()).isEqualTo(200);
        assertThat(reader.get("/streams/$all").json().get("events")).hasSize(1);
    }

    @Test
    void a_reader_cannot_append() {
        var reader = as(tokens.create(Role.READER, "").secret());

        var reply = reader.post("/streams/account-1", OPENED);

        assertThat(reply.status()).isEqualTo(403);
        assertThat(reply.json().get("error").asText()).isEqualTo("forbidden");
        assertThat(store.headPosition()).isZero();
    }

    @Test
    void a_token_for_account_streams_cannot_read_order_1_nor_all() {
        as(tokens.create(Role.WRITER, "").secret()).post("/streams/order-1", OPENED);
        var accounts = as(tokens.create(Role.WRITER, "account-").secret());

        assertThat(accounts.post("/streams/account-1", OPENED).status()).isEqualTo(200);
        assertThat(accounts.get("/streams/account-1").status()).isEqualTo(200);
        assertThat(accounts.get("/streams/$ce-account").status()).isEqualTo(200);
        var refused = accounts.get("/streams/order-1");
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.json().get("details").get("streams").asText()).isEqualTo("account-");
        assertThat(accounts.get("/streams/$all").status()).isEqualTo(403);
        assertThat(accounts.post("/streams/order-2", OPENED).status()).isEqualTo(403);
    }

    @Test
    void a_missing_wrong_or_revoked_token_is_refused_with_401() {
        var issued = tokens.create(Role.ADMIN, "");
        assertThat(as(issued.secret()).get("/streams").status()).isEqualTo(200);

        var missing = new HttpTestClient(server.uri()).get("/streams");
        var wrong = as(issued.secret() + "x").get("/streams");
        tokens.revoke(issued.info().id());
        var revoked = as(issued.secret()).get("/streams");

        assertThat(missing.status()).isEqualTo(401);
        assertThat(missing.json().get("error").asText()).isEqualTo("unauthenticated");
        assertThat(wrong.status()).isEqualTo(401);
        assertThat(wrong.json().get("error").asText()).isEqualTo("invalid_token");
        assertThat(revoked.status()).isEqualTo(401);
    }

    @Test
    void a_live_subscription_needs_a_token_too() {
        var reply = new HttpTestClient(server.uri()).get("/subscriptions/$all");

        assertThat(reply.status()).isEqualTo(401);
    }

    @Test
    void a_live_subscription_takes_the_token_as_a_query_parameter_for_event_source() {
        String secret = tokens.create(Role.READER, "").secret();
        as(tokens.create(Role.WRITER, "").secret()).post("/streams/order-1", OPENED);

        try (var sse =
                new SseTestClient(new HttpTestClient(server.uri()), "/subscriptions/$all?access_token=" + secret, "")) {
            assertThat(sse.status()).isEqualTo(200);
            org.awaitility.Awaitility.await()
                    .atMost(java.time.Duration.ofSeconds(10))
                    .until(() -> sse.ids().contains(1L));
        }
        var wrong = new HttpTestClient(server.uri()).get("/subscriptions/$all?access_token=" + secret + "x");
        assertThat(wrong.status()).isEqualTo(401);
    }

    @Test
    void health_probes_need_no_token() {
        assertThat(new HttpTestClient(server.uri()).get("/health/ready").status())
                .isEqualTo(200);
    }

    @Test
    void the_token_file_holds_only_hashes_of_the_secrets() throws Exception {
        var issued = tokens.create(Role.WRITER, "account-");

        String file = Files.readString(data.resolve(TokenStore.FILE_NAME));

        assertThat(file)
                .doesNotContain(issued.secret())
                .contains(issued.info().id())
                .contains("sha256");
        assertThat(TokenStore.in(data).list())
                .extracting(info -> info.streamPrefix())
                .containsExactly("account-");
    }
}
