package dev.annals.cli.projections;

import dev.annals.cli.AnnalsCommand;
import dev.annals.cli.BadUsageException;
import dev.annals.cli.ExitCodes;
import dev.annals.cli.Opened;
import dev.annals.cli.RejectedRequestException;
import dev.annals.kafka.relay.RelayConfigurationException;
import dev.annals.kafka.relay.RelayOptions;
import dev.annals.projection.ProjectionHealth;
import dev.annals.projection.ProjectionState;
import dev.annals.projection.ProjectionStates;
import dev.annals.projection.RelayReport;
import dev.annals.projection.RelayReports;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code annals projections}: every projection's state, checkpoint, lag and dead letters, as its runner
 * last reported them in the store's database; works while the application runs in another process.
 */
@Command(
        name = "projections",
        sortOptions = false,
        description = {
            "Lists projections: name, state, checkpoint, lag and open dead letters.",
            "On PostgreSQL, segmented projections show one line per segment (NAME-seg-N) and the segment"
                    + " leases: owner, epoch, held, expired or free.",
            "Reads what each runner reports to the store's database, so it works while the application runs."
                    + " The subcommands ask a running runner to act; it obeys within seconds.",
            "With --store http(s)://HOST:PORT, also lists the relays the server runs (annals serve --relay):"
                    + " checkpoint, lag in events and seconds, and events published per second.",
            "With --bootstrap-servers HOST:PORT, also lists every relay whose checkpoints the Kafka checkpoint"
                    + " topic holds, wherever it runs (annals relay kafka, annals serve --relay): its checkpoint,"
                    + " lag against this store, events per second between its last two checkpoints, and SILENT"
                    + " when it has committed none for 30 s.",
            "REPORTED is how long ago the runner last reported (it does every second while it runs); a"
                    + " projection not reported for longer than --stale-after shows as STALE: its runner has"
                    + " probably stopped without saying so (killed, crashed), and its numbers are that old."
        },
        subcommands = {
            ProjectionRequestCommand.Pause.class,
            ProjectionRequestCommand.Resume.class,
            ProjectionRequestCommand.Rebuild.class
        })
public final class ProjectionsCommand implements Callable<Integer> {

    @CommandLine.ParentCommand
    private AnnalsCommand annals;

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Option(
            names = {"-h", "--help"},
            usageHelp = true,
            description = "Show this help and exit.")
    private boolean help;

    @Option(
            names = "--stale-after",
            paramLabel = "SECONDS",
            defaultValue = "30",
            description = "Show a projection as STALE when its runner has not reported for longer than this"
                    + " (default: ${DEFAULT-VALUE}).")
    private long staleAfterSeconds;

    @Option(
            names = "--bootstrap-servers",
            paramLabel = "HOST:PORT",
            description = "Kafka's bootstrap servers: also list the relays whose checkpoints its checkpoint topic"
                    + " holds.")
    private String bootstrapServers;

    @Option(
            names = "--checkpoint-topic",
            paramLabel = "NAME",
            defaultValue = "annals.relay.checkpoints",
            description = "The relays' checkpoint topic (default: ${DEFAULT-VALUE}).")
    private String checkpointTopic;

    @Option(
            names = "--kafka-property",
            paramLabel = "KEY=VALUE",
            description = "A Kafka client property (security.protocol, sasl.*, ...); repeat for several.")
    private Map<String, String> kafkaProperties = new HashMap<>();

    @Override
    public Integer call() {
        if (staleAfterSeconds < 1) {
            throw new CommandLine.ParameterException(
                    spec.commandLine(), "--stale-after must be 1 or more seconds," + " was " + staleAfterSeconds);
        }
        var kafka = kafkaRelayOptions();
        var out = spec.commandLine().getOut();
        Instant now = Instant.now();
        try (var opened = states()) {
            var all = opened.value().health();
            var leases = SegmentLeaseTable.read(annals);
            if (all.isEmpty() && leases.isEmpty()) {
                out.println("No projection has run on this store yet.");
            } else {
                out.printf(
                        "%-20s %-17s %10s %10s %12s %12s  %s%n",
                        "NAME", "STATE", "CHECKPOINT", "BEHIND", "SECONDS", "DEAD LETTERS", "REPORTED");
                for (ProjectionHealth health : all) {
                    Duration age = Duration.between(health.measuredAt(), now);
                    boolean stale = health.state() != ProjectionState.STOPPED && age.toSeconds() > staleAfterSeconds;
                    out.printf(
                            "%-20s %-17s %10d %10d %12.3f %12d  %s%n",
                            health.projection(),
                            stale ? "STALE" : health.state(),
                            health.checkpoint(),
                            health.eventsBehind(),
                            health.secondsBehind(),
                            health.deadLetters(),
                            ago(age));
                    if (stale) {
                        out.printf(
                                "  stale: last reported %s at %s, more than %d s ago; its runner may have stopped%n",
                                health.state(), health.measuredAt(), staleAfterSeconds);
                    }
                    if (!health.error().isEmpty()) {
                        out.printf("  error: %s%n", health.error());
                    }
                }
                SegmentLeaseTable.print(out, leases);
            }
            opened.deployment()
                    .capability(RelayReports.class)
                    .ifPresent(relays -> RelayTable.print(out, relays.relays()));
            if (kafka.isPresent()) {
                List<RelayReport> relays;
                try {
                    relays = KafkaRelays.read(kafka.get(), opened.deployment().store(), now);
                } catch (RelayConfigurationException e) {
                    throw new RejectedRequestException(e.getMessage());
                }
                if (relays.isEmpty()) {
                    out.printf("%nNo relay checkpoint in topic %s at %s.%n", checkpointTopic, bootstrapServers);
                }
                RelayTable.print(out, relays);
            }
        }
        out.flush();
        return ExitCodes.OK;
    }

    /** The options to read the relays' checkpoints with, when --bootstrap-servers asks for them. */
    private Optional<RelayOptions> kafkaRelayOptions() {
        if (bootstrapServers == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(RelayOptions.to(bootstrapServers)
                    .withCheckpointTopic(checkpointTopic)
                    .withKafka(kafkaProperties));
        } catch (RelayConfigurationException e) {
            throw new BadUsageException(e.getMessage());
        }
    }

    /** {@code age} for people: {@code 3s ago}, {@code 12m ago}, {@code 5h ago}, {@code 2d ago}. */
    static String ago(Duration age) {
        long seconds = Math.max(0, age.toSeconds());
        if (seconds < 120) {
            return seconds + "s ago";
        }
        if (seconds < 120 * 60) {
            return seconds / 60 + "m ago";
        }
        return seconds < 48 * 3600 ? seconds / 3600 + "h ago" : seconds / 86_400 + "d ago";
    }

    /** The bookkeeping of the store, which must exist; closes with its deployment. */
    Opened<ProjectionStates> states() {
        return openStates(annals);
    }

    /** The projections' bookkeeping of the store {@code annals} names, which must exist. */
    public static Opened<ProjectionStates> openStates(AnnalsCommand annals) {
        return annals.openCapability(ProjectionStates.class, "projections");
    }

    /**
     * Refuses a projection no runner has reported on this store: a request for a mistyped name would
     * otherwise be stored and wait for a runner that never comes.
     *
     * @throws RejectedRequestException naming the projections that are known
     */
    public static void requireKnown(AnnalsCommand annals, ProjectionStates states, String projection) {
        var known = new TreeSet<String>();
        states.health().forEach(health -> known.add(health.projection().replaceFirst("-seg-\\d+$", "")));
        SegmentLeaseTable.read(annals).forEach(lease -> known.add(lease.projection()));
        if (!known.contains(projection)) {
            throw new RejectedRequestException("no projection named '" + projection + "' has run on this store ("
                    + (known.isEmpty() ? "none has yet" : "known: " + String.join(", ", known))
                    + "); a projection is known once its runner has started");
        }
    }

    AnnalsCommand annals() {
        return annals;
    }
}
