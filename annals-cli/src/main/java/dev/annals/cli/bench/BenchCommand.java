package dev.annals.cli.bench;

import dev.annals.cli.AnnalsCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code annals bench}: the group of benchmarks; it runs none itself. */
@Command(name = "bench",
        sortOptions = false,
        synopsisSubcommandLabel = "BENCHMARK",
        description = "Runs a benchmark.",
        commandListHeading = "%nBenchmarks:%n",
        subcommands = {BenchAppendCommand.class, BenchProjectionCommand.class, BenchCompareAppendCommand.class,
                BenchCompareReplayCommand.class, BenchCompareLoadCommand.class, BenchServerLoadCommand.class})
public final class BenchCommand {

    @CommandLine.ParentCommand
    private AnnalsCommand annals;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit.")
    private boolean help;

    /** The top command, with the global options. */
    AnnalsCommand annals() {
        return annals;
    }
}
