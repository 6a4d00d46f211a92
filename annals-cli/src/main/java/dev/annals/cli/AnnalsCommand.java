package dev.annals.cli;

import dev.annals.cli.append.AppendCommand;
import dev.annals.cli.audit.VerifyCommand;
import dev.annals.cli.bench.BenchCommand;
import dev.annals.cli.demo.DemoCommand;
import dev.annals.cli.erasure.DeleteCommand;
import dev.annals.cli.erasure.ForgetCommand;
import dev.annals.cli.erasure.TruncateCommand;
import dev.annals.cli.serve.ServeCommand;
import dev.annals.cli.tokens.TokensCommand;
import dev.annals.cli.dlq.DlqCommand;
import dev.annals.cli.migrate.MigrateCommand;
import dev.annals.cli.projections.ProjectionsCommand;
import dev.annals.cli.read.ReadCommand;
import dev.annals.cli.replay.ReplayCommand;
import dev.annals.cli.schema.SchemaCommand;
import dev.annals.cli.snapshot.SnapshotCommand;
import dev.annals.cli.transfer.ExportCommand;
import dev.annals.cli.transfer.ImportCommand;
import dev.annals.cli.state.StateCommand;
import dev.annals.cli.streams.StreamsCommand;
import dev.annals.store.EventStore;
import dev.annals.store.postgres.PostgresAddress;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * The {@code annals} command: its global options and subcommands. Subcommands reach the store
 * through {@link #openStore()}, so that tests can run them on a store of their choosing.
 */
@Command(name = "annals",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        versionProvider = VersionProvider.class,
        description = {
                "Annals event store tools: append and read events, list streams, run the demo and benchmarks.",
                "Works on the embedded SQLite store in the data directory (--data),",
                "or on a PostgreSQL store (--store postgresql://host:port/db?schema=name)."},
        subcommands = {
                AppendCommand.class,
                ReadCommand.class,
                StreamsCommand.class,
                StateCommand.class,
                DemoCommand.class,
                ServeCommand.class,
                TokensCommand.class,
                ProjectionsCommand.class,
                DlqCommand.class,
                BenchCommand.class,
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
                CommandLine.HelpCommand.class},
        synopsisSubcommandLabel = "COMMAND",
        commandListHeading = "%nCommands:%n",
        footerHeading = "%nExamples:%n",
        footer = {
                "  annals append account-1 Deposited '{\"amount\":5}'",
                "  annals read account-1",
                "  annals serve --demo",
                "  annals read '$ce-account' --from 1 --limit 10",
                "  annals state account-1 --at 2026-11-25T10:00:00Z",
                "  annals bench append --writers 64 --events 100000 --size 200",
                "  annals projections rebuild balances",
                "  annals dlq list balances",
                "  annals migrate --from annals-data --to 'postgresql://db:5432/app?schema=annals'",
                "  annals replay balances --from 1 --to 5000",
                "  annals delete account-1 --hard",
                "  annals forget customer-42"},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
                "0:done",
                "1:the request was rejected (wrong expected version, malformed JSON, bad file...); nothing was written",
                "2:bad usage: unknown option, missing or malformed parameter"})
public final class AnnalsCommand {

    /** Where the store lives when {@code --data} is not given. */
    public static final Path DEFAULT_DATA_DIRECTORY = Path.of("annals-data");

    private final StoreOpener storeOpener;

    @Option(names = "--data", paramLabel = "DIR", scope = ScopeType.INHERIT,
            description = "The data directory of the store (default: annals-data in the current directory;"
                    + " for bench: a new temporary directory, deleted afterwards).")
    private Path dataDirectory;

    @Option(names = "--store", paramLabel = "URL", scope = ScopeType.INHERIT,
            description = "Work on a PostgreSQL store instead of the data directory:"
                    + " postgresql://host:port/database[?schema=name&user=...&password=...] (default schema: annals).")
    private String storeAddress;

    @Option(names = "--verbose", scope = ScopeType.INHERIT,
            description = "Log debug output of Annals to stderr and print stack traces with errors.")
    private boolean verbose;

    /** The command on the embedded SQLite store. */
    public AnnalsCommand() {
        this(StoreOpener.sqlite());
    }

    /** The command on the stores {@code storeOpener} opens. */
    public AnnalsCommand(StoreOpener storeOpener) {
        this.storeOpener = requireNonNull(storeOpener, "storeOpener");
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
        commandLine.setExecutionExceptionHandler(reporter)
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

    /** What opens the store: the PostgreSQL store given with --store, else the SQLite store unless a test chose another. */
    public StoreOpener storeOpener() {
        return postgresAddress().map(StoreOpener::postgres).orElse(storeOpener);
    }

    /** The PostgreSQL store given with {@code --store}, if any. */
    public Optional<PostgresAddress> postgresAddress() {
        if (storeAddress == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(PostgresAddress.parse(storeAddress));
        } catch (IllegalArgumentException e) {
            throw new BadUsageException("--store: " + e.getMessage());
        }
    }

    /** Where the store is, for people: the PostgreSQL address or the data directory. */
    public String storeLocation() {
        return postgresAddress().map(PostgresAddress::toString).orElseGet(() -> dataDirectory().toString());
    }

    /**
     * Opens, creating when absent, the store in the data directory; the caller closes it.
     *
     * @throws RejectedRequestException when {@code --data} names a file
     */
    public EventStore openStore() {
        if (storeAddress == null) {
            refuseFile(dataDirectory());
        }
        return storeOpener().open(dataDirectory());
    }

    /**
     * Opens the store in the data directory for reading: it must exist already, so that a mistyped
     * {@code --data} is reported rather than silently created empty.
     *
     * @throws RejectedRequestException when the data directory does not exist
     */
    public EventStore openExistingStore() {
        if (storeAddress != null) {
            return openStore();
        }
        return storeOpener().open(existingDataDirectory());
    }

    /**
     * Opens the existing store for reads only: on the embedded store, without its directory lock, so that
     * read commands work while a server or an application holds the store open (SQLite's WAL lets readers
     * in other processes read beside the one writer). The caller closes it and never appends to it.
     *
     * @throws RejectedRequestException when the data directory does not exist or is a file
     */
    public EventStore openStoreForReading() {
        if (storeAddress != null) {
            return openStore();
        }
        return storeOpener().openForReading(existingDataDirectory());
    }

    /**
     * The data directory, which must exist: a mistyped {@code --data} is reported rather than created.
     *
     * @throws RejectedRequestException when it does not exist or is a file
     */
    public Path existingDataDirectory() {
        Path directory = dataDirectory();
        refuseFile(directory);
        if (!Files.isDirectory(directory)) {
            throw new RejectedRequestException("no data directory '" + directory
                    + "': nothing has been appended there yet (give another with --data DIR)");
        }
        return directory;
    }

    private static void refuseFile(Path directory) {
        if (Files.exists(directory) && !Files.isDirectory(directory)) {
            throw new RejectedRequestException("--data '" + directory + "' is a file, not a data directory"
                    + " (give a directory with --data DIR)");
        }
    }
}
