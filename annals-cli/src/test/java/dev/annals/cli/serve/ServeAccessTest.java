package dev.annals.cli.serve;

import static org.assertj.core.api.Assertions.assertThat;

import dev.annals.cli.StoreOpener;
import dev.annals.server.auth.Role;
import dev.annals.server.auth.TokenStore;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Who may do what on {@code annals serve}: its host check, its origin allow-list, its bank commands. */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class ServeAccessTest {

    @TempDir
    Path data;

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    private BackgroundServe serve(String... args) {
        var all = new java.util.ArrayList<>(java.util.List.of("--data", data.toString(), "serve", "--port", "0"));
        all.addAll(java.util.List.of(args));
        return BackgroundServe.start(StoreOpener.sqlite(), all.toArray(String[]::new));
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

        var refused = send(post(uri, "commands/transfer/transfer-900", body)
                .header("Authorization", "Bearer " + transfers));
        var missing = send(HttpRequest.newBuilder(uri.resolve("streams/transfer-900"))
                .header("Authorization", "Bearer " + bank));
        var accepted = send(post(uri, "commands/transfer/transfer-901", body)
                .header("Authorization", "Bearer " + bank));

        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(403);
        assertThat(refused.body()).contains("account-1");
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(200);
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
