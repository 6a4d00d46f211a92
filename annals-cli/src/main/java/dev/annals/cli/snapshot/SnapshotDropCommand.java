package dev.annals.cli.snapshot;

import dev.annals.cli.ExitCodes;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code annals snapshot drop STREAM}: deletes the stream's snapshots; the next load folds from the start. */
@Command(name = "drop", description = "Deletes every snapshot of STREAM; its events are untouched.")
public final class SnapshotDropCommand implements Callable<Integer> {

    @CommandLine.ParentCommand
    private SnapshotCommand snapshot;

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "STREAM", description = "The entity's stream, such as account-1.")
    private String stream;

    @Override
    public Integer call() {
        int dropped;
        try (var snapshots = snapshot.openStore()) {
            dropped = snapshots.value().drop(stream);
        }
        spec.commandLine().getOut().println("snapshot drop: dropped " + dropped + " snapshot(s) of " + stream);
        spec.commandLine().getOut().flush();
        return ExitCodes.OK;
    }
}
