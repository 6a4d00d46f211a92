package dev.annals.cli;

import dev.annals.backend.Backends;
import dev.annals.backend.Deployment;
import dev.annals.backend.NoStoreException;
import dev.annals.backend.OpenOptions;
import dev.annals.backend.UnknownStoreLocationException;
import dev.annals.backend.UnsupportedCapabilityException;
import dev.annals.cli.append.AppendCommand;
import dev.annals.cli.audit.VerifyCommand;
import dev.annals.cli.bench.BenchJarCommand;
import dev.annals.cli.demo.DemoCommand;
import dev.annals.cli.dlq.DlqCommand;
import dev.annals.cli.drill.DrillCommand;
import dev.annals.cli.erasure.DeleteCommand;
import dev.annals.cli.erasure.ForgetCommand;
import dev.annals.cli.erasure.TruncateCommand;
import dev.annals.cli.migrate.MigrateCommand;
import dev.annals.cli.projections.ProjectionsCommand;
import dev.annals.cli.read.ReadCommand;
import dev.annals.cli.relay.RelayCommand;
import dev.annals.cli.replay.ReplayCommand;
import dev.annals.cli.schema.SchemaCommand;
import dev.annals.cli.serve.ServeCommand;
import dev.annals.cli.snapshot.SnapshotCommand;
import dev.annals.cli.state.StateCommand;
import dev.annals.cli.streams.StreamsCommand;
import dev.annals.cli.tokens.TokensCommand;
import dev.annals.cli.transfer.ExportCommand;
import dev.annals.cli.transfer.ImportCommand;
import dev.annals.erasure.MasterKey;
import dev.annals.store.EventStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

import static java.util.Objects.requireNonNull;

/**
 * The {@code annals} command: its global options and subcommands. Subcommands reach the store
 * through {@link #openStore()}, so that tests can run them on a store of their choosing.
 */
@Command(
        name = "annals",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        versionProvider = VersionProvider.class,
        description = {
            "Annals event store tools: append and read events, list streams, run the demo and benchmarks.",
            "Works on the embedded SQLite store in the data directory (--data),",
            "or on another store (--store postgresql://host:port/db?schema=name, --store http://host:2113)."
        },
        subcommands = {
            AppendCommand.class,
            ReadCommand.class,
            StreamsCommand.class,
            StateCommand.class,
            DemoCommand.class,
            ServeCommand.class,
            RelayCommand.class,
            TokensCommand.class,
            ProjectionsCommand.class,
            DlqCommand.class,
            BenchJarCommand.class,
            SchemaCommand.class,
            SnapshotCommand.class,
            ExportCommand.class,
            ImportCommand.class,
            VerifyCommand.class,
            MigrateCommand.class,
            ReplayCommand.class,
            DeleteCommand.class,
            TruncateCommand.class,
            ForgetCommand.class,
            DrillCommand.class,
            CommandLine.HelpCommand.class
        },
        synopsisSubcommandLabel = "COMMAND",
        commandListHeading = "%nCommands:%n",
        footerHeading = "%nExamples:%n",
        footer = {
            "  annals append account-1 Deposited '{\"amount\":5}'",
            "  annals read account-1",
            "  annals serve --demo",
            "  annals relay kafka --bootstrap-servers 127.0.0.1:9092",
            "  annals read '$ce-account' --from 1 --limit 10",
            "  annals state account-1 --at 2026-11-25T10:00:00Z",
            "  annals bench append --writers 64 --events 100000 --size 200",
            "  annals projections rebuild balances",
            "  annals dlq list balances",
            "  annals --store http://127.0.0.1:2113 --token TOKEN projections",
            "  annals migrate --from annals-data --to 'postgresql://db:5432/app?schema=annals'",
            "  annals replay balances --from 1 --to 5000",
            "  annals delete account-1 --hard",
            "  annals forget customer-42"
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:done",
            "1:the request was rejected (wrong expected version, malformed JSON, bad file...); nothing was written",
            "2:bad usage: unknown option, missing or malformed parameter"
        })
public final class AnnalsCommand {

    /** Where the store lives when {@code --data} is not given. */
    public static final Path DEFAULT_DATA_DIRECTORY = Path.of("annals-data");

    private final Backends backends;

    @Option(
            names = "--data",
            paramLabel = "DIR",
            scope = ScopeType.INHERIT,
            description = "The data directory of the store (default: annals-data in the current directory).")
    private Path dataDirectory;

    @Option(
            names = "--store",
            paramLabel = "URL",
            scope = ScopeType.INHERIT,
            description = "Work on another store than the data directory's: postgresql://host:port/database"
                    + "[?schema=name&user=...&password=...] (default schema: annals), a running server at"
                    + " http(s)://host:port, or sqlite:DIR.")
    private String storeAddress;

    @Option(
            names = "--token",
            paramLabel = "TOKEN",
            scope = ScopeType.INHERIT,
            description =
                    "The bearer token for --store http(s)://... (default: the ANNALS_TOKEN environment variable).")
    private String token;

    @Option(
            names = "--verbose",
            scope = ScopeType.INHERIT,
            description = "Log debug output of Annals to stderr and print stack traces with errors.")
    private boolean verbose;

    /** The command on the backends installed beside it (SQLite, PostgreSQL, a server over HTTP). */
    public AnnalsCommand() {
        this(Backends.installed());
    }

    /** The command on the stores {@code backends} open (tests pass their own). */
    public AnnalsCommand(Backends backends) {
        this.backends = requireNonNull(backends, "backends");
    }

    /** Runs the command line and exits with its exit code (see {@link ExitCodes}). */
    public static void main(String[] args) {
        System.exit(commandLine(new AnnalsCommand()).execute(args));
    }

    /** A command line for {@code command}, with its error reporting and logging set up; use it once. */
    public static CommandLine commandLine(AnnalsCommand command) {
        var reporter = new FailureReporter(() -> command.verbose);
        var commandLine = new CommandLine(command);
        HelpOptions.addWhereMissing(commandLine);
        WholeNumbers.registerOn(commandLine);
        commandLine
                .setExecutionExceptionHandler(reporter)
                .setParameterExceptionHandler(reporter)
                .setExecutionStrategy(parsed -> {
                    Logging.configure(command.verbose);
                    return new CommandLine.RunLast().execute(parsed);
                });
        return commandLine;
    }

    /** The data directory given with {@code --data}, or {@link #DEFAULT_DATA_DIRECTORY}. */
    public Path dataDirectory() {
        return explicitDataDirectory().orElse(DEFAULT_DATA_DIRECTORY);
    }

    /** The data directory, when {@code --data} was given. */
    public Optional<Path> explicitDataDirectory() {
        return Optional.ofNullable(dataDirectory);
    }

    /** True when {@code --verbose} was given. */
    public boolean verbose() {
        return verbose;
    }

    /** The backends this command opens stores with. */
    public Backends backends() {
        return backends;
    }

    /** The location given with {@code --store}, if any. */
    public Optional<String> explicitStore() {
        return Optional.ofNullable(storeAddress);
    }

    /** Where the store is, as a backend location: {@code --store}, else the data directory. */
    public String storeLocation() {
        return storeAddress != null ? storeAddress : dataDirectory().toString();
    }

    /**
     * Opens the deployment at {@link #storeLocation()} through its backend; the caller closes it.
     *
     * @throws RejectedRequestException when no backend takes the location, it is malformed, or it holds no
     *                                   store and {@code options} say it must
     */
    public Deployment openDeployment(OpenOptions options) {
        if (storeAddress == null) {
            refuseFile(dataDirectory());
        }
        if (token != null && token.isBlank()) {
            throw new BadUsageException("--token must not be blank: give the secret that annals tokens create printed");
        }
        var withSecrets = options.withToken(Optional.ofNullable(token).or(() -> environment("ANNALS_TOKEN")))
                .withSetting(MasterKey.class, options.setting(MasterKey.class).or(MasterKey::fromEnvironment));
        try {
            return backends.open(storeLocation(), withSecrets);
        } catch (UnknownStoreLocationException | IllegalArgumentException e) {
            throw new BadUsageException("--store: " + e.getMessage());
        } catch (NoStoreException e) {
            throw new RejectedRequestException(
                    e.getMessage() + (storeAddress == null ? " (give another with --data DIR)" : ""));
        }
    }

    /** Opens, creating when absent, the store at {@link #storeLocation()}; the caller closes it. */
    public EventStore openStore() {
        return openDeployment(OpenOptions.defaults()).store();
    }

    /**
     * Opens the store for reading: it must exist already, so that a mistyped {@code --data} is reported
     * rather than silently created empty.
     *
     * @throws RejectedRequestException when there is no store at the location
     */
    public EventStore openExistingStore() {
        return openDeployment(OpenOptions.defaults().withMustExist(true)).store();
    }

    /**
     * Opens the store to read only, beside a writer that may hold it in another process (a running server on
     * the embedded store); it must exist. Closing the store releases everything: no capability is opened.
     *
     * @throws RejectedRequestException when there is no store at the location
     */
    public EventStore openStoreForReading() {
        return openReadOnly().store();
    }

    /**
     * Opens the deployment to read only, beside a writer that may hold it in another process (a running
     * server on the embedded store); it must exist.
     */
    public Deployment openReadOnly() {
        return openDeployment(OpenOptions.readOnly());
    }

    /**
     * Opens the capability {@code type} of the store, read-only beside any writer, for a command's own use.
     *
     * @param what what it is for people, as in "the PostgreSQL store at ... has no {@code what}"
     * @throws RejectedRequestException when there is no store at the location, or its backend has no such capability
     */
    public <T> Opened<T> openCapability(Class<T> type, String what) {
        return openCapability(type, what, OpenOptions.readOnly());
    }

    /** The capability {@code type} of the store opened with {@code options}, for a command's own use. */
    public <T> Opened<T> openCapability(Class<T> type, String what, OpenOptions options) {
        var deployment = openDeployment(options);
        try {
            return new Opened<>(deployment, deployment.require(type, what));
        } catch (UnsupportedCapabilityException e) {
            deployment.close();
            throw new RejectedRequestException(e.getMessage());
        } catch (RuntimeException e) {
            deployment.close();
            throw e;
        }
    }

    private static void refuseFile(Path directory) {
        if (Files.exists(directory) && !Files.isDirectory(directory)) {
            throw new RejectedRequestException("--data '" + directory + "' is a file, not a data directory"
                    + " (give a directory with --data DIR)");
        }
    }

    private static Optional<String> environment(String name) {
        return Optional.ofNullable(System.getenv(name)).filter(value -> !value.isBlank());
    }
}
