package dev.annals.cli.relay;

import dev.annals.cli.Cli;
import dev.annals.kafka.testing.KafkaBroker;
import dev.annals.kafka.testing.PublishedLog;
import java.nio.file.Path;
import java.time.Duration;
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

/** {@code annals relay kafka} against a real broker, and its answers to bad configuration. */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
// A guard against a hang, not a speed check.
@Timeout(600)
class KafkaRelayCommandTest {

    private static KafkaBroker broker;

    @TempDir
    Path data;

    @BeforeAll
    static void startBroker() {
        broker = KafkaBroker.start();
    }

    @AfterAll
    static void stopBroker() {
        broker.close();
    }

    /** Two events of category account and one of category order, at positions 1 to 3. */
    private static void appendThreeEvents(Cli cli) {
        cli.run("append", "account-1", "Opened", "{}");
        cli.run("append", "account-1", "Deposited", "{\"amount\":5}");
        cli.run("append", "order-1", "Placed", "{}");
    }

    @Test
    void publishes_the_store_to_a_topic_per_category_and_stops_when_caught_up() {
        var cli = Cli.onSqlite(data);
        appendThreeEvents(cli);
        try (var log = PublishedLog.read(broker.bootstrapServers(), Pattern.compile("cli\\..*"))) {
            var run = cli.run(
                    "relay",
                    "kafka",
                    "--bootstrap-servers",
                    broker.bootstrapServers(),
                    "--topic-per-category",
                    "cli.",
                    "--name",
                    "cli-test",
                    "--until-caught-up");

            assertThat(run.exitCode()).as(run.err()).isZero();
            assertThat(run.outLines())
                    .containsExactly(
                            "relay cli-test: $all to Kafka at " + broker.bootstrapServers(),
                            "relay cli-test: published 3 event(s); checkpoint at position 3");
            await().atMost(Duration.ofSeconds(60)).until(() -> log.size() == 3 && log.caughtUp());
            assertThat(log.received())
                    .extracting(PublishedLog.Received::topic)
                    .containsOnly("cli.account", "cli.order");
        }
    }

    @Test
    void projections_with_bootstrap_servers_lists_a_relay_that_ran_in_another_process_with_its_lag() {
        var cli = Cli.onSqlite(data);
        appendThreeEvents(cli);
        var relay = cli.run(
                "relay",
                "kafka",
                "--bootstrap-servers",
                broker.bootstrapServers(),
                "--topic",
                "listed.events",
                "--name",
                "listed",
                "--until-caught-up");
        assertThat(relay.exitCode()).as(relay.err()).isZero();
        // Two events the relay, stopped now, has not published.
        cli.run("append", "order-1", "Shipped", "{}");
        cli.run("append", "order-2", "Placed", "{}");

        var run = cli.run("projections", "--bootstrap-servers", broker.bootstrapServers());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.outLines()).contains("No projection has run on this store yet.");
        assertThat(run.outLines()).anySatisfy(line -> assertThat(line)
                .matches("RELAY +ROLE +CHECKPOINT +BEHIND +SECONDS +EVENTS/S +PUBLISHED"));
        // Its checkpoint, two events behind this store's head, the older of them waiting for some time.
        assertThat(run.outLines())
                .anySatisfy(line -> assertThat(line).matches("listed +ACTIVE +3 +2 +\\d+\\.\\d{3} +[\\d.]+ +3"));
    }

    @Test
    void projections_with_an_unreachable_broker_says_so_in_one_line() {
        var cli = Cli.onSqlite(data);
        cli.run("append", "account-1", "Opened", "{}");

        var run = cli.run("projections", "--bootstrap-servers", "127.0.0.1:1");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.errLines()).hasSize(1);
        assertThat(run.errLines().getFirst()).contains("no Kafka broker answered at 127.0.0.1:1");
    }

    @Test
    void publishes_only_the_categories_asked_for_to_one_topic() {
        var cli = Cli.onSqlite(data);
        cli.run("append", "account-1", "Opened", "{}");
        cli.run("append", "order-1", "Placed", "{}");
        cli.run("append", "audit-1", "Seen", "{}");
        try (var log = PublishedLog.read(broker.bootstrapServers(), Pattern.compile("cli-one"))) {
            var run = cli.run(
                    "relay",
                    "kafka",
                    "--bootstrap-servers",
                    broker.bootstrapServers(),
                    "--topic",
                    "cli-one",
                    "--category",
                    "account",
                    "--category",
                    "order",
                    "--name",
                    "cli-one",
                    "--until-caught-up");

            assertThat(run.exitCode()).as(run.err()).isZero();
            await().atMost(Duration.ofSeconds(60)).until(() -> log.size() == 2 && log.caughtUp());
            assertThat(log.received())
                    .extracting(PublishedLog.Received::stream)
                    .containsExactlyInAnyOrder("account-1", "order-1");
        }
    }

    @Test
    void an_unreachable_broker_is_one_line_and_exit_1() {
        Cli.onSqlite(data).run("append", "account-1", "Opened", "{}");

        var run = Cli.onSqlite(data)
                .run("relay", "kafka", "--bootstrap-servers", "127.0.0.1:1", "--connect-timeout", "2");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.errLines()).containsExactly("annals: no Kafka broker answered at 127.0.0.1:1 within 2 s");
    }

    @Test
    void publishes_through_a_sasl_listener_with_the_right_credentials() {
        var cli = Cli.onSqlite(data);
        cli.run("append", "secured-1", "Opened", "{}");
        try (var log = PublishedLog.read(broker.bootstrapServers(), Pattern.compile("sasl-topic"))) {
            var run = cli.run(saslRelay(KafkaBroker.SASL_PASSWORD));

            assertThat(run.exitCode()).as(run.err()).isZero();
            await().atMost(Duration.ofSeconds(60)).until(() -> log.size() == 1 && log.caughtUp());
            assertThat(log.received()).extracting(PublishedLog.Received::stream).containsExactly("secured-1");
        }
    }

    @Test
    void wrong_credentials_are_one_line_and_exit_1() {
        var cli = Cli.onSqlite(data);
        cli.run("append", "secured-1", "Opened", "{}");

        var run = cli.run(saslRelay("not-the-password"));

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.errLines()).hasSize(1);
        assertThat(run.err())
                .contains("Kafka at " + broker.saslBootstrapServers() + " refused the relay's credentials")
                .doesNotContain("Exception", "org.apache");
    }

    private String[] saslRelay(String password) {
        return new String[] {
            "relay",
            "kafka",
            "--bootstrap-servers",
            broker.saslBootstrapServers(),
            "--kafka-property",
            "security.protocol=SASL_PLAINTEXT",
            "--kafka-property",
            "sasl.mechanism=PLAIN",
            "--kafka-property",
            "sasl.jaas.config=org.apache.kafka.common.security.plain.PlainLoginModule required username=\""
                    + KafkaBroker.SASL_USER + "\" password=\"" + password + "\";",
            "--topic",
            "sasl-topic",
            "--name",
            "sasl-" + password.length(),
            "--connect-timeout",
            "10",
            "--until-caught-up"
        };
    }

    @Test
    void a_malformed_bootstrap_server_is_bad_usage() {
        var run = Cli.onSqlite(data).run("relay", "kafka", "--bootstrap-servers", "kafka");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("bootstrap servers 'kafka' must be HOST:PORT");
    }
}
