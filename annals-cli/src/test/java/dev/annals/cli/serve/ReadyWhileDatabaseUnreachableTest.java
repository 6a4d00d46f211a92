package dev.annals.cli.serve;

import dev.annals.backend.Backends;
import dev.annals.cli.PostgresSchema;
import dev.annals.drill.fault.ConnectionFault;
import dev.annals.drill.fault.FaultProxy;
import java.net.InetSocketAddress;
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
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * {@code /health/ready} of a server on PostgreSQL reached through the drills' fault proxy: unready (503,
 * no internals in the body) while the proxy drops every connection to the database, ready again once the
 * connections pass.
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
@Timeout(value = 150, unit = TimeUnit.SECONDS)
class ReadyWhileDatabaseUnreachableTest {

    @RegisterExtension
    final PostgresSchema postgres = new PostgresSchema();

    @TempDir
    Path unused;

    @Test
    void is_unready_while_the_database_is_unreachable_and_ready_after() throws Exception {
        var database = URI.create(postgres.store());
        try (var proxy = FaultProxy.start(new InetSocketAddress(database.getHost(), database.getPort()))) {
            var proxied = postgres.store()
                    .replace(database.getHost() + ":" + database.getPort(), "127.0.0.1:" + proxy.port());
            var serving = BackgroundServe.start(
                    Backends.installed(),
                    "--store",
                    proxied,
                    "--data",
                    unused.resolve("no-data").toString(),
                    "serve",
                    "--port",
                    "0");
            var ready = serving.uri().resolve("health/ready");
            var http =
                    HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

            assertThat(get(http, ready).statusCode()).isEqualTo(200);

            proxy.inject(ConnectionFault.DROP);
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
                var response = get(http, ready);
                assertThat(response.statusCode()).isEqualTo(503);
                assertThat(response.body())
                        .contains("not_ready")
                        .doesNotContain("SELECT")
                        .doesNotContain("127.0.0.1")
                        .doesNotContain(postgres.schema());
            });

            proxy.inject(ConnectionFault.NONE);
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
                var response = get(http, ready);
                assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
                assertThat(response.body()).contains("\"ready\"");
            });
            assertThat(serving.stop()).isZero();
            http.close();
        }
    }

    private static HttpResponse<String> get(HttpClient http, URI uri) throws Exception {
        return http.send(
                HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(45)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
