package dev.annals.bench.cli;

import dev.annals.bench.server.ServerLoad;
import dev.annals.bench.server.ServerLoadOptions;
import dev.annals.bench.server.ServerLoadResult;
import dev.annals.bench.server.ServerProcess;
import dev.annals.server.AnnalsServer;
import dev.annals.server.ServerOptions;
import dev.annals.store.sqlite.SqliteEventStore;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
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
            "With --serve-jar the server is `annals serve` in a JVM of its own (from the shipped annals.jar),"
                    + " so the load generator shares the cores but not the server's heap or threads; its memory"
                    + " per subscriber is then measured too. With --url the load goes to a running server"
                    + " (no other writer may append meanwhile).",
            "Prints appends/s, the delivery latency from an append being sent to its event reaching a"
                    + " subscriber (p50/p99), SSE events delivered per second, whether every subscriber got every"
                    + " event in order, and health."
        },
        footerHeading = "%nExamples:%n",
        footer = {
            "  annals bench server-load",
            "  annals bench server-load --subscribers 50 --appenders 16 --events 20",
            "  annals bench server-load --subscribers 1000 --serve-jar annals-cli/target/annals.jar",
            "  annals bench server-load --subscribers 1000 --rate 200 --events 100 --serve-jar annals.jar"
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
            names = "--rate",
            paramLabel = "N",
            defaultValue = "0",
            description = "Appends per second over all appenders, each sent at its due time and its delivery"
                    + " measured from then (0: each appender sends when its last append was answered;"
                    + " default: ${DEFAULT-VALUE}). A fixed rate gives two builds the same work to compare.")
    private int rate;

    @Option(
            names = "--warm-up",
            description = "Run the same load once untimed before the measured run, on the same server, so that"
                    + " the server's compilation of its hot paths is not counted against it.")
    private boolean warmUp;

    @Option(
            names = "--timeout",
            paramLabel = "SECONDS",
            defaultValue = "120",
            description = "Give up waiting for deliveries after this long (default: ${DEFAULT-VALUE}).")
    private int timeout;

    @Option(
            names = "--serve-jar",
            paramLabel = "JAR",
            description = "Run the server as `java -jar JAR serve` in a process of its own (annals.jar).")
    private Path serveJar;

    @Option(
            names = "--server-java-option",
            paramLabel = "OPTION",
            description = "A JVM option for the --serve-jar process, such as -Xmx1g (repeatable).")
    private List<String> serverJavaOptions = new ArrayList<>();

    @Option(
            names = "--url",
            paramLabel = "URL",
            description = "Load the running server at URL (such as http://127.0.0.1:2113/) instead.")
    private URI url;

    @Override
    public Integer call() throws InterruptedException {
        ServerLoadOptions options;
        try {
            options = new ServerLoadOptions(subscribers, appenders, events, size, Duration.ofSeconds(timeout), rate);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage(), e);
        }
        if (url != null && serveJar != null) {
            throw new CommandLine.ParameterException(
                    spec.commandLine(), "--url loads a running server and --serve-jar starts one: give one of them");
        }
        if (serveJar != null && !java.nio.file.Files.isRegularFile(serveJar)) {
            throw new CommandLine.ParameterException(
                    spec.commandLine(),
                    "--serve-jar: no file at " + serveJar.toAbsolutePath()
                            + " (build annals.jar with: mvn -pl annals-cli -am package -DskipTests)");
        }
        if (serveJar == null && !serverJavaOptions.isEmpty()) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--server-java-option needs --serve-jar");
        }
        ServerLoadResult result;
        if (url != null) {
            if (warmUp) {
                new ServerLoad(url.resolve("/"), options).run();
            }
            result = new ServerLoad(url.resolve("/"), options).run();
        } else if (serveJar != null) {
            result = bench.inDataDirectory(
                    "annals-bench-server-load",
                    directory -> runInProcess(serveJar, serverJavaOptions, directory, options, warmUp));
        } else {
            result = bench.inDataDirectory("annals-bench-server-load", directory -> run(directory, options, warmUp));
        }
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
    static ServerLoadResult run(Path directory, ServerLoadOptions options, boolean warmUp) throws InterruptedException {
        var serverOptions =
                ServerOptions.defaults().withPort(0).withMaxInFlight(Math.max(256, options.appenders() * 2 + 16));
        try (var store = SqliteEventStore.open(directory);
                var server = AnnalsServer.start(store, serverOptions)) {
            if (warmUp) {
                new ServerLoad(server.uri(), options).run();
            }
            return new ServerLoad(server.uri(), options).run();
        }
    }

    /** Runs {@code options} against {@code annals serve} started from {@code jar} in a JVM of its own. */
    static ServerLoadResult runInProcess(
            Path jar, List<String> javaOptions, Path directory, ServerLoadOptions options, boolean warmUp)
            throws InterruptedException {
        try (var server = ServerProcess.start(jar, directory, javaOptions)) {
            if (warmUp) {
                new ServerLoad(server.uri(), options, OptionalLong.of(server.pid())).run();
            }
            return new ServerLoad(server.uri(), options, OptionalLong.of(server.pid())).run();
        }
    }
}
