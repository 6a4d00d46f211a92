package dev.annals.cli.relay;

import dev.annals.cli.AnnalsCommand;
import dev.annals.cli.BadUsageException;
import dev.annals.cli.ExitCodes;
import dev.annals.cli.RejectedRequestException;
import dev.annals.kafka.relay.KafkaRelay;
import dev.annals.kafka.relay.RelayConfigurationException;
import dev.annals.kafka.relay.RelayFilter;
import dev.annals.kafka.relay.RelayOptions;
import dev.annals.kafka.relay.RelayRole;
import dev.annals.kafka.relay.TopicRule;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code annals relay kafka}: runs the Kafka relay of {@code annals-kafka} on the store, read-only beside any
 * writer, until stopped (Ctrl-C) or, with {@code --until-caught-up}, until it has published up to the head it
 * found at start. Options only: the relay's logic is the library's.
 */
@Command(
        name = "kafka",
        sortOptions = false,
        description = {
            "Publishes the store's events to Kafka as CloudEvents (JSON), each exactly once for read_committed"
                    + " consumers, keyed by stream: one topic per category (default, prefix annals.) or one topic.",
            "Runs until stopped; a second relay with the same --name takes over from the first (docs/kafka.md)."
        })
public final class KafkaRelayCommand implements Callable<Integer> {

    @CommandLine.ParentCommand
    private RelayCommand relay;

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Option(
            names = "--bootstrap-servers",
            required = true,
            paramLabel = "HOST:PORT",
            description = "Kafka's bootstrap servers, several separated by commas.")
    private String bootstrapServers;

    @CommandLine.ArgGroup(exclusive = true)
    private Topics topics = new Topics();

    static final class Topics {
        @Option(
                names = "--topic-per-category",
                paramLabel = "PREFIX",
                arity = "0..1",
                fallbackValue = "annals.",
                description =
                        "One topic per category, named PREFIX followed by the category (default, prefix annals.).")
        String prefix = "annals.";

        @Option(names = "--topic", paramLabel = "NAME", description = "Every event to the one topic NAME.")
        String single;
    }

    @Option(
            names = "--category",
            paramLabel = "CATEGORY",
            description = "Publish only this category's events; repeat for several (default: all).")
    private List<String> categories = List.of();

    @Option(
            names = "--event-type",
            paramLabel = "TYPE",
            description = "Publish only events of this type; repeat for several (default: all).")
    private List<String> eventTypes = List.of();

    @Option(
            names = "--name",
            paramLabel = "NAME",
            defaultValue = "annals",
            description = "The relay's name: its checkpoint and transactional id (default: ${DEFAULT-VALUE}).")
    private String name;

    @Option(names = "--no-create-topics", description = "Stop with an error on a missing topic instead of creating it.")
    private boolean noCreateTopics;

    @Option(
            names = "--kafka-property",
            paramLabel = "KEY=VALUE",
            description = "A Kafka client property (security.protocol, sasl.*, ...); repeat for several.")
    private java.util.Map<String, String> kafkaProperties = new HashMap<>();

    @Option(
            names = "--connect-timeout",
            paramLabel = "SECONDS",
            defaultValue = "15",
            description = "How long to wait for the broker at start (default: ${DEFAULT-VALUE}).")
    private int connectTimeout;

    @Option(
            names = "--until-caught-up",
            description = "Stop once every event that was in the store at start is published.")
    private boolean untilCaughtUp;

    @Option(
            names = {"-h", "--help"},
            usageHelp = true,
            description = "Show this help and exit.")
    private boolean help;

    @Override
    public Integer call() throws Exception {
        AnnalsCommand annals = spec.commandLine().getParent().getParent().getCommand();
        RelayOptions options;
        try {
            options = RelayOptions.to(bootstrapServers)
                    .withName(name)
                    .withKafka(kafkaProperties)
                    .withTopics(
                            topics.single != null
                                    ? new TopicRule.Single(topics.single)
                                    : new TopicRule.PerCategory(topics.prefix))
                    .withFilter(new RelayFilter(Set.copyOf(categories), Set.copyOf(eventTypes)))
                    .withTopicCreation(!noCreateTopics, 3)
                    .withConnectTimeout(Duration.ofSeconds(Math.max(1, connectTimeout)));
        } catch (RelayConfigurationException e) {
            throw new BadUsageException(e.getMessage());
        }
        var out = spec.commandLine().getOut();
        try (var deployment = annals.openReadOnly()) {
            var store = deployment.store();
            long head = store.headPosition();
            KafkaRelay running;
            try {
                running = KafkaRelay.start(store, options);
            } catch (RelayConfigurationException e) {
                throw new RejectedRequestException(e.getMessage());
            }
            try (var kafka = running) {
                out.printf("relay %s: %s to Kafka at %s%n", name, options.filter(), bootstrapServers);
                out.flush();
                var stop = new CountDownLatch(1);
                var hook = new Thread(stop::countDown);
                Runtime.getRuntime().addShutdownHook(hook);
                while (!kafka.awaitStopped(Duration.ofMillis(200))) {
                    if (stop.getCount() == 0 || untilCaughtUp && kafka.status().checkpoint() >= head) {
                        break;
                    }
                }
                var status = kafka.status();
                if (status.role() == RelayRole.STOPPED && !status.lastError().isEmpty()) {
                    throw new RejectedRequestException("relay " + name + " stopped: " + status.lastError());
                }
                out.printf(
                        "relay %s: published %d event(s); checkpoint at position %d%n",
                        name, status.published(), status.checkpoint());
                out.flush();
                try {
                    Runtime.getRuntime().removeShutdownHook(hook);
                } catch (IllegalStateException shuttingDown) {
                    // Ctrl-C: the JVM is on its way out already.
                }
            }
        }
        return ExitCodes.OK;
    }
}
