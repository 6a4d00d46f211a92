package dev.annals.bench.cli;

import dev.annals.bench.compare.AppendComparison;
import dev.annals.bench.compare.AppendWorkload;
import dev.annals.bench.compare.ComparisonOptions;
import dev.annals.bench.compare.ComparisonReport;
import dev.annals.bench.compare.MedianRounds;
import dev.annals.bench.compare.ThroughputChart;
import dev.annals.bench.compare.WorkloadResult;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code annals bench compare-append}: Annals beside Axon, plain JDBC and the disk, in one run. */
@Command(
        name = "compare-append",
        sortOptions = false,
        description = {
            "Runs the same append workloads, in one run, on Annals, on Axon Framework 4.13's JDBC"
                    + " event storage engine (SQLite and PostgreSQL), on a plain JDBC insert loop with one"
                    + " transaction per append (SQLite and PostgreSQL: the database's ceiling) and on a"
                    + " group-commit file (the disk's ceiling).",
            "Workloads: 1, 8 and 64 writers each on its own stream, and 64 writers racing on 4 streams with"
                    + " exact expected versions and retries; 1 event per append (--events events) and 100"
                    + " events per append (10 x --events events).",
            "Prints a table per workload: events/s, latency per append p50/p99/p99.9, retries, and the ratio"
                    + " of events/s to every other system. Progress goes to stderr.",
            "Each system writes to a new database (a temporary SQLite file, or a new PostgreSQL schema),"
                    + " deleted or dropped at the end. When PostgreSQL does not answer, its columns say so."
                    + " Before each measured workload the disk settles: PostgreSQL is asked for a CHECKPOINT"
                    + " and the system's sync runs, so that no row shares the disk with the writeback of the"
                    + " rows before it."
        },
        footerHeading = "%nExamples:%n",
        footer = {
            "  annals bench compare-append",
            "  annals bench compare-append --events 20000 --chart docs/append-comparison.png",
            "  annals bench compare-append --no-postgres --json"
        })
public final class BenchCompareAppendCommand implements Callable<Integer> {

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
            defaultValue = "20000",
            description = "Events per single-event workload; 100-event workloads append 10 x N"
                    + " (default: ${DEFAULT-VALUE}).")
    private long events;

    @Option(
            names = "--size",
            paramLabel = "BYTES",
            defaultValue = "200",
            description = "Bytes of each event's JSON payload (default: ${DEFAULT-VALUE}).")
    private int size;

    @Option(
            names = "--warmup",
            paramLabel = "N",
            defaultValue = "2000",
            description = "Untimed events each system appends before its first workload; unless N is 0, each"
                    + " workload is also run once untimed before it is measured (default: ${DEFAULT-VALUE}).")
    private long warmup;

    @CommandLine.Mixin
    private PostgresPeer postgres;

    @Option(
            names = "--workloads",
            paramLabel = "KEYS",
            split = ",",
            description = "Run only these workloads, comma-separated: 1w-1e, 8w-1e, 64w-1e, 64w4s-1e (contended),"
                    + " 1w-100e, 8w-100e, 64w-100e (default: all).")
    private List<String> workloads;

    @Option(
            names = "--systems",
            paramLabel = "NAMES",
            split = ",",
            description = "Run only these systems, comma-separated: annals/sqlite, axon/sqlite, jdbc/sqlite,"
                    + " annals/postgresql, axon/postgresql, jdbc/postgresql, fsync (default: all).")
    private List<String> systems;

    @Option(
            names = "--rounds",
            paramLabel = "N",
            defaultValue = "1",
            description = "Run the whole comparison N times and report each cell's median round by events/s, with"
                    + " that round's latencies; 3 or more leave out a slow stretch of a shared machine that falls"
                    + " on one system's turn (default: ${DEFAULT-VALUE}).")
    private int rounds;

    @Option(
            names = "--chart",
            paramLabel = "FILE",
            description = "Also draw events/s against writers for each system as a PNG into FILE.")
    private Path chart;

    @Option(names = "--json", description = "Print the results as one JSON object instead of tables.")
    private boolean json;

    @Override
    public Integer call() {
        ComparisonOptions options;
        try {
            options = new ComparisonOptions(
                    chosen(AppendWorkload.standard(events)),
                    size,
                    postgres.url(),
                    postgres.user(),
                    warmup,
                    systems == null ? Set.copyOf(AppendComparison.SYSTEMS) : Set.copyOf(systems));
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage(), e);
        }
        if (rounds < 1) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--rounds must be 1 or more, was " + rounds);
        }
        PrintWriter err = spec.commandLine().getErr();
        var machine = BenchCommand.announceLoad(err);
        var all = new ArrayList<List<WorkloadResult>>(rounds);
        for (int round = 1; round <= rounds; round++) {
            if (rounds > 1) {
                err.println("round " + round + " of " + rounds);
            }
            all.add(AppendComparison.run(options, line -> {
                err.println(line);
                err.flush();
            }));
        }
        var results = MedianRounds.of(all);
        PrintWriter out = spec.commandLine().getOut();
        out.print(
                json
                        ? ComparisonReport.json(results, size, rounds) + "\n"
                        : machine.line() + "\n" + roundsLine() + "\n" + ComparisonReport.tables(results, size));
        out.flush();
        if (chart != null) {
            ThroughputChart.write(results, chart);
            err.println("chart written to " + chart);
            err.flush();
        }
        return BenchCommand.OK;
    }

    private String roundsLine() {
        return rounds == 1
                ? ""
                : "each cell is its median of " + rounds + " rounds by events/s, with that round's latencies\n";
    }

    private List<AppendWorkload> chosen(List<AppendWorkload> standard) {
        if (workloads == null) {
            return standard;
        }
        var keys = standard.stream().map(AppendWorkload::key).toList();
        for (String key : workloads) {
            if (!keys.contains(key)) {
                throw new IllegalArgumentException(
                        "unknown workload " + key + "; the workloads are " + String.join(", ", keys));
            }
        }
        return standard.stream().filter(w -> workloads.contains(w.key())).toList();
    }
}
