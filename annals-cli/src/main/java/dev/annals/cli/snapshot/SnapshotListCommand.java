package dev.annals.cli.snapshot;

import dev.annals.cli.ExitCodes;
import dev.annals.snapshot.Snapshot;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code annals snapshot list STREAM}: the stream's snapshots, newest first, marking those a load would ignore. */
@Command(name = "list", description = "Lists the snapshots of STREAM, newest first.")
public final class SnapshotListCommand implements Callable<Integer> {

    @CommandLine.ParentCommand
    private SnapshotCommand snapshot;

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "STREAM", description = "The entity's stream, such as account-1.")
    private String stream;

    @Override
    public Integer call() {
        SnapshotCommand.ENTITY_TYPES.forStream(stream);
        var out = spec.commandLine().getOut();
        List<Snapshot> snapshots;
        try (var store = snapshot.openStore()) {
            snapshots = store.value().list(stream);
        }
        for (var each : snapshots) {
            boolean valid = each.stateVersion() == SnapshotCommand.STATE_VERSION;
            out.println("version " + each.version() + "  position " + each.position() + "  state v"
                    + each.stateVersion() + (valid ? "" : " (stale: ignored)") + "  taken " + each.takenAt());
        }
        out.println("snapshot list: " + snapshots.size() + " snapshot(s) of " + stream);
        out.flush();
        return ExitCodes.OK;
    }
}
