package dev.annals.cli.migrate;

import dev.annals.cli.AnnalsCommand;
import dev.annals.cli.ExitCodes;
import dev.annals.cli.RejectedRequestException;
import dev.annals.cli.progress.ProgressBar;
import dev.annals.serialization.EventTransform;
import dev.annals.store.jdbc.migrate.Migration;
import dev.annals.store.jdbc.migrate.MigrationReport;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code annals migrate --from STORE --to STORE [--transform CLASS]}: copies a whole store, SQLite to
 * PostgreSQL or back, keeping every event's position, id, stream, version, type, payload, metadata and
 * timestamp, with the stream marks and subject keys; resumable; verified by count and hash chain, marks and
 * keys at the end (docs/operations.md, ADR 0012).
 */
@Command(
        name = "migrate",
        sortOptions = false,
        description = {
            "Copies every event of one store into another (SQLite <-> PostgreSQL), keeping positions,"
                    + " ids, versions, types, payloads, metadata and timestamps, then the marks of deleted and"
                    + " truncated streams and the subjects' data keys (as stored) and forgotten subjects.",
            "Resumable: run it again after an interruption and it goes on after the target's head, having"
                    + " checked that the target holds the source's beginning. Refuses a target holding other"
                    + " events or contradicting marks or keys. Verifies count, hash chain, marks and keys at the end.",
            "STORE is a data directory or postgresql://host:port/db?schema=name.",
            "  annals migrate --from annals-data --to 'postgresql://db:5432/app?schema=annals'"
        })
public final class MigrateCommand implements Callable<Integer> {

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Option(names = "--from", required = true, paramLabel = "STORE", description = "The store to copy.")
    private String from;

    @Option(
            names = "--to",
            required = true,
            paramLabel = "STORE",
            description = "The store to copy into: new, empty, or the target of an interrupted migration.")
    private String to;

    @Option(
            names = "--transform",
            paramLabel = "CLASS",
            description = "Rewrite each event with this dev.annals.serialization.EventTransform (a public class"
                    + " with a public no-argument constructor on the classpath), e.g. one made with"
                    + " EventTransform.upcasting(registries) to store today's shapes.")
    private String transformClass;

    @Option(
            names = "--batch-size",
            paramLabel = "N",
            defaultValue = "1000",
            description = "Events per committed batch (default: ${DEFAULT-VALUE}).")
    private int batchSize;

    @Option(names = "--progress", description = "Show the progress bar even when stderr is no terminal.")
    private boolean progress;

    @Option(
            names = {"-h", "--help"},
            usageHelp = true,
            description = "Show this help and exit.")
    private boolean help;

    @CommandLine.ParentCommand
    private AnnalsCommand annals;

    @Override
    public Integer call() {
        if (batchSize < 1) {
            throw new CommandLine.ParameterException(
                    spec.commandLine(), "--batch-size must be 1 or more, was " + batchSize);
        }
        var source = StoreLocation.parse(annals.backends(), from);
        var target = StoreLocation.parse(annals.backends(), to);
        if (source.normalized().equals(target.normalized())) {
            throw new RejectedRequestException("--from and --to name the same store: " + source);
        }
        var transform = transformClass == null ? EventTransform.identity() : TransformLoader.load(transformClass);
        var migration = new Migration(source, target, transform, batchSize);
        var snapshot = migration.snapshot();
        target.requireImport();
        long head = snapshot.head();
        if (head == 0) {
            throw new RejectedRequestException(source + " holds no events: nothing to migrate (is --from right?)");
        }
        var bar = ProgressBar.on(spec.commandLine().getErr(), "migrate", "events", progress);
        long[] last = {0, 0};
        MigrationReport report;
        try {
            report = migration.run(snapshot, (events, position) -> {
                last[0] = events;
                last[1] = position;
                bar.update(position, head);
            });
        } finally {
            bar.finish(last[1], head);
        }
        var out = spec.commandLine().getOut();
        out.printf(
                Locale.ROOT,
                "migrate: copied %d event(s) from %s to %s%s in %.1f s (%.0f events/s)%n",
                report.copied(),
                source,
                target,
                report.resumedAfter() > 0 ? " (resumed after position " + report.resumedAfter() + ")" : "",
                report.seconds(),
                report.seconds() > 0 ? report.copied() / report.seconds() : 0.0);
        out.printf(
                "migrate: verified %d event(s) in the target, head position %d, hash %s%s%n",
                report.verified(),
                report.head(),
                report.hash(),
                transformClass == null ? "" : " (over the events as transformed by " + transformClass + ")");
        out.printf(
                "migrate: carried %s, keys as stored (%d changed in the target)%n",
                report.erasure().summary(), report.changed());
        out.flush();
        return ExitCodes.OK;
    }
}
