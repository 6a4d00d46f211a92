package dev.annals.cli.state;

import dev.annals.cli.AnnalsCommand;
import dev.annals.cli.ExitCodes;
import dev.annals.cli.StreamPresence;
import dev.annals.decider.EntityTypes;
import dev.annals.decider.FoldedState;
import dev.annals.decider.StateJson;
import dev.annals.example.bank.Bank;
import dev.annals.store.EventStore;
import java.io.PrintWriter;
import java.time.Instant;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code annals state STREAM [--at INSTANT | --version N]}: an entity's state folded from its stream, now
 * or as it was, for the entity types registered with the CLI (the bank example's accounts).
 */
@Command(
        name = "state",
        sortOptions = false,
        description = {
            "Prints an entity's state, folded from its stream: now, as it was at an instant, or at a version.",
            "Prints one JSON object: stream, version and position folded to, and the state.",
            "Known entity types (by stream category): account (the bank example)."
        })
public final class StateCommand implements Callable<Integer> {

    /** The entity types the CLI knows; an application with its own would register them here. */
    private static final EntityTypes ENTITY_TYPES = Bank.entityTypes();

    @CommandLine.ParentCommand
    private AnnalsCommand annals;

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "STREAM", description = "The entity's stream, such as account-1.")
    private String stream;

    @ArgGroup(exclusive = true)
    private AsOf asOf = new AsOf();

    @Option(names = "--pretty", description = "Indent the JSON for people to read.")
    private boolean pretty;

    @Option(
            names = {"-h", "--help"},
            usageHelp = true,
            description = "Show this help and exit.")
    private boolean help;

    /** At most one of an instant and a version. */
    static final class AsOf {
        @Option(
                names = "--at",
                paramLabel = "INSTANT",
                converter = InstantConverter.class,
                description = "Fold the events recorded at or before this instant (ISO-8601, such as"
                        + " 2026-11-25T10:00:00Z, or with an offset: 2026-11-25T11:00:00+01:00).")
        Instant at;

        @Option(
                names = "--version",
                paramLabel = "N",
                description = "Fold the events up to and including stream version N (0-based).")
        Long version;
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        // Resolve the entity type before touching the store, so an unknown category creates nothing.
        ENTITY_TYPES.forStream(stream);
        try (EventStore store = annals.openStoreForReading()) {
            FoldedState<?> folded;
            if (asOf.at != null) {
                folded = ENTITY_TYPES.stateAt(store, stream, asOf.at);
            } else if (asOf.version != null) {
                folded = ENTITY_TYPES.stateAtVersion(store, stream, asOf.version);
            } else {
                folded = ENTITY_TYPES.current(store, stream);
            }
            if (folded.isInitial()) {
                StreamPresence.lastVersion(store, stream).orElseThrow(() -> StreamPresence.noEvents(stream));
                var err = spec.commandLine().getErr();
                err.println("annals: stream '" + stream + "' had no events at or before " + asOf.at
                        + ": this is its initial state");
                err.flush();
            }
            out.println(pretty ? StateJson.renderPretty(folded) : StateJson.render(folded));
        }
        out.flush();
        return ExitCodes.OK;
    }
}
