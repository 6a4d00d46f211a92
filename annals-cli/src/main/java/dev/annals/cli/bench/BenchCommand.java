package dev.annals.cli.bench;

import dev.annals.cli.AnnalsCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code annals bench}: the group of benchmarks; it runs none itself. */
@Command(name = "bench",
        mixinStandardHelpOptions = true,
        synopsisSubcommandLabel = "BENCHMARK",
        description = "Runs a benchmark.",
        subcommands = BenchAppendCommand.class)
public final class BenchCommand {

    @CommandLine.ParentCommand
    private AnnalsCommand annals;

    /** The top command, with the global options. */
    AnnalsCommand annals() {
        return annals;
    }
}
