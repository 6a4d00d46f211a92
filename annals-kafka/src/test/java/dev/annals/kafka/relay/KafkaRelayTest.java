package dev.annals.kafka.relay;

import dev.annals.backend.Backends;
import dev.annals.backend.Deployment;
import dev.annals.backend.OpenOptions;
import dev.annals.event.EventData;
import dev.annals.event.Metadata;
import dev.annals.kafka.testing.KafkaBroker;
import dev.annals.kafka.testing.PublishedLog;
import dev.annals.store.EventStore;
import dev.annals.store.ExpectedVersion;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/** The relay against a real broker: what reaches Kafka, how, and how often. One broker for the class. */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
// A guard against a hang, not a speed check.
@Timeout(600)
class KafkaRelayTest {

    private static KafkaBroker broker;

    @TempDir
    Path temp;

    private Deployment deployment;
    private EventStore store;
    private String prefix;

    @BeforeAll
    static void startBroker() {
        broker = KafkaBroker.start();
    }

    @AfterAll
    static void stopBroker() {
        broker.close();
    }

    @BeforeEach
    void openStore() {
        deployment = Backends.installed().open(temp.resolve("store").toString(), OpenOptions.defaults());
        store = deployment.store();
        prefix = "t" + UUID.randomUUID().toString().substring(0, 8) + ".";
    }

    @AfterEach
    void closeStore() {
        deployment.close();
    }

    private RelayOptions options() {
        return RelayOptions.to(broker.bootstrapServers())
                .withName("relay-" + prefix.replace(".", ""))
                .withTopics(new TopicRule.PerCategory(prefix))
                .withMeterRegistry(new SimpleMeterRegistry());
    }

    private PublishedLog published() {
        return PublishedLog.read(broker.bootstrapServers(), Pattern.compile(Pattern.quote(prefix) + ".*"));
    }

    private void appendTo(String stream, int count) {
        var events = IntStream.range(0, count)
                .mapToObj(i -> EventData.of("Noted", "{\"n\":" + i + "}"))
                .toList();
        store.append(stream, ExpectedVersion.any(), events);
    }

    @Test
    void every_event_reaches_kafka_once_in_stream_order_keyed_by_stream_on_a_topic_per_category() {
        for (int round = 0; round < 5; round++) {
            appendTo("account-1", 7);
            appendTo("account-2", 5);
            appendTo("order-9", 3);
        }
        try (var log = published();
                var relay = KafkaRelay.start(store, options())) {
            await().atMost(Duration.ofSeconds(60)).until(() -> log.size() >= 75);
            appendTo("account-1", 10);
            await().atMost(Duration.ofSeconds(30)).until(() -> log.size() >= 85);
            await().atMost(Duration.ofSeconds(10)).until(() -> relay.status().checkpoint() == store.headPosition());

            var received = log.received();
            assertThat(received).hasSize(85);
            assertThat(new HashSet<>(
                            received.stream().map(r -> r.event().getId()).toList()))
                    .hasSize(85);
            assertThat(log.versionsByStream())
                    .containsEntry("account-1", range(45))
                    .containsEntry("account-2", range(25))
                    .containsEntry("order-9", range(15));
            assertThat(received).allSatisfy(record -> {
                assertThat(record.key()).isEqualTo(record.stream());
                assertThat(record.topic())
                        .isEqualTo(prefix
                                + record.stream().substring(0, record.stream().indexOf('-')));
            });
            assertThat(relay.status().role()).isEqualTo(RelayRole.ACTIVE);
            assertThat(relay.status().published()).isEqualTo(85);
        }
    }

    @Test
    void the_value_is_a_structured_cloud_event_with_the_events_attributes_and_extensions() {
        var data = EventData.of(
                "Deposited",
                "{\"amount\":5}".getBytes(StandardCharsets.UTF_8),
                Metadata.empty()
                        .withCorrelationId("corr-1")
                        .withCausationId("cause-2")
                        .with("traceparent", "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01"));
        store.append("account-7", ExpectedVersion.noStream(), data);
        var recorded = store.readStream("account-7").toList().getFirst();
        try (var log = published();
                var relay = KafkaRelay.start(store, options())) {
            await().atMost(Duration.ofSeconds(60)).until(() -> log.size() >= 1);
            var event = log.received().getFirst().event();

            assertThat(event.getId()).isEqualTo(recorded.eventId().toString());
            assertThat(event.getType()).isEqualTo("Deposited");
            assertThat(event.getSource()).hasToString("/annals");
            assertThat(event.getSubject()).isEqualTo("account-7");
            assertThat(event.getTime().toInstant()).isEqualTo(recorded.recordedAt());
            assertThat(event.getDataContentType()).isEqualTo("application/json");
            assertThat(new String(event.getData().toBytes(), StandardCharsets.UTF_8))
                    .isEqualToIgnoringWhitespace("{\"amount\":5}");
            assertThat(event.getExtension("position")).isEqualTo(Long.toString(recorded.position()));
            assertThat(event.getExtension("streamversion")).isEqualTo("0");
            assertThat(event.getExtension("correlationid")).isEqualTo("corr-1");
            assertThat(event.getExtension("causationid")).isEqualTo("cause-2");
            assertThat(event.getExtension("traceparent"))
                    .isEqualTo("00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01");
        }
    }

    @Test
    void a_relay_started_again_goes_on_after_its_checkpoint_without_repeating_an_event() {
        appendTo("account-1", 20);
        var options = options();
        try (var log = published()) {
            try (var relay = KafkaRelay.start(store, options)) {
                await().atMost(Duration.ofSeconds(60))
                        .until(() -> relay.status().checkpoint() == 20);
            }
            appendTo("account-1", 20);
            try (var relay = KafkaRelay.start(store, options)) {
                await().atMost(Duration.ofSeconds(60))
                        .until(() -> relay.status().checkpoint() == 40);
                await().atMost(Duration.ofSeconds(30)).until(() -> log.size() >= 40);
                assertThat(relay.status().published()).isEqualTo(20);
            }
            assertThat(log.versionsByStream()).containsOnlyKeys("account-1").containsEntry("account-1", range(40));
            assertThat(log.size()).isEqualTo(40);
        }
    }

    @Test
    void a_filter_publishes_only_its_categories_and_types_to_one_topic() {
        appendTo("account-1", 3);
        appendTo("order-1", 3);
        store.append("account-1", ExpectedVersion.any(), EventData.of("Closed", "{}"));
        var topic = prefix + "all";
        var options = options()
                .withTopics(new TopicRule.Single(topic))
                .withFilter(new RelayFilter(Set.of("account"), Set.of("Closed")));
        try (var log = published();
                var relay = KafkaRelay.start(store, options)) {
            await().atMost(Duration.ofSeconds(60)).until(() -> relay.status().checkpoint() == 7);
            await().atMost(Duration.ofSeconds(30)).until(() -> log.size() >= 1);
            assertThat(log.received()).singleElement().satisfies(record -> {
                assertThat(record.topic()).isEqualTo(topic);
                assertThat(record.event().getType()).isEqualTo("Closed");
            });
        }
    }

    @Test
    void a_broker_that_does_not_answer_is_one_clear_error_at_start() {
        var options = RelayOptions.to("127.0.0.1:1").withConnectTimeout(Duration.ofSeconds(2));
        assertThatThrownBy(() -> KafkaRelay.start(store, options))
                .isInstanceOf(RelayConfigurationException.class)
                .hasMessage("no Kafka broker answered at 127.0.0.1:1 within 2 s");
    }

    @Test
    void a_missing_topic_it_may_not_create_stops_the_relay_with_the_topics_name() throws Exception {
        appendTo("account-1", 1);
        var options = options().withTopicCreation(false, 1).withCheckpointTopic("annals.relay.checkpoints");
        try (var relay = KafkaRelay.start(store, options)) {
            assertThat(relay.awaitStopped(Duration.ofSeconds(60))).isTrue();
            assertThat(relay.status().role()).isEqualTo(RelayRole.STOPPED);
            assertThat(relay.status().lastError())
                    .isEqualTo("topic '" + prefix + "account' does not exist and the relay may not create topics:"
                            + " create it, or allow creation");
        }
    }

    @Test
    void bad_options_name_the_option_and_the_value() {
        assertThatThrownBy(() -> RelayOptions.to("localhost"))
                .hasMessage("bootstrap servers 'localhost' must be HOST:PORT, or several separated by commas");
        assertThatThrownBy(() -> new TopicRule.Single("a topic"))
                .hasMessage("topic 'a topic' is not a Kafka topic name: use 1 to 249 letters, digits, '.', '_' or '-'");
        assertThatThrownBy(() -> RelayOptions.to("h:1").withName("no spaces"))
                .hasMessage("relay name 'no spaces' must be 1 to 100 letters, digits, '_' or '-'");
    }

    private static List<Long> range(int count) {
        return IntStream.range(0, count).mapToObj(i -> (long) i).toList();
    }
}
