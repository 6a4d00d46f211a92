package dev.annals.cli.streams;

import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.annals.cli.AnnalsCommand;
import dev.annals.cli.ExitCodes;
import dev.annals.store.EventStore;
import dev.annals.store.StreamInfo;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code annals streams}: every stream with its version and last position. */
@Command(
        name = "streams",
        sortOptions = false,
        description = {
            "Lists every stream with its version and last position.",
            "Prints one JSON object per line, in the order the streams were created: stream, version (of its"
                    + " last event, 0-based) and lastPosition (the global position of its last event)."
        })
public final class StreamsCommand implements Callable<Integer> {

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

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        try (EventStore store = annals.openStoreForReading();
                Stream<StreamInfo> streams = store.streams()) {
            streams.forEach(info -> {
                out.print(JSON.createObjectNode()
                        .put("stream", info.stream())
                        .put("version", info.version())
                        .put("lastPosition", info.lastPosition()));
                out.print('\n');
            });
        }
        out.flush();
        return ExitCodes.OK;
    }
}
