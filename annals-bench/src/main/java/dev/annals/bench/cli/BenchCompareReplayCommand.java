package dev.annals.bench.cli;

import dev.annals.bench.compare.ReplayComparison;
import dev.annals.bench.compare.ReplayReport;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code annals bench compare-replay}: reading the whole global stream, Annals beside Axon and a raw SELECT. */
@Command(
        name = "compare-replay",
        sortOptions = false,
        description = {
            "Fills each system with the same events (over 100 streams) and times one read of its global stream"
                    + " from the start, after one untimed warm-up read: Annals (read of $all), Axon Framework"
                    + " 4.13's readEvents from no token, and a raw SELECT ordered by position; on SQLite and"
                    + " PostgreSQL. Payloads are read as bytes, not decoded. Progress goes to stderr."
        },
        footerHeading = "%nExamples:%n",
        footer = {"  annals bench compare-replay", "  annals bench compare-replay --events 100000 --no-postgres --json"
        })
public final class BenchCompareReplayCommand implements Callable<Integer> {

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
            defaultValue = "1000000",
            description = "Events in each system (default: ${DEFAULT-VALUE}).")
    private long events;

    @Option(
            names = "--size",
            paramLabel = "BYTES",
            defaultValue = "200",
            description = "Bytes of each event's JSON payload (default: ${DEFAULT-VALUE}).")
    private int size;

    @CommandLine.Mixin
    private PostgresPeer postgres;

    @Option(names = "--json", description = "Print the results as one JSON object instead of a table.")
    private boolean json;

    @Override
    public Integer call() {
        if (events < 1 || size < 8) {
            throw new CommandLine.ParameterException(
                    spec.commandLine(),
                    "--events must be 1 or more and --size 8 or more; were " + events + " and " + size);
        }
        PrintWriter err = spec.commandLine().getErr();
        var machine = BenchCommand.announceLoad(err);
        var outcomes = ReplayComparison.run(events, size, postgres.url(), postgres.user(), line -> {
            err.println(line);
            err.flush();
        });
        PrintWriter out = spec.commandLine().getOut();
        out.print(
                json
                        ? ReplayReport.json(outcomes, events) + "\n"
                        : machine.line() + "\n\n" + ReplayReport.table(outcomes, events));
        out.flush();
        return BenchCommand.OK;
    }
}
