package dev.annals.cli.read;

import dev.annals.cli.AnnalsCommand;
import dev.annals.cli.ExitCodes;
import dev.annals.cli.StreamPresence;
import dev.annals.event.RecordedEvent;
import dev.annals.store.Direction;
import dev.annals.store.EventStore;
import dev.annals.store.ReadRequest;
import dev.annals.store.ReadSource;
import java.io.PrintWriter;
import java.util.Iterator;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code annals read}: the events of a stream, a category, an event type or the whole store, as JSON lines. */
@Command(
        name = "read",
        sortOptions = false,
        description = {
            "Reads the events of a stream, a category, an event type or the whole store.",
            "Prints one JSON object per line: stream, version, position, eventId, type, schemaVersion, data,"
                    + " metadata, recordedAt.",
            "STREAM is a stream name, or $all (every event), $ce-CATEGORY (the streams named CATEGORY-...)"
                    + " or $et-TYPE (every event of one type); quote it in the shell."
        },
        footerHeading = "%nExamples:%n",
        footer = {
            "  annals read account-1",
            "  annals read account-1 --backward --limit 1     (the stream's last event)",
            "  annals read '$all' --from 100                  (from global position 100)",
            "  annals read '$ce-account'",
            "  annals read '$et-Deposited' --limit 10"
        })
public final class ReadCommand implements Callable<Integer> {

    /** Check for a closed output (such as `| head`) after this many events, not after each. */
    private static final int CHECK_EVERY = 256;

    @CommandLine.ParentCommand
    private AnnalsCommand annals;

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Option(
            names = {"-h", "--help"},
            usageHelp = true,
            description = "Show this help and exit.")
    private boolean help;

    @Parameters(index = "0", paramLabel = "STREAM", description = "The stream, or $all, $ce-CATEGORY, $et-TYPE.")
    private String name;

    @Option(
            names = "--from",
            paramLabel = "N",
            description = "Start at this stream version (0-based) or, for $all, $ce- and $et-, this global position"
                    + " (1-based); inclusive. Default: the first event, or the last with --backward.")
    private Long from;

    @Option(names = "--backward", description = "Read newest first.")
    private boolean backward;

    @Option(names = "--limit", paramLabel = "N", description = "Read at most N events (default: no limit).")
    private Long limit;

    @Override
    public Integer call() {
        ReadRequest request = request();
        PrintWriter out = spec.commandLine().getOut();
        try (EventStore store = annals.openStoreForReading();
                Stream<RecordedEvent> events = store.read(request)) {
            Iterator<RecordedEvent> lines = events.iterator();
            long written = 0;
            while (lines.hasNext()) {
                out.print(EventJsonLines.line(lines.next()));
                out.print('\n');
                // A closed pipe (annals read ... | head) ends the read instead of draining the store.
                if (++written % CHECK_EVERY == 0 && out.checkError()) {
                    break;
                }
            }
            if (written == 0) {
                out.flush();
                return nothingRead(store, request);
            }
        }
        out.flush();
        return ExitCodes.OK;
    }

    /**
     * Says why nothing was printed instead of exiting 0 in silence: a stream with no events is a rejected
     * request (a mistyped name, most often); an existing stream, category or type with no event in the
     * range asked for is a success with a note on stderr.
     */
    private int nothingRead(EventStore store, ReadRequest request) {
        if (request.source() instanceof ReadSource.StreamOf stream) {
            long lastVersion =
                    StreamPresence.lastVersion(store, stream.stream()).orElseThrow(() -> StreamPresence.noEvents(name));
            String range = from == null ? "" : (backward ? " at or before" : " from") + " version " + from;
            note("no events of stream '" + name + "'" + range + " (its last version is " + lastVersion + ")");
            return ExitCodes.OK;
        }
        note(
                request.source() instanceof ReadSource.All
                        ? (from == null
                                ? "the store has no events"
                                : "no events from position " + from + " (the head is " + store.headPosition() + ")")
                        : "no events in '" + name + "'" + (from == null ? "" : " from position " + from));
        return ExitCodes.OK;
    }

    private void note(String text) {
        var err = spec.commandLine().getErr();
        err.println("annals: " + text);
        err.flush();
    }

    private ReadRequest request() {
        if (from != null && from < 0) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--from must be 0 or more, was " + from);
        }
        if (limit != null && limit < 1) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--limit must be 1 or more, was " + limit);
        }
        ReadSource source = ReadSource.parse(name);
        Direction direction = backward ? Direction.BACKWARD : Direction.FORWARD;
        long start = from != null ? from : backward ? ReadRequest.END : ReadRequest.START;
        return new ReadRequest(source, direction, start, limit != null ? limit : ReadRequest.NO_LIMIT);
    }
}
