package dev.annals.bench.cli;

import dev.annals.bench.compare.EntityLoadComparison;
import dev.annals.bench.compare.EntityLoadReport;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code annals bench compare-load}: loading an entity, Annals's state loader beside Axon's repository. */
@Command(
        name = "compare-load",
        sortOptions = false,
        description = {
            "Times loading a bank account of 10, 1,000 and 10,000 events (read its stream and fold it into its"
                    + " state, no snapshot): Annals's StateLoader with the bank's account decider on SQLite,"
                    + " beside Axon Framework 4.13's EventSourcingRepository of an equivalent aggregate on"
                    + " SQLite and PostgreSQL. Progress goes to stderr."
        },
        footerHeading = "%nExamples:%n",
        footer = {"  annals bench compare-load", "  annals bench compare-load --sizes 10,1000 --no-postgres --json"})
public final class BenchCompareLoadCommand implements Callable<Integer> {

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Option(
            names = {"-h", "--help"},
            usageHelp = true,
            description = "Show this help and exit.")
    private boolean help;

    @Option(
            names = "--sizes",
            paramLabel = "N,N,...",
            split = ",",
            defaultValue = "10,1000,10000",
            description = "Events in each entity (default: ${DEFAULT-VALUE}).")
    private List<Integer> sizes;

    @CommandLine.Mixin
    private PostgresPeer postgres;

    @Option(names = "--json", description = "Print the results as one JSON object instead of a table.")
    private boolean json;

    @Override
    public Integer call() {
        if (sizes.stream().anyMatch(size -> size < 1)) {
            throw new CommandLine.ParameterException(spec.commandLine(), "every size must be 1 or more: " + sizes);
        }
        PrintWriter err = spec.commandLine().getErr();
        var machine = BenchCommand.announceLoad(err);
        var outcomes = EntityLoadComparison.run(sizes, postgres.url(), postgres.user(), line -> {
            err.println(line);
            err.flush();
        });
        PrintWriter out = spec.commandLine().getOut();
        out.print(
                json
                        ? EntityLoadReport.json(outcomes) + "\n"
                        : machine.line() + "\n\n" + EntityLoadReport.table(outcomes));
        out.flush();
        return BenchCommand.OK;
    }
}
