package dev.annals.kafka.source;

import dev.annals.backend.Backends;
import dev.annals.backend.OpenOptions;
import dev.annals.kafka.relay.KafkaRelay;
import dev.annals.kafka.relay.RelayOptions;
import dev.annals.kafka.relay.TopicRule;
import dev.annals.kafka.testing.KafkaBroker;
import dev.annals.kafka.testing.Writers;
import dev.annals.projection.ProjectionOptions;
import dev.annals.projection.ProjectionRunner;
import dev.annals.store.jdbc.projection.JdbcReadModels;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A projection fed from Kafka by three worker processes sharing one PostgreSQL read model, one of them killed
 * with SIGKILL mid-run, ends equal to the same projection rebuilt from the store.
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
// A guard against a hang, not a speed check: child JVMs start slowly on a loaded 2-core machine.
@Timeout(900)
class KafkaProjectionTest {

    private static final String POSTGRES = System.getProperty(
            "ANNALS_TEST_POSTGRES_URL",
            System.getenv()
                    .getOrDefault("ANNALS_TEST_POSTGRES_URL", "jdbc:postgresql://127.0.0.1:5432/test?user=postgres"));

    @TempDir
    Path temp;

    private final String schema =
            "annals_test_kafka_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);

    @AfterEach
    void dropSchema() throws Exception {
        try (var connection = DriverManager.getConnection(POSTGRES);
                var statement = connection.createStatement()) {
            statement.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
        }
    }

    private Connection postgres() throws Exception {
        var connection = DriverManager.getConnection(POSTGRES);
        connection.createStatement().execute("SET search_path TO " + schema);
        return connection;
    }

    @Test
    void three_workers_one_killed_end_equal_to_a_rebuild_from_the_store() throws Exception {
        var readModels =
                POSTGRES.replaceFirst("^jdbc:", "") + (POSTGRES.contains("?") ? "&" : "?") + "schema=" + schema;
        var topic = "p" + UUID.randomUUID().toString().substring(0, 8) + ".all";
        try (var broker = KafkaBroker.start();
                var deployment = Backends.installed().open(temp.resolve("store").toString(), OpenOptions.defaults())) {
            var store = deployment.store();
            var options = RelayOptions.to(broker.bootstrapServers())
                    .withName("projection-feed")
                    .withTopics(new TopicRule.Single(topic))
                    .withTopicCreation(true, 6)
                    .withBatchSize(50)
                    .withMeterRegistry(new SimpleMeterRegistry());
            // The schema and the read model's bookkeeping exist before three workers race to create them.
            Backends.installed().open(readModels, OpenOptions.defaults()).close();
            var workers = new ArrayList<ProjectionWorkerChild>();
            try (var relay = KafkaRelay.start(store, options)) {
                var writers = Writers.start(store, 4, 20);
                for (int i = 0; i < 3; i++) {
                    workers.add(ProjectionWorkerChild.start(
                            Path.of("target", "projection-workers", topic),
                            broker.bootstrapServers(),
                            topic,
                            readModels));
                }
                await("a worker to apply events")
                        .atMost(Duration.ofSeconds(120))
                        .until(() -> workers.stream().anyMatch(worker -> worker.applied() > 50));
                var victim = workers.stream()
                        .filter(worker -> worker.applied() > 50)
                        .findFirst()
                        .orElseThrow();
                victim.kill();
                long atKill = writers.appended();
                await().atMost(Duration.ofSeconds(30)).until(() -> writers.appended() > atKill + 200);
                long appended = writers.stop();
                await().atMost(Duration.ofSeconds(60))
                        .until(() -> relay.status().checkpoint() == appended);
                await("the two remaining workers to apply everything")
                        .atMost(Duration.ofSeconds(120))
                        .until(() -> total(Tallies.rows(postgres())) == appended);
            } finally {
                workers.forEach(ProjectionWorkerChild::kill);
            }
            var fedFromKafka = Tallies.rows(postgres());

            var sqliteModels = deployment.require(JdbcReadModels.class, "read models");
            try (var target = sqliteModels.store(Tallies.TABLES);
                    var runner = ProjectionRunner.start(
                            Tallies.projection("tallies"), store, target, ProjectionOptions.defaults())) {
                runner.awaitPosition(store.headPosition(), Duration.ofSeconds(60));
            }
            var rebuilt = Tallies.rows(sqliteModels.connections().open());
            assertThat(fedFromKafka).isEqualTo(rebuilt);
            assertThat(total(rebuilt)).isEqualTo(store.headPosition());
        }
    }

    private static long total(Map<String, String> rows) {
        return rows.values().stream()
                .mapToLong(row -> Long.parseLong(row.substring(0, row.indexOf('/'))))
                .sum();
    }
}
