package dev.annals.cli.snapshot;

import dev.annals.cli.AnnalsCommand;
import dev.annals.cli.Opened;
import dev.annals.decider.EntityType;
import dev.annals.decider.EntityTypes;
import dev.annals.example.bank.Bank;
import dev.annals.snapshot.SnapshotPolicy;
import dev.annals.snapshot.SnapshotStore;
import dev.annals.snapshot.Snapshots;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code annals snapshot take|list|drop STREAM}: the snapshots of an entity's stream in the embedded
 * store, for the entity types the CLI knows (the bank example's accounts and transfers).
 */
@Command(
        name = "snapshot",
        description = {
            "Takes, lists and drops snapshots of an entity's state (embedded SQLite store).",
            "A snapshot is used only while the state's shape version matches the code's."
        },
        subcommands = {SnapshotTakeCommand.class, SnapshotListCommand.class, SnapshotDropCommand.class},
        synopsisSubcommandLabel = "COMMAND",
        mixinStandardHelpOptions = true)
public final class SnapshotCommand {

    /** The entity types the CLI knows. */
    static final EntityTypes ENTITY_TYPES = Bank.entityTypes();

    /**
     * The state shape version of every entity type the CLI knows; an application raises its entity's
     * number whenever the state record changes shape.
     */
    static final int STATE_VERSION = 1;

    /** The policy of snapshots taken by the CLI's loads: one every 100 events. */
    static final SnapshotPolicy POLICY = SnapshotPolicy.every(100);

    @CommandLine.ParentCommand
    AnnalsCommand annals;

    /** The snapshot store beside the store, which must exist; closes with its deployment. */
    Opened<SnapshotStore> openStore() {
        return annals.openCapability(SnapshotStore.class, "snapshot store");
    }

    /** The snapshot settings of {@code type}, its state class taken from its initial state. */
    @SuppressWarnings("unchecked")
    static <S> Snapshots<S> snapshotsOf(EntityType<?, S, ?> type, SnapshotStore store) {
        var stateType = (Class<S>) type.decider().initialState().getClass();
        return new Snapshots<>(stateType, STATE_VERSION, POLICY, store);
    }
}
