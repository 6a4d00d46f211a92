package dev.annals.cli.serve;

import dev.annals.backend.Backends;
import dev.annals.cli.Cli;
import dev.annals.server.auth.Role;
import dev.annals.server.auth.TokenStore;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Who may do what on {@code annals serve}: its host check, its origin allow-list, its bank commands, and
 * revocation by {@code annals tokens} from outside the server.
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class ServeAccessTest {

    @TempDir
    Path data;

    private final HttpClient http =
            HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    private BackgroundServe serve(String... args) {
        var all = new java.util.ArrayList<>(java.util.List.of("--data", data.toString(), "serve", "--port", "0"));
        all.addAll(java.util.List.of(args));
        return BackgroundServe.start(Backends.installed(), all.toArray(String[]::new));
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return http.send(request.timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpRequest.Builder post(URI uri, String path, String body) {
        return HttpRequest.newBuilder(uri.resolve(path)).POST(HttpRequest.BodyPublishers.ofString(body));
    }

    @Test
    void a_host_that_only_looks_like_loopback_needs_tokens() throws Exception {
        var serving = serve("--host", "127.attacker.example");

        assertThat(serving.exitCode()).isEqualTo(1);
        assertThat(serving.out()).doesNotContain("Authentication is off");
        assertThat(serving.err()).contains("bearer tokens are required on 127.attacker.example");
    }

    @Test
    void a_writer_limited_to_transfers_cannot_move_money_out_of_an_account() throws Exception {
        var tokens = TokenStore.in(data);
        String transfers = tokens.create(Role.WRITER, "transfer-").secret();
        String bank = tokens.create(Role.WRITER, "").secret();
        var serving = serve("--demo", "--auth");
        URI uri = serving.uri();
        String body = "{\"source\":\"account-1\",\"target\":\"account-2\",\"amount\":100}";

        var refused =
                send(post(uri, "commands/transfer/transfer-900", body).header("Authorization", "Bearer " + transfers));
        var missing = send(
                HttpRequest.newBuilder(uri.resolve("streams/transfer-900")).header("Authorization", "Bearer " + bank));
        var accepted =
                send(post(uri, "commands/transfer/transfer-901", body).header("Authorization", "Bearer " + bank));

        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(403);
        assertThat(refused.body()).contains("account-1");
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(200);
        assertThat(serving.stop()).isZero();
    }

    @Test
    void annals_tokens_revoke_ends_the_open_live_subscriptions_of_the_token() throws Exception {
        var cli = Cli.onSqlite(data);
        var created = cli.run("tokens", "create", "--role", "reader");
        String id = created.outLines().get(0).split(" ")[1];
        String secret = created.outLines().get(1);
        var serving = serve("--auth");
        URI uri = serving.uri();
        var subscription = http.sendAsync(
                HttpRequest.newBuilder(uri.resolve("subscriptions/$all"))
                        .header("Authorization", "Bearer " + secret)
                        .header("Accept", "text/event-stream")
                        .build(),
                HttpResponse.BodyHandlers.ofLines());
        var response = subscription.get(10, TimeUnit.SECONDS);
        assertThat(response.statusCode()).isEqualTo(200);
        // Read on a thread of its own: the list is complete when the server ends the stream.
        var lines = CompletableFuture.supplyAsync(
                () -> response.body().toList(), task -> Thread.ofVirtual().start(task));

        assertThat(cli.run("tokens", "revoke", id).exitCode()).isZero();

        await().atMost(Duration.ofSeconds(30)).until(lines::isDone);
        assertThat(lines.get()).contains("event: revoked");
        assertThat(serving.stop()).isZero();
    }

    @Test
    void allow_origin_lets_another_front_end_write_and_refuses_other_origins() throws Exception {
        var serving = serve("--allow-origin", "https://console.example");
        URI uri = serving.uri();
        String opened = "{\"events\":[{\"type\":\"Opened\",\"data\":{}}]}";

        var allowed = send(post(uri, "streams/account-1", opened).header("Origin", "https://console.example"));
        var foreign = send(post(uri, "streams/account-1", opened).header("Origin", "http://evil.example"));

        assertThat(allowed.statusCode()).as(allowed.body()).isEqualTo(200);
        assertThat(foreign.statusCode()).isEqualTo(403);
        assertThat(serving.stop()).isZero();
    }
}
