package dev.annals.cli.projections;

import dev.annals.cli.AnnalsCommand;
import dev.annals.cli.ExitCodes;
import dev.annals.cli.Opened;
import dev.annals.projection.ProjectionStates;
import dev.annals.cli.RejectedRequestException;
import dev.annals.projection.ProjectionHealth;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Files;
import java.util.concurrent.Callable;

/**
 * {@code annals projections}: every projection's state, checkpoint, lag and dead letters, as its runner
 * last reported them in the store's database; works while the application runs in another process.
 */
@Command(name = "projections",
        sortOptions = false,
        description = {
                "Lists projections: name, state, checkpoint, lag and open dead letters.",
                "On PostgreSQL, segmented projections show one line per segment (NAME-seg-N) and the segment"
                        + " leases: owner, epoch, held, expired or free.",
                "Reads what each runner reports to the store's database, so it works while the application runs."
                        + " The subcommands ask a running runner to act; it obeys within seconds."},
        subcommands = {ProjectionRequestCommand.Pause.class, ProjectionRequestCommand.Resume.class,
                ProjectionRequestCommand.Rebuild.class})
public final class ProjectionsCommand implements Callable<Integer> {

    @CommandLine.ParentCommand
    private AnnalsCommand annals;

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit.")
    private boolean help;

    @Override
    public Integer call() {
        var out = spec.commandLine().getOut();
        try (var opened = states()) {
            var all = opened.value().health();
            var leases = SegmentLeaseTable.read(annals);
            if (all.isEmpty() && leases.isEmpty()) {
                out.println("No projection has run on this store yet.");
            } else {
                out.printf("%-20s %-17s %10s %10s %12s %12s%n", "NAME", "STATE", "CHECKPOINT", "BEHIND", "SECONDS",
                        "DEAD LETTERS");
                for (ProjectionHealth health : all) {
                    out.printf("%-20s %-17s %10d %10d %12.3f %12d%n", health.projection(), health.state(),
                            health.checkpoint(), health.eventsBehind(), health.secondsBehind(), health.deadLetters());
                    if (!health.error().isEmpty()) {
                        out.printf("  error: %s%n", health.error());
                    }
                }
                SegmentLeaseTable.print(out, leases);
            }
        }
        out.flush();
        return ExitCodes.OK;
    }

    /** The bookkeeping of the store, which must exist; closes with its deployment. */
    Opened<ProjectionStates> states() {
        return openStates(annals);
    }

    /** The projections' bookkeeping of the store {@code annals} names, which must exist. */
    public static Opened<ProjectionStates> openStates(AnnalsCommand annals) {
        return annals.openCapability(ProjectionStates.class, "projections");
    }

    AnnalsCommand annals() {
        return annals;
    }
}
