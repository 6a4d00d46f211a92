package dev.annals.cli.append;

import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.annals.cli.AnnalsCommand;
import dev.annals.cli.ExitCodes;
import dev.annals.cli.RejectedRequestException;
import dev.annals.event.EventData;
import dev.annals.event.EventIds;
import dev.annals.event.Metadata;
import dev.annals.event.MetadataJson;
import dev.annals.store.AppendResult;
import dev.annals.store.EventStore;
import dev.annals.store.ExpectedVersion;
import dev.annals.store.StreamName;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code annals append}: one event given on the command line, or every event of an NDJSON file, in one
 * atomic append. Everything is checked before the store is opened, so a rejected request writes nothing.
 */
@Command(
        name = "append",
        sortOptions = false,
        description = {
            "Appends one event to STREAM, or every event of an NDJSON file in one atomic append (all or nothing).",
            "Prints one JSON object: the stream, its new version, the global position of the (last) event, and"
                    + " the event id (for a file: the number of events)."
        },
        footerHeading = "%nExamples:%n",
        footer = {
            "  annals append account-1 Deposited '{\"amount\":5}'",
            "  annals append account-1 Withdrawn '{\"amount\":2}' --expected-version 0 \\",
            "                --metadata '{\"user\":\"ann\"}'",
            "  annals append account-1 --file events.ndjson",
            "      where each line is {\"type\":\"Deposited\",\"data\":{\"amount\":5}}",
            "      optionally with \"metadata\":{\"user\":\"ann\"} and \"eventId\":\"<uuid>\""
        })
public final class AppendCommand implements Callable<Integer> {

    private static final Logger LOG = LoggerFactory.getLogger(AppendCommand.class);
    private static final JsonMapper JSON = new JsonMapper();

    @CommandLine.ParentCommand
    private AnnalsCommand annals;

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Option(
            names = {"-h", "--help"},
            usageHelp = true,
            description = "Show this help and exit.")
    private boolean help;

    @Parameters(index = "0", paramLabel = "STREAM", description = "The stream to append to, such as account-1.")
    private String stream;

    @Parameters(index = "1", arity = "0..1", paramLabel = "TYPE", description = "The event's type, such as Deposited.")
    private String type;

    @Parameters(index = "2", arity = "0..1", paramLabel = "JSON", description = "The event's data: a JSON document.")
    private String json;

    @Option(
            names = "--file",
            paramLabel = "FILE",
            description = "Append every event of this NDJSON file instead: one {\"type\":…,\"data\":…} per line.")
    private Path file;

    @Option(
            names = "--expected-version",
            paramLabel = "any|no-stream|exists|N",
            defaultValue = "any",
            converter = ExpectedVersionConverter.class,
            description = "Append only if the stream is at this version (0-based; default: ${DEFAULT-VALUE}).")
    private ExpectedVersion expected;

    @Option(
            names = "--metadata",
            paramLabel = "JSON",
            description = "The event's metadata: a JSON object of strings, such as {\"user\":\"ann\"}.")
    private String metadata;

    @Option(
            names = "--event-id",
            paramLabel = "UUID",
            description = "The event's id (default: a new one). Retrying with the same id appends nothing new.")
    private UUID eventId;

    @Override
    public Integer call() {
        checkUsage();
        StreamName.validate(stream);
        List<EventData> events = file == null ? List.of(singleEvent()) : NdjsonEvents.read(file);
        AppendResult result;
        try (EventStore store = annals.openStore()) {
            result = store.append(stream, expected, events);
        }
        LOG.debug(
                "appended {} event(s) to stream {}: version {}, position {}, last event id {}",
                events.size(),
                stream,
                result.streamVersion(),
                result.position(),
                events.getLast().eventId());
        var out = spec.commandLine().getOut();
        out.println(describe(result, events));
        out.flush();
        return ExitCodes.OK;
    }

    private void checkUsage() {
        if (file == null && (type == null || json == null)) {
            throw new CommandLine.ParameterException(
                    spec.commandLine(),
                    "Missing " + (type == null ? "TYPE and JSON" : "JSON") + " (or --file FILE to append a file)");
        }
        if (file != null && (type != null || json != null)) {
            throw new CommandLine.ParameterException(
                    spec.commandLine(), "Give either TYPE and JSON or --file FILE, not both");
        }
        if (file != null && (metadata != null || eventId != null)) {
            throw new CommandLine.ParameterException(
                    spec.commandLine(),
                    "--metadata and --event-id apply to a single event; with --file put them on each line");
        }
    }

    private EventData singleEvent() {
        byte[] payload = JsonInput.bytes(JsonInput.parse(json, "the event data"));
        Metadata parsedMetadata;
        try {
            parsedMetadata = metadata == null ? Metadata.empty() : MetadataJson.parse(metadata);
        } catch (IllegalArgumentException e) {
            throw new RejectedRequestException("the " + e.getMessage(), e);
        }
        return new EventData(eventId == null ? EventIds.next() : eventId, type, 1, payload, parsedMetadata);
    }

    private String describe(AppendResult result, List<EventData> events) {
        ObjectNode line = JSON.createObjectNode()
                .put("stream", stream)
                .put("version", result.streamVersion())
                .put("position", result.position());
        if (file == null) {
            line.put("eventId", events.getFirst().eventId().toString());
        } else {
            line.put("events", events.size());
        }
        return line.toString();
    }
}
