package dev.annals.cli.serve;

import dev.annals.backend.Backends;
import dev.annals.cli.AnnalsCommand;
import dev.annals.cli.TestBackends;
import dev.annals.store.memory.InMemoryEventStore;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class ServeCommandTest {

    private static final Pattern URL = Pattern.compile("Listening on (http://\\S+/) ");

    @TempDir
    Path data;

    private final HttpClient http =
            HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    /** A running {@code annals serve}: its output, its exit code once stopped, and its thread. */
    private record Serving(StringWriter out, AtomicInteger exitCode, Thread thread) {

        URI uri() {
            await().atMost(Duration.ofSeconds(60))
                    .until(() -> URL.matcher(out.toString()).find());
            var matcher = URL.matcher(out.toString());
            matcher.find();
            return URI.create(matcher.group(1));
        }

        int stop() throws InterruptedException {
            thread.interrupt();
            thread.join(Duration.ofSeconds(30));
            return exitCode.get();
        }
    }

    private Serving serve(Backends opener, String... args) {
        var out = new StringWriter();
        var exitCode = new AtomicInteger(-1);
        var commandLine = AnnalsCommand.commandLine(new AnnalsCommand(opener));
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(new StringWriter(), true));
        var all = new java.util.ArrayList<>(java.util.List.of("--data", data.toString(), "serve", "--port", "0"));
        all.addAll(java.util.List.of(args));
        Thread thread = Thread.ofPlatform()
                .name("annals-serve-test")
                .start(() -> exitCode.set(commandLine.execute(all.toArray(String[]::new))));
        return new Serving(out, exitCode, thread);
    }

    private HttpResponse<String> get(URI uri, String path) throws Exception {
        return http.send(
                HttpRequest.newBuilder(uri.resolve(path))
                        .timeout(Duration.ofSeconds(10))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void serves_the_api_over_the_store_and_prints_its_url() throws Exception {
        var store = new InMemoryEventStore();
        var serving = serve(TestBackends.inMemory(store));
        URI uri = serving.uri();

        var append = http.send(
                HttpRequest.newBuilder(uri.resolve("streams/account-1"))
                        .POST(HttpRequest.BodyPublishers.ofString("{\"events\":[{\"type\":\"Opened\",\"data\":{}}]}"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(append.statusCode()).isEqualTo(200);
        assertThat(store.headPosition()).isEqualTo(1);
        assertThat(get(uri, "openapi.json").statusCode()).isEqualTo(200);
        assertThat(serving.stop()).isZero();
    }

    @Test
    void serves_the_report_annals_drill_left_in_the_embedded_stores_data_directory() throws Exception {
        java.nio.file.Files.createDirectories(data);
        var serving = serve(Backends.installed());
        URI uri = serving.uri();

        var none = get(uri, "drills/last");
        java.nio.file.Files.writeString(
                data.resolve("last-drill.json"),
                "{\"finishedAt\":\"2026-12-03T14:00:00Z\",\"passed\":true,\"drills\":[]}");
        var last = get(uri, "drills/last");

        assertThat(none.statusCode()).isEqualTo(404);
        assertThat(none.body()).contains("\"error\":\"no_drill_report\"");
        assertThat(last.statusCode()).isEqualTo(200);
        assertThat(last.body()).contains("\"finishedAt\":\"2026-12-03T14:00:00Z\"");
        assertThat(serving.stop()).isZero();
    }

    @Test
    void with_demo_runs_the_bank_demo_on_sqlite_and_serves_its_events() throws Exception {
        var serving = serve(Backends.installed(), "--demo");
        URI uri = serving.uri();

        var account = get(uri, "streams/account-1");
        var transfers = get(uri, "streams/$ce-transfer");

        assertThat(serving.out().toString()).contains("transfer-1 is COMPLETED").contains("Bank projections running");
        assertThat(account.statusCode()).isEqualTo(200);
        assertThat(account.body()).contains("AccountOpened");
        assertThat(transfers.body()).contains("transfer-1");
        assertThat(get(uri, "state/account-1").body()).contains("Alice");
        await().atMost(Duration.ofSeconds(30))
                .until(() -> get(uri, "projections").body().contains("balances"));
        var audit = post(uri, "audit/verify", "");
        assertThat(audit.statusCode()).isEqualTo(200);
        assertThat(audit.body()).contains("\"intact\":true");
        assertThat(serving.stop()).isZero();
    }

    @Test
    void metrics_carry_the_stores_append_latency_and_the_projections_lag_beside_the_http_requests() throws Exception {
        var serving = serve(Backends.installed(), "--demo");
        URI uri = serving.uri();

        assertThat(post(uri, "streams/metered-1", "{\"events\":[{\"type\":\"Noted\",\"data\":{}}]}")
                        .statusCode())
                .isEqualTo(200);

        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(get(uri, "metrics").body())
                        .containsPattern("annals_append_seconds_count\\{[^}]*} [1-9]")
                        .containsPattern("annals_projection_lag_events\\{[^}]*projection=\"balances\"")
                        .contains("annals_http_requests_seconds_count"));
        assertThat(serving.stop()).isZero();
    }

    @Test
    void with_auth_requires_a_token_created_by_annals_tokens() throws Exception {
        String secret = dev.annals.server.auth.TokenStore.in(data)
                .create(dev.annals.server.auth.Role.READER, "")
                .secret();
        var serving = serve(Backends.installed(), "--auth");
        URI uri = serving.uri();

        var anonymous = get(uri, "streams");
        var authorized = http.send(
                HttpRequest.newBuilder(uri.resolve("streams"))
                        .header("Authorization", "Bearer " + secret)
                        .build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(authorized.statusCode()).isEqualTo(200);
        assertThat(serving.out().toString()).contains("Authentication is on");
        assertThat(serving.stop()).isZero();
    }

    private HttpResponse<String> post(URI uri, String path, String body) throws Exception {
        return http.send(
                HttpRequest.newBuilder(uri.resolve(path))
                        .timeout(Duration.ofSeconds(10))
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void with_demo_takes_the_banks_commands_over_http_and_its_balances_follow() throws Exception {
        var serving = serve(Backends.installed(), "--demo");
        URI uri = serving.uri();

        var opened = post(uri, "commands/open-account/account-100", "{\"owner\":\"Carol\"}");
        var deposited = post(uri, "commands/deposit/account-100", "{\"amount\":5000}");
        var overdraft = post(uri, "commands/withdraw/account-100", "{\"amount\":999999}");
        var transfer = post(
                uri,
                "commands/transfer/transfer-100",
                "{\"source\":\"account-100\",\"target\":\"account-1\",\"amount\":1500}");

        assertThat(opened.statusCode()).isEqualTo(200);
        assertThat(deposited.statusCode()).isEqualTo(200);
        assertThat(deposited.body()).contains("\"outcome\":\"accepted\"");
        assertThat(overdraft.statusCode()).isEqualTo(422);
        assertThat(overdraft.body()).contains("command_rejected");
        assertThat(transfer.statusCode()).isEqualTo(200);
        assertThat(get(uri, "streams/account-100").body())
                .contains("AccountOpened")
                .contains("Deposited");
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() ->
                        assertThat(get(uri, "streams/transfer-100").body()).contains("TransferCompleted"));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(
                        get(uri, "queries/balances?account=account-100").body())
                .contains("\"owner\":\"Carol\"")
                .contains("\"balance\":3500"));
        assertThat(get(uri, "streams/account-100").body()).contains("TransferDebited");
        assertThat(serving.stop()).isZero();
    }

    @Test
    void with_demo_a_balances_query_after_a_position_beyond_the_head_is_refused_at_once_naming_the_head()
            throws Exception {
        var serving = serve(Backends.installed(), "--demo");
        URI uri = serving.uri();
        var opened = post(uri, "commands/open-account/account-100", "{\"owner\":\"Carol\"}");
        long position = com.fasterxml.jackson.databind.json.JsonMapper.builder()
                .build()
                .readTree(opened.body())
                .get("position")
                .asLong();

        long started = System.nanoTime();
        var beyond = get(uri, "queries/balances?after=" + (position + 1000));
        var reached = get(uri, "queries/balances?account=account-100&after=" + position);

        assertThat(beyond.statusCode()).isEqualTo(400);
        assertThat(beyond.body()).contains("beyond the store's head position");
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(9));
        assertThat(reached.statusCode()).isEqualTo(200);
        assertThat(reached.body()).contains("Carol");
        assertThat(serving.stop()).isZero();
    }

    @Test
    void with_demo_and_traffic_sends_sample_commands_until_stopped() throws Exception {
        var serving = serve(Backends.installed(), "--demo", "--traffic", "50");
        URI uri = serving.uri();

        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(get(uri, "streams/account-t1").body())
                        .contains("Ada")
                        .contains("Deposited"));

        assertThat(serving.out().toString())
                .contains("Sample traffic: 50.0 bank commands per second")
                .contains("Web console: " + uri);
        assertThat(serving.stop()).isZero();
    }

    @Test
    void traffic_without_demo_is_refused() {
        var out = new StringWriter();
        var err = new StringWriter();
        var commandLine = AnnalsCommand.commandLine(new AnnalsCommand(Backends.installed()));
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));

        int exit = commandLine.execute("--data", data.toString(), "serve", "--port", "0", "--traffic", "5");

        assertThat(exit).isEqualTo(2);
        assertThat(err.toString()).contains("--traffic").contains("--demo");
    }

    @Test
    void a_relay_that_is_not_kafka_host_and_port_is_refused_before_serving() {
        var err = new StringWriter();
        var commandLine = AnnalsCommand.commandLine(new AnnalsCommand(Backends.installed()));
        commandLine.setOut(new PrintWriter(new StringWriter(), true));
        commandLine.setErr(new PrintWriter(err, true));

        int wrongBroker =
                commandLine.execute("--data", data.toString(), "serve", "--port", "0", "--relay", "rabbit=x:1");
        int noPort = AnnalsCommand.commandLine(new AnnalsCommand(Backends.installed()))
                .setErr(new PrintWriter(err, true))
                .execute("--data", data.toString(), "serve", "--port", "0", "--relay", "kafka=broker");

        assertThat(wrongBroker).isEqualTo(2);
        assertThat(noPort).isEqualTo(2);
        assertThat(err.toString())
                .contains("--relay must be kafka=HOST:PORT, was 'rabbit=x:1'")
                .contains("--relay: bootstrap servers 'broker' must be HOST:PORT");
    }
}
