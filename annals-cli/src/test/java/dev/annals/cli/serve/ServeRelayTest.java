package dev.annals.cli.serve;

import dev.annals.backend.Backends;
import dev.annals.cli.AnnalsCommand;
import dev.annals.cli.Cli;
import dev.annals.kafka.testing.KafkaBroker;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * {@code annals serve --relay kafka=...} against a real broker: the relay's figures reach the server's
 * {@code /metrics}, its {@code GET /relays}, and {@code annals projections} run against the server.
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
@Timeout(180)
class ServeRelayTest {

    private static final Pattern URL = Pattern.compile("Listening on (http://\\S+/) ");

    private static KafkaBroker broker;

    @TempDir
    Path data;

    private final HttpClient http =
            HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @BeforeAll
    static void startBroker() {
        broker = KafkaBroker.start();
    }

    @AfterAll
    static void stopBroker() {
        broker.close();
    }

    @Test
    void the_relay_in_the_server_shows_its_checkpoint_lag_and_rate_in_metrics_the_api_and_annals_projections()
            throws Exception {
        var cli = Cli.onSqlite(data);
        cli.run("append", "account-1", "Opened", "{}");
        cli.run("append", "account-1", "Deposited", "{\"amount\":5}");
        cli.run("append", "order-1", "Placed", "{}");
        var out = new StringWriter();
        var exitCode = new AtomicInteger(-1);
        var commandLine = AnnalsCommand.commandLine(new AnnalsCommand(Backends.installed()));
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(new StringWriter(), true));
        Thread serving = Thread.ofPlatform()
                .name("annals-serve-relay-test")
                .start(() -> exitCode.set(commandLine.execute(
                        "--data",
                        data.toString(),
                        "serve",
                        "--port",
                        "0",
                        "--relay",
                        "kafka=" + broker.bootstrapServers())));
        try {
            await().atMost(Duration.ofSeconds(60))
                    .until(() -> URL.matcher(out.toString()).find());
            var matcher = URL.matcher(out.toString());
            matcher.find();
            URI uri = URI.create(matcher.group(1));

            await().atMost(Duration.ofSeconds(90)).untilAsserted(() -> assertThat(get(uri, "relays"))
                    .contains("\"name\":\"annals\"")
                    .contains("\"role\":\"active\"")
                    .contains("\"checkpoint\":3")
                    .contains("\"headPosition\":3")
                    .contains("\"eventsBehind\":0")
                    .contains("\"published\":3"));
            assertThat(get(uri, "metrics"))
                    .containsPattern("annals_relay_checkpoint\\{relay=\"annals\"} 3\\.0")
                    .containsPattern("annals_relay_lag_events\\{relay=\"annals\"} 0\\.0")
                    .contains("annals_relay_lag_seconds{relay=\"annals\"}")
                    .contains("annals_relay_publish_rate")
                    .containsPattern("annals_relay_published_total\\{relay=\"annals\"} 3\\.0");

            var projections = cli.runWithoutData("--store", uri.toString(), "projections");
            assertThat(projections.exitCode()).as(projections.err()).isZero();
            assertThat(projections.outLines())
                    .anySatisfy(line -> assertThat(line).startsWith("RELAY").contains("EVENTS/S"))
                    .anySatisfy(line -> assertThat(line.split("\\s+")).startsWith("annals", "ACTIVE", "3", "0"));
        } finally {
            serving.interrupt();
            serving.join(Duration.ofSeconds(30));
        }
        assertThat(exitCode.get()).isZero();
    }

    private String get(URI uri, String path) throws Exception {
        return http.send(
                        HttpRequest.newBuilder(uri.resolve(path))
                                .timeout(Duration.ofSeconds(10))
                                .build(),
                        HttpResponse.BodyHandlers.ofString())
                .body();
    }
}
