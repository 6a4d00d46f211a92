package dev.annals.bench.cli;

import dev.annals.bench.server.ServerLoad;
import dev.annals.bench.server.ServerLoadOptions;
import dev.annals.bench.server.ServerLoadResult;
import dev.annals.server.AnnalsServer;
import dev.annals.server.ServerOptions;
import dev.annals.store.sqlite.SqliteEventStore;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code annals bench server-load}: many SSE subscribers and appending HTTP clients on one server. */
@Command(
        name = "server-load",
        sortOptions = false,
        description = {
            "Starts a server on loopback over a new SQLite store (a temporary directory unless --data is"
                    + " given), opens --subscribers SSE subscriptions on $all and has --appenders HTTP clients"
                    + " append --events events each, one per request, while /health/ready is probed.",
            "Prints appends/s, the delivery latency from an append being sent to its event reaching a"
                    + " subscriber (p50/p99), whether every subscriber got every event in order, and health."
        },
        footerHeading = "%nExamples:%n",
        footer = {"  annals bench server-load", "  annals bench server-load --subscribers 50 --appenders 16 --events 20"
        })
public final class BenchServerLoadCommand implements Callable<Integer> {

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
            names = "--subscribers",
            paramLabel = "N",
            defaultValue = "200",
            description = "SSE subscribers on $all (default: ${DEFAULT-VALUE}).")
    private int subscribers;

    @Option(
            names = "--appenders",
            paramLabel = "N",
            defaultValue = "64",
            description = "HTTP clients appending at once (default: ${DEFAULT-VALUE}).")
    private int appenders;

    @Option(
            names = "--events",
            paramLabel = "N",
            defaultValue = "50",
            description = "Events each appender sends, one per request (default: ${DEFAULT-VALUE}).")
    private int events;

    @Option(
            names = "--size",
            paramLabel = "BYTES",
            defaultValue = "200",
            description = "Approximate size of each event's data (default: ${DEFAULT-VALUE}).")
    private int size;

    @Option(
            names = "--timeout",
            paramLabel = "SECONDS",
            defaultValue = "120",
            description = "Give up waiting for deliveries after this long (default: ${DEFAULT-VALUE}).")
    private int timeout;

    @Override
    public Integer call() throws InterruptedException {
        ServerLoadOptions options;
        try {
            options = new ServerLoadOptions(subscribers, appenders, events, size, Duration.ofSeconds(timeout));
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage(), e);
        }
        ServerLoadResult result =
                bench.inDataDirectory("annals-bench-server-load", directory -> run(directory, options));
        spec.commandLine().getOut().print(result.report());
        spec.commandLine().getOut().flush();
        boolean clean = result.complete() == options.subscribers()
                && result.outOfOrder() == 0
                && result.appendFailures() == 0
                && result.healthFailures() == 0;
        // A run that lost, reordered or refused anything is a failed run, for scripts as for people.
        return clean ? BenchCommand.OK : BenchCommand.FAILED;
    }

    /** Runs {@code options} against a server over a SQLite store in {@code directory}. */
    static ServerLoadResult run(Path directory, ServerLoadOptions options) throws InterruptedException {
        var serverOptions =
                ServerOptions.defaults().withPort(0).withMaxInFlight(Math.max(256, options.appenders() * 2 + 16));
        try (var store = SqliteEventStore.open(directory);
                var server = AnnalsServer.start(store, serverOptions)) {
            return new ServerLoad(server.uri(), options).run();
        }
    }
}
