package dev.annals.cli.replay;

import dev.annals.cli.AnnalsCommand;
import dev.annals.cli.ExitCodes;
import dev.annals.cli.RejectedRequestException;
import dev.annals.cli.progress.ProgressBar;
import dev.annals.example.bank.projection.BankReadSide;
import dev.annals.projection.replay.ProjectionReplay;
import dev.annals.projection.replay.ReplayRange;
import dev.annals.projection.replay.ReplayResult;
import dev.annals.store.jdbc.projection.JdbcReadModels;
import dev.annals.store.jdbc.projection.ReadModelDefinition;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code annals replay NAME [--from POS] [--to POS]}: replays events into a new version of a read model
 * beside the live one, which keeps serving untouched, with progress and rate (see {@link ProjectionReplay}).
 * The read models are the application's, registered in code: here the bank's ({@link BankReadSide#readModels()}).
 */
@Command(
        name = "replay",
        sortOptions = false,
        description = {
            "Replays events into a NEW version of the read model NAME beside the live one, which queries"
                    + " and the running projection keep using untouched: to inspect what the handlers make of history"
                    + " or of one range of it.",
            "--from/--to bound the global positions delivered (both inclusive); a range that does not start at 1"
                    + " gives a partial read model. The version stays until the next replay or rebuild; to"
                    + " replace the live read model use 'annals projections rebuild NAME'.",
            "Works while the application runs."
        })
public final class ReplayCommand implements Callable<Integer> {

    @CommandLine.ParentCommand
    private AnnalsCommand annals;

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Parameters(
            index = "0",
            paramLabel = "NAME",
            description = "The read model, one of: ${COMPLETION-CANDIDATES}.",
            completionCandidates = ReadModelNames.class)
    private String name;

    @Option(
            names = "--from",
            paramLabel = "POSITION",
            description = "The first global position to deliver (default 1).")
    private long from = 1;

    @Option(
            names = "--to",
            paramLabel = "POSITION",
            description = "The last global position to deliver (default: the" + " head when the replay starts).")
    private long to = ReplayRange.HEAD;

    @Option(
            names = "--batch-size",
            paramLabel = "N",
            defaultValue = "500",
            description = "Events per transaction (default: ${DEFAULT-VALUE}).")
    private int batchSize;

    @Option(names = "--progress", description = "Show the progress bar even when stderr is no terminal.")
    private boolean progress;

    @Option(
            names = {"-h", "--help"},
            usageHelp = true,
            description = "Show this help and exit.")
    private boolean help;

    @Override
    public Integer call() throws Exception {
        var definition = definition(name);
        ReplayRange range;
        try {
            range = new ReplayRange(from, to);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
        if (batchSize < 1) {
            throw new CommandLine.ParameterException(
                    spec.commandLine(), "--batch-size must be 1 or more, was " + batchSize);
        }
        var result = run(definition, range);
        var out = spec.commandLine().getOut();
        out.printf(
                Locale.ROOT,
                "replay: %s positions %d..%d into version %d (live version %d untouched): %d event(s)"
                        + " read, %d handled, in %.1f s (%.0f events/s)%n",
                result.projection(),
                result.from(),
                result.to(),
                result.version(),
                result.liveVersion(),
                result.read(),
                result.handled(),
                result.seconds(),
                result.rate());
        out.printf(
                "replay: query %s%s%n",
                String.join(
                        ", ",
                        definition.tables().stream()
                                .map(table -> table.physical(result.version()))
                                .toList()),
                range.fromStart()
                        ? ""
                        : " (partial: only the effects of positions " + result.from() + ".." + result.to()
                                + " on empty tables)");
        out.flush();
        return ExitCodes.OK;
    }

    /** Reads beside the application (read-only: no directory lock on the embedded store); writes the read model. */
    private ReplayResult run(ReadModelDefinition definition, ReplayRange range) throws Exception {
        try (var readModels = annals.openCapability(JdbcReadModels.class, "SQL read models");
                var readModel = readModels.value().store(definition.tables())) {
            var events = readModels.deployment().store();
            return replay(
                    new ProjectionReplay<>(definition.projection(), events, readModel, batchSize),
                    range,
                    events.headPosition());
        }
    }

    private ReplayResult replay(ProjectionReplay<?> replay, ReplayRange range, long head) throws Exception {
        long last = Math.min(range.to(), head);
        long total = Math.max(0, last - range.from() + 1);
        var bar = ProgressBar.on(spec.commandLine().getErr(), "replay " + name, "positions", progress);
        long[] done = {0};
        try {
            var result = replay.run(range, (events, position) -> {
                done[0] = position - range.from() + 1;
                bar.update(done[0], total);
            });
            // Every position of the range was looked at, though the source's last event may come before its end.
            done[0] = total;
            return result;
        } finally {
            bar.finish(done[0], total);
        }
    }

    private static ReadModelDefinition definition(String name) {
        return BankReadSide.readModels().stream()
                .filter(model -> model.name().equals(name))
                .findFirst()
                .orElseThrow(() -> new RejectedRequestException("no read model '" + name + "'; known: "
                        + String.join(", ", names()) + " (registered by the application; the transfer process appends"
                        + " events, so it is no read model to replay)"));
    }

    private static List<String> names() {
        return BankReadSide.readModels().stream().map(ReadModelDefinition::name).toList();
    }

    /** The names {@code NAME} may take, for the help text. */
    static final class ReadModelNames implements Iterable<String> {
        @Override
        public java.util.Iterator<String> iterator() {
            return names().iterator();
        }
    }
}
