package dev.annals.kafka.source;

import dev.annals.backend.Backends;
import dev.annals.backend.Deployment;
import dev.annals.backend.OpenOptions;
import dev.annals.event.EventData;
import dev.annals.kafka.relay.KafkaRelay;
import dev.annals.kafka.relay.RelayOptions;
import dev.annals.kafka.relay.TopicRule;
import dev.annals.kafka.testing.KafkaBroker;
import dev.annals.projection.DeadLetterStatus;
import dev.annals.projection.ProjectionOptions;
import dev.annals.projection.ProjectionStates;
import dev.annals.projection.ProjectionTransaction;
import dev.annals.projection.ReadModelStore;
import dev.annals.projection.RetrySchedule;
import dev.annals.store.ExpectedVersion;
import dev.annals.store.jdbc.projection.JdbcReadModels;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * One Kafka-fed projection worker in this JVM, on a SQLite read model, against a broker process: its lag and
 * what a handler's failure on one partition does to the others.
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
// A guard against a hang, not a speed check: the broker starts slowly on a loaded 2-core machine.
@Timeout(300)
class KafkaProjectionWorkerTest {

    private static final int STREAMS = 20;

    @TempDir
    Path temp;

    @Test
    void its_lag_counts_the_records_it_has_not_applied_and_falls_to_zero_once_it_has() throws Exception {
        try (var broker = KafkaBroker.start();
                var deployment = Backends.installed().open(temp.resolve("store").toString(), OpenOptions.defaults())) {
            String topic = published(broker, deployment, 300);
            var models = deployment.require(JdbcReadModels.class, "read models");
            var meters = new SimpleMeterRegistry();
            var gate = new CountDownLatch(1);
            try (var target = models.store(Tallies.TABLES);
                    var worker = KafkaProjection.start(
                            Tallies.projection("gated", tx -> gate.await(2, TimeUnit.MINUTES)),
                            target,
                            KafkaSource.of(broker.bootstrapServers(), Pattern.compile(Pattern.quote(topic))),
                            meters)) {
                // Its first records are fetched and its handler holds them: every record is still to apply.
                await().atMost(Duration.ofMinutes(2)).until(() -> worker.lag() > 0);
                var lag = meters.get("annals.projection.kafka.lag.records")
                        .tag("projection", "gated")
                        .gauge();
                assertThat(lag.value()).isEqualTo(worker.lag()).isPositive();
                assertThat(worker.applied()).isZero();

                gate.countDown();

                await().atMost(Duration.ofMinutes(1)).until(() -> worker.applied() == 300 && worker.lag() == 0);
                assertThat(lag.value()).isZero();
                assertThat(meters.get("annals.projection.kafka.applied")
                                .tag("projection", "gated")
                                .functionCounter()
                                .count())
                        .isEqualTo(300);
            }
            var rows = Tallies.rows(models.connections().open());
            assertThat(rows).hasSize(STREAMS).allSatisfy((stream, row) -> assertThat(row)
                    .isEqualTo("15/14"));
        }
    }

    @Test
    void a_handler_failing_on_one_partition_loses_nothing_of_the_others() throws Exception {
        try (var broker = KafkaBroker.start();
                var deployment = Backends.installed().open(temp.resolve("store").toString(), OpenOptions.defaults())) {
            // More records than one poll brings (500 by default), so the other partitions still have some to
            // fetch while the failed one waits to be read again.
            String topic = published(broker, deployment, 3_000);
            var models = deployment.require(JdbcReadModels.class, "read models");
            var failed = new AtomicBoolean();
            try (var target = models.store(Tallies.TABLES);
                    var worker = KafkaProjection.start(
                            Tallies.projection("failing-once", tx -> {
                                if (tx.event().stream().equals("tally-3")
                                        && tx.event().streamVersion() == 5
                                        && failed.compareAndSet(false, true)) {
                                    throw new IllegalStateException("planted failure");
                                }
                            }),
                            target,
                            KafkaSource.of(broker.bootstrapServers(), Pattern.compile(Pattern.quote(topic))),
                            new SimpleMeterRegistry())) {
                await().atMost(Duration.ofMinutes(2)).until(() -> worker.applied() == 3_000 && worker.lag() == 0);
            }
            assertThat(failed).isTrue();
            // Each stream's 150 events, each applied once, the last at version 149.
            var rows = Tallies.rows(models.connections().open());
            assertThat(rows).hasSize(STREAMS).allSatisfy((stream, row) -> assertThat(row)
                    .isEqualTo("150/149"));
        }
    }

    @Test
    void an_event_that_keeps_failing_is_parked_and_its_partition_goes_on_and_on_retry_it_is_applied_once()
            throws Exception {
        try (var broker = KafkaBroker.start();
                var deployment = Backends.installed().open(temp.resolve("store").toString(), OpenOptions.defaults())) {
            String topic = published(broker, deployment, 300);
            var poisoned =
                    deployment.store().readStream("tally-3").skip(5).findFirst().orElseThrow();
            var models = deployment.require(JdbcReadModels.class, "read models");
            var source = KafkaSource.of(broker.bootstrapServers(), Pattern.compile(Pattern.quote(topic)));
            var options = ProjectionOptions.defaults()
                    .withRetry(new RetrySchedule(3, Duration.ofMillis(10), Duration.ofMillis(40), 0))
                    .withMeterRegistry(new SimpleMeterRegistry());
            var deliveries = new AtomicInteger();
            try (var target = models.store(Tallies.TABLES)) {
                try (var worker = KafkaProjection.start(
                        Tallies.projection("poisoned", tx -> {
                            if (tx.event().eventId().equals(poisoned.eventId())) {
                                deliveries.incrementAndGet();
                                throw new IllegalStateException("poison in " + tx.event().stream());
                            }
                        }),
                        target,
                        source,
                        options)) {
                    await().atMost(Duration.ofMinutes(2)).until(() -> worker.applied() == 299 && worker.lag() == 0);
                }
                assertThat(deliveries).hasValue(3);
                var letters = target.states().deadLetters(Optional.of("poisoned"));
                assertThat(letters).singleElement().satisfies(letter -> {
                    assertThat(letter.eventId()).isEqualTo(poisoned.eventId());
                    assertThat(letter.position()).isEqualTo(poisoned.position());
                    assertThat(letter.eventType()).isEqualTo("Noted");
                    assertThat(letter.attempts()).isEqualTo(3);
                    assertThat(letter.error()).contains("poison in tally-3");
                    assertThat(letter.status()).isEqualTo(DeadLetterStatus.PARKED);
                });

                // Its checkpoint moved past the parked event: two new workers, given the store to read parked
                // events from, apply nothing until an operator asks for a retry; then one of them applies it.
                var redelivered = new AtomicInteger();
                var healed = Tallies.projection("poisoned", tx -> {
                    if (tx.event().eventId().equals(poisoned.eventId())) {
                        redelivered.incrementAndGet();
                    }
                });
                var states = target.states();
                try (var again = KafkaProjection.start(healed, target, source, options, deployment.store());
                        var other = KafkaProjection.start(healed, target, source, options, deployment.store())) {
                    await().atMost(Duration.ofMinutes(2))
                            .until(() -> again.partitions().size()
                                                    + other.partitions().size()
                                            == 2
                                    && again.lag() + other.lag() == 0);
                    assertThat(again.applied() + other.applied()).isZero();
                    long id = letters.getFirst().id();

                    states.requestRetry(id);

                    await().atMost(Duration.ofMinutes(1)).until(() -> states.deadLetters(Optional.of("poisoned"))
                            .isEmpty());
                    assertThat(states.deadLetter(id).orElseThrow().status()).isEqualTo(DeadLetterStatus.RESOLVED);
                }
                // Both workers had the request before them; the one that claimed it second passed it over.
                assertThat(redelivered).hasValue(1);
            }
            var rows = Tallies.rows(models.connections().open());
            assertThat(rows).hasSize(STREAMS).allSatisfy((stream, row) -> assertThat(row)
                    .isEqualTo(stream.equals("tally-3") ? "15/5" : "15/14"));
        }
    }

    @Test
    void records_of_other_producers_on_the_topic_are_skipped_and_every_event_around_them_applied() throws Exception {
        try (var broker = KafkaBroker.start();
                var deployment = Backends.installed().open(temp.resolve("store").toString(), OpenOptions.defaults())) {
            var topic = "w" + UUID.randomUUID().toString().substring(0, 8) + ".all";
            try (var admin = broker.admin()) {
                admin.createTopics(List.of(new NewTopic(topic, 2, (short) 1)))
                        .all()
                        .get();
            }
            // Before the relay's records, on both partitions: plain bytes, and a CloudEvent without the
            // attributes the relay writes (no subject, no position).
            try (var foreign = new KafkaProducer<String, byte[]>(
                    Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()),
                    new StringSerializer(),
                    new ByteArraySerializer())) {
                for (int partition = 0; partition < 2; partition++) {
                    foreign.send(new ProducerRecord<>(topic, partition, "k", "not a cloud event".getBytes(UTF_8)))
                            .get();
                    var bare = new ProducerRecord<>(topic, partition, "k", "{}".getBytes(UTF_8));
                    bare.headers()
                            .add("ce_specversion", "1.0".getBytes(UTF_8))
                            .add("ce_id", UUID.randomUUID().toString().getBytes(UTF_8))
                            .add("ce_type", "Noted".getBytes(UTF_8))
                            .add("ce_source", "/elsewhere".getBytes(UTF_8));
                    foreign.send(bare).get();
                }
            }
            publish(broker, deployment, topic, 300);
            var models = deployment.require(JdbcReadModels.class, "read models");
            try (var target = models.store(Tallies.TABLES);
                    var worker = KafkaProjection.start(
                            Tallies.projection("mixed"),
                            target,
                            KafkaSource.of(broker.bootstrapServers(), Pattern.compile(Pattern.quote(topic))),
                            new SimpleMeterRegistry())) {
                await().atMost(Duration.ofMinutes(2)).until(() -> worker.applied() == 300 && worker.lag() == 0);
                assertThat(target.states().deadLetters(Optional.of("mixed"))).isEmpty();
            }
            var rows = Tallies.rows(models.connections().open());
            assertThat(rows).hasSize(STREAMS).allSatisfy((stream, row) -> assertThat(row)
                    .isEqualTo("15/14"));
        }
    }

    @Test
    void while_the_read_models_database_refuses_writes_nothing_is_parked_and_every_event_is_applied_once_it_is_back()
            throws Exception {
        try (var broker = KafkaBroker.start();
                var deployment = Backends.installed().open(temp.resolve("store").toString(), OpenOptions.defaults())) {
            String topic = published(broker, deployment, 300);
            var models = deployment.require(JdbcReadModels.class, "read models");
            var options = ProjectionOptions.defaults()
                    .withRetry(new RetrySchedule(3, Duration.ofMillis(10), Duration.ofMillis(40), 0))
                    .withMeterRegistry(new SimpleMeterRegistry());
            var away = new AtomicBoolean(true);
            var refused = new AtomicInteger();
            try (var target = models.store(Tallies.TABLES);
                    var worker = KafkaProjection.start(
                            Tallies.projection("outage"),
                            refusingWritesWhile(target, away, refused),
                            KafkaSource.of(broker.bootstrapServers(), Pattern.compile(Pattern.quote(topic))),
                            options)) {
                // On each of the two partitions, three deliveries of its first record and the attempt to park it,
                // all refused.
                await().atMost(Duration.ofMinutes(2)).until(() -> refused.get() >= 8);
                away.set(false);
                await().atMost(Duration.ofMinutes(2)).until(() -> worker.applied() == 300 && worker.lag() == 0);
                assertThat(target.states().deadLetters(Optional.of("outage"))).isEmpty();
            }
            var rows = Tallies.rows(models.connections().open());
            assertThat(rows).hasSize(STREAMS).allSatisfy((stream, row) -> assertThat(row)
                    .isEqualTo("15/14"));
        }
    }

    /**
     * {@code target}, whose units of work refuse every write (a handler's context, a checkpoint, a dead letter)
     * while {@code away} holds, counting the refusals; reads, such as a partition's checkpoint, go through.
     */
    private static <C> ReadModelStore<C> refusingWritesWhile(
            ReadModelStore<C> target, AtomicBoolean away, AtomicInteger refused) {
        var writes = Set.of("context", "saveCheckpoint", "park");
        return new ReadModelStore<>() {
            @Override
            @SuppressWarnings("unchecked")
            public <T> T transact(Work<C, T> work) throws Exception {
                return target.transact(tx -> work.run((ProjectionTransaction<C>) Proxy.newProxyInstance(
                        ProjectionTransaction.class.getClassLoader(),
                        new Class<?>[] {ProjectionTransaction.class},
                        (proxy, method, arguments) -> {
                            if (away.get() && writes.contains(method.getName())) {
                                refused.incrementAndGet();
                                throw new SQLException("the read model's database is away");
                            }
                            try {
                                return method.invoke(tx, arguments);
                            } catch (InvocationTargetException e) {
                                throw e.getCause();
                            }
                        })));
            }

            @Override
            public ProjectionStates states() {
                return target.states();
            }

            @Override
            public void close() {}
        };
    }

    /** Appends {@code events} over the streams, publishes them to a new 2-partition topic and returns its name. */
    private static String published(KafkaBroker broker, Deployment deployment, int events) {
        var topic = "w" + UUID.randomUUID().toString().substring(0, 8) + ".all";
        publish(broker, deployment, topic, events);
        return topic;
    }

    /** Appends {@code events} over the streams and publishes them to {@code topic}, made with 2 partitions if new. */
    private static void publish(KafkaBroker broker, Deployment deployment, String topic, int events) {
        var store = deployment.store();
        for (int i = 0; i < events; i++) {
            store.append(
                    "tally-" + i % STREAMS, ExpectedVersion.any(), EventData.of("Noted", "{\"writer\":" + i + "}"));
        }
        var options = RelayOptions.to(broker.bootstrapServers())
                .withName("worker-feed")
                .withTopics(new TopicRule.Single(topic))
                .withTopicCreation(true, 2)
                .withMeterRegistry(new SimpleMeterRegistry());
        try (var relay = KafkaRelay.start(store, options)) {
            await().atMost(Duration.ofMinutes(2)).until(() -> relay.status().checkpoint() == store.headPosition());
        }
    }
}
