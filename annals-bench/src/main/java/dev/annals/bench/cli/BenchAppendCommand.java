package dev.annals.bench.cli;

import dev.annals.backend.OpenOptions;
import dev.annals.bench.AppendBenchmark;
import dev.annals.bench.AppendBenchmarkOptions;
import dev.annals.bench.BenchmarkReport;
import dev.annals.bench.BenchmarkResult;
import dev.annals.bench.FsyncBaseline;
import dev.annals.store.EventStore;
import dev.annals.store.postgres.PostgresAddress;
import dev.annals.store.postgres.PostgresBackend;
import dev.annals.store.postgres.PostgresEventStore;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Function;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code annals bench append}: parses the options and runs the append benchmark of annals-bench. */
@Command(
        name = "append",
        sortOptions = false,
        description = {
            "Measures durable appends to a new SQLite store, or to a plain file with --baseline fsync.",
            "With --store postgresql://..., appends go to a new schema beside the one named, dropped afterwards.",
            "N writer threads (--writers), each on its own stream with exact expected versions, append K events"
                    + " (--batch) of BYTES bytes (--size) at a time until --events events are stored.",
            "Prints events/s, appends/s and the latency per append (p50, p99, p99.9, max).",
            "With --baseline fsync, appends the same bytes to a plain file instead, one fsync per group of"
                    + " concurrent writes: the disk's ceiling measured the same way."
        },
        footerHeading = "%nExamples:%n",
        footer = {
            "  annals bench append --writers 64 --events 200000 --size 200",
            "  annals bench append --writers 64 --events 1000000 --size 200 --batch 100",
            "  annals bench append --writers 64 --events 200000 --size 200 --baseline fsync"
        })
public final class BenchAppendCommand implements Callable<Integer> {

    /** What {@code --baseline} accepts. */
    enum Baseline {
        fsync
    }

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
            names = "--writers",
            paramLabel = "N",
            defaultValue = "1",
            description = "Concurrent writer threads, each on its own stream (default: ${DEFAULT-VALUE}).")
    private int writers;

    @Option(
            names = "--events",
            paramLabel = "N",
            defaultValue = "10000",
            description = "Events to append in total, over all writers (default: ${DEFAULT-VALUE}).")
    private long events;

    @Option(
            names = "--size",
            paramLabel = "BYTES",
            defaultValue = "200",
            description = "Bytes of each event's JSON payload (default: ${DEFAULT-VALUE}).")
    private int size;

    @Option(
            names = "--batch",
            paramLabel = "K",
            defaultValue = "1",
            description = "Events per append (default: ${DEFAULT-VALUE}).")
    private int batch;

    @Option(
            names = "--baseline",
            paramLabel = "fsync",
            description = "Measure the disk's ceiling instead: a group-commit writer on a plain file.")
    private Baseline baseline;

    @Option(names = "--json", description = "Print the result as one JSON object instead of a table.")
    private boolean json;

    @Override
    public Integer call() {
        AppendBenchmarkOptions options;
        try {
            options = new AppendBenchmarkOptions(writers, events, size, batch);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage(), e);
        }
        BenchmarkResult result = baseline == null ? onStore(options) : onFile(options);
        PrintWriter out = spec.commandLine().getOut();
        out.print(json ? BenchmarkReport.json(result) + "\n" : BenchmarkReport.table(result));
        out.flush();
        return BenchCommand.OK;
    }

    private BenchmarkResult onStore(AppendBenchmarkOptions options) {
        // A PostgreSQL store gets a schema of its own, so that the benchmark leaves nothing in the user's.
        var postgres =
                bench.explicitStore().filter(new PostgresBackend()::accepts).map(PostgresAddress::parse);
        if (postgres.isPresent()) {
            try (var scratch = ScratchSchema.beside(postgres.get());
                    var store = PostgresEventStore.open(scratch.address())) {
                return AppendBenchmark.run(
                        store,
                        "PostgreSQL store",
                        scratch.address() + ", a schema of its own, dropped afterwards",
                        options);
            }
        }
        // Otherwise the store is opened in the data directory the benchmark chose (a temporary one by default).
        Function<Path, EventStore> opener = directory -> bench.backends()
                .open(bench.explicitStore().orElse(directory.toString()), OpenOptions.defaults())
                .store();
        String name = bench.backends().forLocation(bench.storeLocation()).name() + " store";
        Optional<Path> data = bench.explicitDataDirectory();
        return data.isPresent()
                ? AppendBenchmark.runIn(data.get(), opener::apply, name, options)
                : AppendBenchmark.runInTemporaryDirectory(opener::apply, name, options);
    }

    private BenchmarkResult onFile(AppendBenchmarkOptions options) {
        Optional<Path> data = bench.explicitDataDirectory();
        return data.isPresent()
                ? FsyncBaseline.runIn(data.get(), options)
                : FsyncBaseline.runInTemporaryDirectory(options);
    }
}
