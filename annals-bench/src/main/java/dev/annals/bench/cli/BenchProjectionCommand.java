package dev.annals.bench.cli;

import dev.annals.bench.projection.ProjectionBenchmark;
import dev.annals.bench.projection.ProjectionBenchmarkOptions;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code annals bench projection}: rebuild throughput and append-to-read-model latency on SQLite. */
@Command(
        name = "projection",
        sortOptions = false,
        description = {
            "Measures a JDBC read model on a new SQLite store (a temporary directory unless --data is given).",
            "Rebuild: --events events are appended, then a projection replays them into a SQLite table;"
                    + " prints events/s.",
            "Latency: single-event appends at a steady --rate for --seconds; prints p50/p99 from each"
                    + " append's due time to its commit in the read model."
        },
        footerHeading = "%nExamples:%n",
        footer = {"  annals bench projection", "  annals bench projection --events 500000 --rate 1000 --seconds 30"})
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

    @Override
    public Integer call() throws InterruptedException {
        ProjectionBenchmarkOptions options;
        try {
            options = new ProjectionBenchmarkOptions(events, rate, Duration.ofSeconds(seconds));
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage(), e);
        }
        String report = bench.inDataDirectory(
                "annals-bench-projection",
                directory -> ProjectionBenchmark.run(directory, options).report());
        spec.commandLine().getOut().print(report);
        spec.commandLine().getOut().flush();
        return BenchCommand.OK;
    }
}
