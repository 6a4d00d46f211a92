package dev.annals.bench.cli;

import dev.annals.bench.projection.BenchedStore;
import dev.annals.bench.projection.ProjectionBenchmark;
import dev.annals.bench.projection.ProjectionBenchmarkOptions;
import dev.annals.store.postgres.PostgresAddress;
import dev.annals.store.postgres.PostgresBackend;
import dev.annals.store.postgres.PostgresEventStore;
import dev.annals.store.sqlite.SqliteEventStore;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code annals bench projection}: rebuild throughput beside the replay of the same events, and
 * append-to-read-model latency, on SQLite or PostgreSQL.
 */
@Command(
        name = "projection",
        sortOptions = false,
        description = {
            "Measures JDBC read models on a new SQLite store (a temporary directory unless --data is given),"
                    + " or with --store postgresql://... on a new schema beside the one named, dropped afterwards.",
            "Rebuild: --events events are appended for each of two projections (the benchmark's table and the"
                    + " bank's balances); each one's source is read once from the start (the replay), then the"
                    + " projection rebuilds its table from them; prints both in events/s.",
            "Latency: single-event appends at a steady --rate for --warm-up seconds, not counted, then for"
                    + " --seconds; prints p50/p99 from each append's due time to its commit in the read model."
        },
        footerHeading = "%nExamples:%n",
        footer = {
            "  annals bench projection",
            "  annals bench projection --events 500000 --rate 1000 --seconds 30",
            "  annals bench projection --store postgresql://127.0.0.1:5432/test --seconds 3"
        })
public final class BenchProjectionCommand implements Callable<Integer> {

    @CommandLine.ParentCommand
    private BenchCommand bench;

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Option(
            names = {"-h", "--help"},
            usageHelp = true,
            description = "Show this help and exit.")
    private boolean help;

    @Option(
            names = "--events",
            paramLabel = "N",
            defaultValue = "200000",
            description = "Events the rebuild replays (default: ${DEFAULT-VALUE}).")
    private int events;

    @Option(
            names = "--rate",
            paramLabel = "N",
            defaultValue = "1000",
            description = "Events per second during the latency run (default: ${DEFAULT-VALUE}).")
    private int rate;

    @Option(
            names = "--seconds",
            paramLabel = "S",
            defaultValue = "10",
            description = "Length of the latency run (default: ${DEFAULT-VALUE}).")
    private int seconds;

    @Option(
            names = "--warm-up",
            paramLabel = "S",
            defaultValue = "5",
            description = "Seconds of the same appends before the latency run, not counted: the rebuilds compile"
                    + " neither single-event appends nor a runner at the head (default: ${DEFAULT-VALUE}).")
    private int warmUp;

    @Override
    public Integer call() throws InterruptedException {
        ProjectionBenchmarkOptions options;
        try {
            options = new ProjectionBenchmarkOptions(
                    events, rate, Duration.ofSeconds(seconds), Duration.ofSeconds(warmUp));
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage(), e);
        }
        String report = run(options);
        spec.commandLine().getOut().print(report);
        spec.commandLine().getOut().flush();
        return BenchCommand.OK;
    }

    private String run(ProjectionBenchmarkOptions options) throws InterruptedException {
        // A PostgreSQL store gets a schema of its own, so that the benchmark leaves nothing in the user's.
        var postgres =
                bench.explicitStore().filter(new PostgresBackend()::accepts).map(PostgresAddress::parse);
        if (postgres.isPresent()) {
            try (var scratch = ScratchSchema.beside(postgres.get());
                    var target = BenchedStore.of(PostgresEventStore.open(scratch.address()))) {
                return ProjectionBenchmark.run(target, options).report();
            }
        }
        if (bench.explicitStore().isPresent()) {
            throw new CommandLine.ParameterException(
                    spec.commandLine(),
                    "bench projection runs on a postgresql:// store or on SQLite in --data DIR, not on "
                            + bench.explicitStore().get());
        }
        return bench.inDataDirectory("annals-bench-projection", directory -> {
            try (var target = BenchedStore.of(SqliteEventStore.open(directory))) {
                return ProjectionBenchmark.run(target, options).report();
            }
        });
    }
}
