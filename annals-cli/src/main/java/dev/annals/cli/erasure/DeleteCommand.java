package dev.annals.cli.erasure;

import dev.annals.cli.AnnalsCommand;
import dev.annals.cli.ExitCodes;
import dev.annals.store.DeletionMode;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code annals delete STREAM [--hard]}: soft-deletes a stream, or tombstones it for good. */
@Command(
        name = "delete",
        sortOptions = false,
        description = {
            "Deletes STREAM: it reads as empty and leaves the list of streams.",
            "Soft by default: an append with expected version 'no stream' or 'any' recreates it, its versions"
                    + " continuing. With --hard it is tombstoned and every later append fails.",
            "The events stay in the log: reads of \\$all, categories and types, and therefore subscriptions and"
                    + " projections, still deliver them, and 'annals verify' still passes (docs/erasure.md).",
            "Exit 1 when the stream does not exist, or a soft delete meets a tombstone."
        })
public final class DeleteCommand implements Callable<Integer> {

    @CommandLine.ParentCommand
    private AnnalsCommand annals;

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "STREAM", description = "The stream to delete, such as account-1.")
    private String stream;

    @Option(names = "--hard", description = "Tombstone the stream: it can never be written again. Cannot be undone.")
    private boolean hard;

    @Option(
            names = {"-h", "--help"},
            usageHelp = true,
            description = "Show this help and exit.")
    private boolean help;

    @Override
    public Integer call() {
        var result = StreamDeletions.run(
                annals, store -> store.deleteStream(stream, hard ? DeletionMode.HARD : DeletionMode.SOFT));
        var out = spec.commandLine().getOut();
        out.println("delete: stream '" + stream + "' " + (hard ? "tombstoned" : "soft-deleted") + ": "
                + StreamDeletions.hidden(result) + "; "
                + (hard
                        ? "it can never be written again."
                        : "it reads as empty; an append recreates it at version " + (result.lastVersion() + 1) + ".")
                + " " + StreamDeletions.GLOBAL_NOTE);
        out.flush();
        return ExitCodes.OK;
    }
}
