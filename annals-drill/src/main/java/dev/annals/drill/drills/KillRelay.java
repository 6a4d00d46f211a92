package dev.annals.drill.drills;

import dev.annals.backend.OpenOptions;
import dev.annals.drill.Drill;
import dev.annals.drill.DrillFailure;
import dev.annals.drill.DrillSession;
import dev.annals.drill.DrillSettings;
import dev.annals.drill.fault.ChildJvm;
import dev.annals.drill.load.RunningLoad;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;

/**
 * {@code kill-relay}: the process that publishes the log to Kafka (a child JVM running the relay) is killed
 * with SIGKILL while writers append, after a random number of published events, and started again at once.
 * A {@code read_committed} consumer of the relay's topic is checked like a live subscriber: every drill event
 * exactly once, in the log's order (the drill's topic has one partition). Recovery is the time from the kill
 * to the consumer's first event appended after it. Needs a Kafka cluster ({@code --bootstrap-servers}); the
 * drill's topic is deleted afterwards.
 */
public final class KillRelay implements Drill {

    @Override
    public String name() {
        return "kill-relay";
    }

    @Override
    public String summary() {
        return "SIGKILL the process that publishes the log to Kafka, and start it again";
    }

    @Override
    public Optional<String> cannotRun(DrillSettings settings) {
        if (settings.kafka().isEmpty()) {
            return Optional.of("kill-relay needs a Kafka cluster to publish to: give --bootstrap-servers HOST:PORT");
        }
        String bootstrap = settings.kafka().get();
        // Asked here, in one line, rather than found by a relay process failing with its stack trace.
        try (var admin = Admin.create(Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 10_000,
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000))) {
            admin.describeCluster().nodes().get(10, TimeUnit.SECONDS);
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.of("interrupted while asking the Kafka cluster at " + bootstrap);
        } catch (Exception e) {
            return Optional.of("no Kafka broker answered at " + bootstrap + " within 10 s");
        }
    }

    @Override
    public DrillSession start(DrillSettings settings, String streamPrefix) throws Exception {
        String bootstrap = settings.kafka().orElseThrow();
        String name = "annals-" + streamPrefix.replaceAll("[^A-Za-z0-9._-]", "").replaceAll("-+$", "");
        String topic = "annals.drill." + name;
        var load = RunningLoad.start(
                settings.backends().open(settings.location(), OpenOptions.defaults()), streamPrefix, settings.quick());
        return LoadSession.around(load, () -> {
            var published = new PublishedEvents(bootstrap, topic, streamPrefix);
            var relay = new Relay(List.of(settings.location(), bootstrap, topic, name), published, load);
            return new LoadSession(load, relay::kill, () -> deleteTopic(bootstrap, topic))
                    .observedBy(published)
                    .recoveringWhen(relay::awaitPublishingPast)
                    .drainingWith(relay::awaitPublishingAll)
                    .closingFirst(relay, published);
        });
    }

    private static void deleteTopic(String bootstrap, String topic) {
        try (var admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            admin.deleteTopics(List.of(topic)).all().get();
        } catch (Exception e) {
            // A topic left behind is named for the drill and holds only drill events: not worth failing for.
        }
    }

    /** The relay's process, and what its kills leave to recover. */
    private static final class Relay implements AutoCloseable {

        private final List<String> arguments;
        private final PublishedEvents published;
        private final RunningLoad load;
        private ChildJvm process;
        private long headAtKill;

        Relay(List<String> arguments, PublishedEvents published, RunningLoad load) throws Exception {
            this.arguments = arguments;
            this.published = published;
            this.load = load;
            this.process = start();
        }

        private ChildJvm start() throws Exception {
            return ChildJvm.start(RelayProcess.class, arguments, line -> {});
        }

        String kill(int number) throws Exception {
            int after = 1 + ThreadLocalRandom.current().nextInt(20);
            int before = published.size();
            if (!published.await(() -> published.size() >= before + after, RunningLoad.RECOVERY_LIMIT)) {
                throw new DrillFailure("the relay published nothing for " + RunningLoad.RECOVERY_LIMIT.toSeconds()
                        + " s before fault " + number + ": " + published.failure() + errors());
            }
            long pid = process.pid();
            process.kill();
            process.close();
            headAtKill = load.deployment().store().headPosition();
            process = start();
            return "killed relay " + pid + " after " + (published.size() - before) + " published events";
        }

        /** After a kill: the new relay has published a drill event appended after it. */
        void awaitPublishingPast() {
            long past = headAtKill;
            if (!published.await(() -> published.position() > past, RunningLoad.RECOVERY_LIMIT)) {
                throw new DrillFailure("the restarted relay published nothing past position " + past + " within "
                        + RunningLoad.RECOVERY_LIMIT.toSeconds() + " s: " + published.failure() + errors());
            }
        }

        /** Once the writers stopped: the relay has published every drill event the live subscriber saw. */
        void awaitPublishingAll() {
            long last = load.live().position();
            if (!published.await(() -> published.position() >= last, RunningLoad.RECOVERY_LIMIT)) {
                throw new DrillFailure("the relay did not publish up to position " + last + " within "
                        + RunningLoad.RECOVERY_LIMIT.toSeconds() + " s; the consumer saw " + published.position()
                        + " " + published.failure() + errors());
            }
        }

        String errors() {
            return process == null ? "" : " " + process.errors();
        }

        @Override
        public void close() throws Exception {
            process.close();
        }
    }
}
