package dev.annals.bench.cli;

import dev.annals.bench.http.HttpBenchOptions;
import dev.annals.bench.http.HttpBenchResult;
import dev.annals.bench.http.HttpBenchmark;
import dev.annals.bench.http.HttpTarget;
import dev.annals.bench.http.ServedStore;
import dev.annals.bench.internal.MachineLoad;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code annals bench http}: the HTTP API's request rates, each route as a share of the health route's. */
@Command(
        name = "http",
        sortOptions = false,
        description = {
            "Starts 'annals serve' in a JVM of its own (annals-cli/target/annals.jar) over a new SQLite store on"
                    + " loopback, or loads the server at --url, and drives it from this JVM's HttpClient with"
                    + " --connections keep-alive connections, then from wrk when it is installed.",
            "Prints requests/s, p50 and p99 of GET /health/ready, of appends of one event to a new stream each"
                    + " and of reads of an 8-event stream, each as a share of the health route's rate, and the"
                    + " server's CPU time per request when it started the server."
        },
        footerHeading = "%nExamples:%n",
        footer = {
            "  annals bench http",
            "  annals bench http --duration 30 --warm-up 5",
            "  annals bench http --url http://127.0.0.1:2113/",
            "  annals bench http --server-opt=-XX:StartFlightRecording=filename=/tmp/server.jfr"
        })
public final class BenchHttpCommand implements Callable<Integer> {

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
            names = "--url",
            paramLabel = "URL",
            description = "Load the server running at URL (such as http://127.0.0.1:2113/) instead of starting one;"
                    + " it must not require a token.")
    private URI url;

    @Option(
            names = "--server-jar",
            paramLabel = "JAR",
            description = "The annals.jar to serve with (default: annals-cli/target/annals.jar of this checkout).")
    private Path serverJar;

    @Option(
            names = "--server-opt",
            paramLabel = "OPTION",
            description = "A JVM option of the server's process, such as -Xmx1g or -XX:StartFlightRecording=...;"
                    + " repeatable.")
    private List<String> serverOptions = new ArrayList<>();

    @Option(
            names = "--connections",
            paramLabel = "N",
            defaultValue = "64",
            description = "Keep-alive connections, one request in flight on each (default: ${DEFAULT-VALUE}).")
    private int connections;

    @Option(
            names = "--duration",
            paramLabel = "SECONDS",
            defaultValue = "10",
            description = "How long each route is measured, per tool (default: ${DEFAULT-VALUE}).")
    private int duration;

    @Option(
            names = "--warm-up",
            paramLabel = "SECONDS",
            defaultValue = "3",
            description = "Unmeasured load on each route before it is measured (default: ${DEFAULT-VALUE}).")
    private int warmUp;

    @Option(
            names = "--size",
            paramLabel = "BYTES",
            defaultValue = "200",
            description = "Approximate size of each appended event's data (default: ${DEFAULT-VALUE}).")
    private int size;

    @Option(names = "--no-wrk", description = "Do not run wrk, even when it is installed.")
    private boolean noWrk;

    @Override
    public Integer call() throws InterruptedException {
        HttpBenchOptions options;
        try {
            options = new HttpBenchOptions(connections, Duration.ofSeconds(warmUp), Duration.ofSeconds(duration), size);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage(), e);
        }
        if (bench.explicitStore().isPresent()) {
            throw new CommandLine.ParameterException(
                    spec.commandLine(),
                    "bench http serves a new SQLite store of its own: give --url to load another server");
        }
        boolean wrk = !noWrk && HttpBenchmark.wrkAvailable();
        var err = spec.commandLine().getErr();
        MachineLoad start = BenchCommand.announceLoad(err);
        if (!noWrk && !wrk) {
            err.println("wrk is not installed (apt-get install wrk): measuring with this JVM's HttpClient only");
            err.flush();
        }
        HttpBenchResult result;
        if (url != null) {
            var base = URI.create(url.toString().endsWith("/") ? url.toString() : url + "/");
            result = new HttpBenchmark(new HttpTarget(base, size), options, wrk, Optional::empty)
                    .run("server at " + base + " (started elsewhere)");
        } else {
            Path jar = serverJar();
            result = bench.inDataDirectory("annals-bench-http", directory -> {
                try (var served = ServedStore.start(jar, directory, serverOptions)) {
                    return new HttpBenchmark(new HttpTarget(served.uri(), size), options, wrk, served::cpu)
                            .run(served.description());
                }
            });
        }
        var out = spec.commandLine().getOut();
        out.print(result.report());
        out.println(MachineLoad.now().line().replace("at the start", "at the end") + " (" + start.line() + ")");
        out.flush();
        return result.failures() == 0 ? BenchCommand.OK : BenchCommand.FAILED;
    }

    private Path serverJar() {
        if (serverJar != null) {
            if (!Files.isRegularFile(serverJar)) {
                throw new CommandLine.ParameterException(spec.commandLine(), "--server-jar: no file " + serverJar);
            }
            return serverJar;
        }
        var candidates = new ArrayList<Path>();
        candidates.add(Path.of("annals-cli", "target", "annals.jar"));
        // Beside this jar's checkout: annals-bench/target/annals-bench.jar -> annals-cli/target/annals.jar.
        try {
            Path self = Path.of(BenchHttpCommand.class
                    .getProtectionDomain()
                    .getCodeSource()
                    .getLocation()
                    .toURI());
            Path checkout = self.toAbsolutePath().getParent().getParent().getParent();
            candidates.add(checkout.resolve("annals-cli").resolve("target").resolve("annals.jar"));
        } catch (java.net.URISyntaxException | RuntimeException e) {
            // No location to start from: the working directory's candidate is the only one.
        }
        return candidates.stream()
                .filter(Files::isRegularFile)
                .findFirst()
                .orElseThrow(() -> new CommandLine.ParameterException(
                        spec.commandLine(),
                        "no annals.jar to serve with at "
                                + candidates.getFirst().toAbsolutePath()
                                + ": build it (mvn -B -ntp -q -pl annals-cli -am package -DskipTests),"
                                + " or give --server-jar JAR or --url URL"));
    }
}
