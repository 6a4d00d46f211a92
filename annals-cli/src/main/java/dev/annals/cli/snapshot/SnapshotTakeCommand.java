package dev.annals.cli.snapshot;

import dev.annals.cli.ExitCodes;
import dev.annals.cli.RejectedRequestException;
import dev.annals.decider.EntityType;
import dev.annals.snapshot.Snapshot;
import dev.annals.snapshot.SnapshotStore;
import dev.annals.store.EventReader;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code annals snapshot take STREAM}: folds the stream and saves its state as a snapshot. */
@Command(name = "take", description = "Folds STREAM and saves its current state as a snapshot.")
public final class SnapshotTakeCommand implements Callable<Integer> {

    @CommandLine.ParentCommand
    private SnapshotCommand snapshot;

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "STREAM", description = "The entity's stream, such as account-1.")
    private String stream;

    @Override
    public Integer call() {
        var type = SnapshotCommand.ENTITY_TYPES.forStream(stream);
        Snapshot taken;
        try (var snapshots = snapshot.openStore()) {
            taken = take(type, snapshots.deployment().store(), snapshots.value());
        }
        spec.commandLine()
                .getOut()
                .println("snapshot take: " + stream + " at version " + taken.version() + ", position "
                        + taken.position() + ", state v" + taken.stateVersion());
        spec.commandLine().getOut().flush();
        return ExitCodes.OK;
    }

    private <S> Snapshot take(EntityType<?, S, ?> type, EventReader reader, SnapshotStore store) {
        var folded = type.states(reader).current(stream);
        if (folded.isInitial()) {
            throw new RejectedRequestException("stream " + stream + " has no events: nothing to snapshot");
        }
        return SnapshotCommand.snapshotsOf(type, store).take(folded);
    }
}
