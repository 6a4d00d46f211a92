package dev.annals.bench.cli;

import dev.annals.backend.Backends;
import dev.annals.bench.internal.MachineLoad;
import dev.annals.bench.internal.TemporaryDirectory;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

import static java.util.Objects.requireNonNull;

/**
 * {@code annals bench}: the group of benchmarks, the main class of {@code annals-bench.jar}; it runs none
 * itself. It ships apart from the {@code annals} command so that the tool users run carries neither the
 * benchmarks' peers (Axon Framework, XStream) nor JMH; {@code ./annals bench ...} starts this jar.
 */
@Command(
        name = "annals bench",
        sortOptions = false,
        synopsisSubcommandLabel = "BENCHMARK",
        description = {
            "Runs a benchmark.",
            "Works on a new SQLite store in a temporary directory (or --data DIR), or on --store URL."
        },
        commandListHeading = "%nBenchmarks:%n",
        subcommands = {
            BenchAppendCommand.class,
            BenchProjectionCommand.class,
            BenchCompareAppendCommand.class,
            BenchCompareReplayCommand.class,
            BenchCompareLoadCommand.class,
            BenchServerLoadCommand.class,
            BenchHttpCommand.class,
            BenchRelayCommand.class,
            CommandLine.HelpCommand.class
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:done", "1:the benchmark failed or found a fault", "2:bad usage"})
public final class BenchCommand implements Callable<Integer> {

    /** The benchmark ran, and found nothing wrong. */
    static final int OK = 0;
    /** The benchmark failed, or its run lost, reordered or refused something. */
    static final int FAILED = 1;

    /** Says on {@code err} what the machine's load is as a comparison starts, warning when it is busy. */
    static MachineLoad announceLoad(PrintWriter err) {
        var load = MachineLoad.now();
        err.println(load.line());
        load.warning().ifPresent(err::println);
        err.flush();
        return load;
    }

    private final Backends backends;

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Option(
            names = {"-h", "--help"},
            usageHelp = true,
            description = "Show this help and exit.")
    private boolean help;

    @Option(
            names = "--data",
            paramLabel = "DIR",
            scope = ScopeType.INHERIT,
            description = "The data directory of the store (default: a new temporary directory, deleted afterwards).")
    private Path dataDirectory;

    @Option(
            names = "--store",
            paramLabel = "URL",
            scope = ScopeType.INHERIT,
            description = "Benchmark another store: postgresql://host:port/database[?schema=name&user=...]"
                    + " (the benchmark writes to a schema of its own, dropped afterwards) or sqlite:DIR.")
    private String storeAddress;

    @Option(names = "--verbose", scope = ScopeType.INHERIT, description = "Print stack traces with errors.")
    private boolean verbose;

    /** The benchmarks on the backends installed beside them. */
    public BenchCommand() {
        this(Backends.installed());
    }

    /** The benchmarks on the stores {@code backends} open (tests pass their own). */
    public BenchCommand(Backends backends) {
        this.backends = requireNonNull(backends, "backends");
    }

    /** Runs the command line and exits with its exit code. */
    public static void main(String[] args) {
        System.exit(commandLine(new BenchCommand()).execute(args));
    }

    /** A command line for {@code command}, with its error reporting set up; use it once. */
    public static CommandLine commandLine(BenchCommand command) {
        var failures = new BenchFailures(() -> command.verbose);
        return new CommandLine(command).setExecutionExceptionHandler(failures).setParameterExceptionHandler(failures);
    }

    /** Without a benchmark named, there is nothing to run: a usage error that lists them. */
    @Override
    public Integer call() {
        throw new CommandLine.ParameterException(
                spec.commandLine(),
                "name a benchmark: "
                        + String.join(
                                ", ",
                                spec.subcommands().keySet().stream()
                                        .filter(name -> !name.equals("help"))
                                        .toList()));
    }

    /** The data directory, when {@code --data} was given. */
    Optional<Path> explicitDataDirectory() {
        return Optional.ofNullable(dataDirectory);
    }

    /** A benchmark run in a data directory. */
    @FunctionalInterface
    interface InDirectory<T> {
        T run(Path directory) throws InterruptedException;
    }

    /**
     * Runs {@code benchmark} in the {@code --data} directory, or else in a new temporary directory named
     * after {@code prefix} and deleted afterwards.
     */
    <T> T inDataDirectory(String prefix, InDirectory<T> benchmark) throws InterruptedException {
        var data = explicitDataDirectory();
        if (data.isPresent()) {
            return benchmark.run(data.get());
        }
        try (var directory = TemporaryDirectory.create(prefix)) {
            return benchmark.run(directory.path());
        }
    }

    /** The location given with {@code --store}, if any. */
    Optional<String> explicitStore() {
        return Optional.ofNullable(storeAddress);
    }

    /** Where the store is: {@code --store}, else the data directory (the default one when none was given). */
    String storeLocation() {
        return explicitStore()
                .orElse(explicitDataDirectory().orElse(Path.of("annals-data")).toString());
    }

    /** The backends this command opens stores with. */
    Backends backends() {
        return backends;
    }
}
