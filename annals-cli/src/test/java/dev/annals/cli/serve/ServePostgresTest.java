package dev.annals.cli.serve;

import dev.annals.backend.Backends;
import dev.annals.cli.PostgresSchema;
import dev.annals.client.AnnalsClient;
import dev.annals.event.EventData;
import dev.annals.projection.ProjectionHealth;
import dev.annals.projection.ProjectionState;
import dev.annals.store.ExpectedVersion;
import dev.annals.store.postgres.PostgresAddress;
import dev.annals.store.postgres.PostgresEventStore;
import dev.annals.store.postgres.PostgresProjections;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
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
 * {@code annals --store postgresql://... serve}: the API over the PostgreSQL store and the projections'
 * bookkeeping in its schema, in a schema of a random name that is dropped afterwards. The server is
 * {@code ANNALS_TEST_POSTGRES_URL} (set by run-tests) or the local one at 127.0.0.1:5432.
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class ServePostgresTest {

    @RegisterExtension
    final PostgresSchema postgres = new PostgresSchema();

    @TempDir
    Path unused;

    private String store() {
        return postgres.store();
    }

    @Test
    void serves_the_postgresql_store_and_its_projections() throws Exception {
        var address = PostgresAddress.parse(store());
        try (var states = PostgresProjections.states(address)) {
            states.report(new ProjectionHealth("balances", ProjectionState.RUNNING, 0, 0, 0, 0, 0, "", Instant.now()));
        }
        var serving = BackgroundServe.start(
                Backends.installed(),
                "--store",
                store(),
                "--data",
                unused.resolve("no-data").toString(),
                "serve",
                "--port",
                "0");
        var uri = serving.uri();

        try (var client = AnnalsClient.builder(uri).build()) {
            client.append("account-1", ExpectedVersion.noStream(), EventData.of("Opened", "{}"));
        }
        var http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        var projections = http.send(
                HttpRequest.newBuilder(uri.resolve("projections")).build(), HttpResponse.BodyHandlers.ofString());
        var pause = http.send(
                HttpRequest.newBuilder(uri.resolve("projections/balances/pause"))
                        .POST(HttpRequest.BodyPublishers.noBody())
                        .build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(serving.out()).contains("PostgreSQL store").contains(postgres.schema());
        assertThat(projections.statusCode()).isEqualTo(200);
        assertThat(projections.body()).contains("balances");
        assertThat(pause.statusCode()).as(pause.body()).isEqualTo(202);
        try (var states = PostgresProjections.states(address)) {
            assertThat(states.control("balances").paused()).isTrue();
        }
        try (var store = PostgresEventStore.open(address)) {
            assertThat(store.headPosition()).isEqualTo(1);
        }
        assertThat(serving.stop()).isZero();
        assertThat(unused.resolve("no-data")).doesNotExist();
        http.close();
    }

    @Test
    void with_demo_runs_the_banks_projections_in_the_postgresql_schema() throws Exception {
        var serving = BackgroundServe.start(
                Backends.installed(),
                "--store",
                store(),
                "--data",
                unused.resolve("no-data").toString(),
                "serve",
                "--port",
                "0",
                "--demo");
        var uri = serving.uri();
        var http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

        var opened = http.send(
                HttpRequest.newBuilder(uri.resolve("commands/open-account/account-200"))
                        .POST(HttpRequest.BodyPublishers.ofString("{\"owner\":\"Dana\"}"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(opened.statusCode()).as(opened.body()).isEqualTo(200);
        assertThat(serving.out()).contains("Bank projections running");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(http.send(
                                HttpRequest.newBuilder(uri.resolve("queries/balances?account=account-200"))
                                        .build(),
                                HttpResponse.BodyHandlers.ofString())
                        .body())
                .contains("\"owner\":\"Dana\""));
        assertThat(serving.stop()).isZero();
        http.close();
    }
}
