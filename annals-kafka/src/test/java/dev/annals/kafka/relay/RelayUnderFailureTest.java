package dev.annals.kafka.relay;

import dev.annals.backend.Backends;
import dev.annals.backend.Deployment;
import dev.annals.backend.OpenOptions;
import dev.annals.kafka.testing.KafkaBroker;
import dev.annals.kafka.testing.PublishedLog;
import dev.annals.kafka.testing.RelayChild;
import dev.annals.kafka.testing.Writers;
import dev.annals.store.EventStore;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The relay's guarantees when things break: relays killed with SIGKILL, a broker killed and restarted, a
 * second relay on the same source. Each ends with what a read_committed consumer holds: every event exactly
 * once, each stream's events in order. One broker for the class.
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
// A guard against a hang, not a speed check: twenty child JVMs start slowly on a loaded 2-core machine.
@Timeout(900)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RelayUnderFailureTest {

    private static final Logger LOG = LoggerFactory.getLogger(RelayUnderFailureTest.class);
    private static KafkaBroker broker;

    @TempDir
    Path temp;

    private String location;
    private Deployment deployment;
    private EventStore store;
    private String prefix;
    private String name;

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
        location = temp.resolve("store").toString();
        deployment = Backends.installed().open(location, OpenOptions.defaults());
        store = deployment.store();
        var id = UUID.randomUUID().toString().substring(0, 8);
        prefix = "f" + id + ".";
        name = "relay-" + id;
    }

    @AfterEach
    void closeStore() {
        deployment.close();
    }

    private PublishedLog published() {
        return PublishedLog.read(broker.bootstrapServers(), Pattern.compile(Pattern.quote(prefix) + ".*"));
    }

    private RelayChild child() {
        // Under target/, not the temporary directory, so that a failed run leaves the relays' logs to read.
        return RelayChild.start(
                Path.of("target", "relay-children", name), location, broker.bootstrapServers(), name, prefix);
    }

    @Test
    @Order(1)
    void a_relay_killed_twenty_times_while_eight_writers_append_publishes_every_event_once_in_stream_order()
            throws Exception {
        try (var log = published()) {
            var writers = Writers.start(store, 8, 100);
            for (int kill = 1; kill <= 20; kill++) {
                int moves = 1 + kill % 3;
                try (var relay = child()) {
                    // Killed after its first, second or third commit, while the next batch is on its way.
                    await("relay life " + kill + " to commit " + moves + " time(s)")
                            .atMost(Duration.ofSeconds(90))
                            .until(() -> relay.checkpointMoves() > moves);
                }
                LOG.info(
                        "killed relay {} of 20 with {} events received, {} appended",
                        kill,
                        log.size(),
                        writers.appended());
            }
            long appended = writers.stop();
            assertThat(store.headPosition()).isEqualTo(appended);
            try (var last = KafkaRelay.start(store, inProcess())) {
                await().atMost(Duration.ofSeconds(120))
                        .until(() -> last.status().checkpoint() == appended);
            }
            assertExactlyOnceInStreamOrder(log, appended);
        }
    }

    @Test
    @Order(3) // last: a broker that has just been restarted is slow for a while
    void a_broker_killed_and_restarted_mid_relay_costs_no_event_and_no_duplicate_and_the_relay_resumes()
            throws Exception {
        try (var log = published();
                var relay = KafkaRelay.start(store, inProcess())) {
            var writers = Writers.start(store, 4, 20);
            await().atMost(Duration.ofSeconds(60)).until(() -> log.size() > 200);
            broker.kill();
            long atKill = writers.appended();
            await("writers to go on while the broker is down")
                    .atMost(Duration.ofSeconds(30))
                    .until(() -> writers.appended() > atKill + 300);
            broker.restart();
            long appended = writers.stop();
            awaitResumed(relay, appended);
            assertThat(relay.status().role()).isEqualTo(RelayRole.ACTIVE);
            assertExactlyOnceInStreamOrder(log, appended);
        }
    }

    @Test
    @Order(2)
    void a_second_relay_fences_the_first_which_takes_over_without_duplicates_when_the_second_is_killed()
            throws Exception {
        try (var log = published();
                var first = child()) {
            var writers = Writers.start(store, 4, 20);
            await().atMost(Duration.ofSeconds(60)).until(() -> log.size() > 100);
            assertThat(first.role()).isEqualTo("ACTIVE");
            try (var second = child()) {
                await("the newcomer to fence the first")
                        .atMost(Duration.ofSeconds(120))
                        .until(() ->
                                second.role().equals("ACTIVE") && first.role().equals("STANDBY"));
                int before = log.size();
                await().atMost(Duration.ofSeconds(60)).until(() -> log.size() > before + 100);
                assertThat(first.role()).isEqualTo("STANDBY");
            }
            await("the standby to take over from the killed relay")
                    .atMost(Duration.ofSeconds(60))
                    .until(() -> first.role().equals("ACTIVE"));
            long appended = writers.stop();
            await().atMost(Duration.ofSeconds(120)).until(() -> new HashSet<>(ids(log)).size() == appended);
            // Fenced, the first relay stands by: at once when its producer reports the fence, or after one failed
            // attempt when the fence surfaced as another error and it then found the newcomer's claim.
            assertThat(List.<String>copyOf(first.roles()))
                    .isIn(
                            List.of("STARTING", "ACTIVE", "STANDBY", "STARTING", "ACTIVE"),
                            List.of("STARTING", "ACTIVE", "RETRYING", "STANDBY", "STARTING", "ACTIVE"));
            first.kill();
            assertExactlyOnceInStreamOrder(log, appended);
        }
    }

    /**
     * Waits for the relay to publish everything appended; when it does not, the failure says what state the
     * relay was in and what the broker logged, since that is all a CI run's output keeps.
     */
    private void awaitResumed(KafkaRelay relay, long appended) {
        try {
            await("the relay to resume by itself")
                    .atMost(Duration.ofSeconds(120))
                    .until(() -> relay.status().checkpoint() == appended);
        } catch (ConditionTimeoutException e) {
            var status = relay.status();
            var stack = stackOf("relay-" + name);
            // The first line is what a CI run's summary shows: the relay's state, its last error and where its
            // thread was in Annals's code.
            var where = stack.stream()
                    .filter(frame -> frame.getClassName().startsWith("dev.annals"))
                    .findFirst()
                    .map(frame -> frame.getClassName()
                                    .substring(frame.getClassName().lastIndexOf('.') + 1) + "." + frame.getMethodName())
                    .orElse("(no relay thread)");
            throw new AssertionError(
                    "the relay did not resume within 120 s: " + status.role() + " at checkpoint "
                            + status.checkpoint() + " of " + appended + ", thread in " + where + ", last error: "
                            + status.lastError()
                            + "\nthe relay's thread:\n"
                            + stack.stream().map(frame -> "  at " + frame).collect(Collectors.joining("\n"))
                            + "\nthe broker's last warnings:\n" + broker.logTail(30),
                    e);
        }
    }

    private static List<StackTraceElement> stackOf(String threadName) {
        return Thread.getAllStackTraces().entrySet().stream()
                .filter(entry -> entry.getKey().getName().equals(threadName))
                .flatMap(entry -> Arrays.stream(entry.getValue()).limit(25))
                .toList();
    }

    private RelayOptions inProcess() {
        return RelayOptions.to(broker.bootstrapServers())
                .withName(name)
                .withTopics(new TopicRule.PerCategory(prefix))
                .withMaxBackoff(Duration.ofSeconds(2))
                .withMeterRegistry(new SimpleMeterRegistry());
    }

    private static List<String> ids(PublishedLog log) {
        return log.received().stream().map(record -> record.event().getId()).toList();
    }

    private static void assertExactlyOnceInStreamOrder(PublishedLog log, long appended) {
        await("the consumer to read everything committed")
                .atMost(Duration.ofSeconds(60))
                .until(() -> log.size() >= appended && log.caughtUp());
        var received = log.received();
        assertThat(received).as("records received").hasSize((int) appended);
        assertThat(new HashSet<>(ids(log))).as("distinct event ids").hasSize((int) appended);
        assertThat(received.stream()
                        .map(PublishedLog.Received::position)
                        .sorted()
                        .toList())
                .isEqualTo(LongStream.rangeClosed(1, appended).boxed().toList());
        log.versionsByStream().forEach((stream, versions) -> assertThat(versions)
                .as("versions of " + stream + " in the order received")
                .isEqualTo(LongStream.range(0, versions.size()).boxed().toList()));
    }
}
