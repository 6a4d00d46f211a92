package dev.annals.cli.demo;

import dev.annals.cli.AnnalsCommand;
import dev.annals.cli.ExitCodes;
import dev.annals.event.EventData;
import dev.annals.event.Metadata;
import dev.annals.event.RecordedEvent;
import dev.annals.store.AppendResult;
import dev.annals.store.EventStore;
import dev.annals.store.ExpectedVersion;
import dev.annals.store.WrongExpectedVersionException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

/**
 * {@code annals demo}: appends a few events to a new account stream in the store under {@code --data},
 * shows the optimistic concurrency check refusing a stale write, and reads the stream back.
 */
@Command(name = "demo",
        sortOptions = false,
        description = {
                "Shows the event store at work on the data directory.",
                "Appends a few events to a new account stream, shows a stale write being refused, and reads the"
                        + " stream back."})
public final class DemoCommand implements Callable<Integer> {

    @CommandLine.ParentCommand
    private AnnalsCommand annals;

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit.")
    private boolean help;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        // A new stream per run, so that the demo can run again on the same data directory.
        String stream = "account-" + UUID.randomUUID().toString().substring(0, 8);
        var user = Metadata.empty().withUser("demo");
        try (EventStore store = annals.openStore()) {
            out.printf("Annals demo on the %s in %s%n%n", annals.storeOpener().name(), annals.dataDirectory());
            out.printf("Appending to %s, expecting that it does not exist yet:%n", stream);
            AppendResult opened = store.append(stream, ExpectedVersion.noStream(),
                    event("AccountOpened", "{\"owner\":\"Ada\",\"currency\":\"EUR\"}", user),
                    event("Deposited", "{\"amountCents\":10000}", user));
            printResult(out, opened);
            out.printf("Appending a withdrawal, expecting version %d:%n", opened.streamVersion());
            AppendResult withdrawn = store.append(stream, ExpectedVersion.exact(opened.streamVersion()),
                    event("Withdrawn", "{\"amountCents\":2500}", user));
            printResult(out, withdrawn);
            out.printf("Appending again with the stale expected version %d:%n", opened.streamVersion());
            try {
                store.append(stream, ExpectedVersion.exact(opened.streamVersion()),
                        event("Withdrawn", "{\"amountCents\":9000}", user));
                out.println("  accepted (unexpected!)");
            } catch (WrongExpectedVersionException e) {
                out.printf("  refused: %s%n", e.getMessage());
            }
            out.printf("%nReading %s back:%n", stream);
            try (Stream<RecordedEvent> events = store.readStream(stream)) {
                events.forEach(event -> out.printf("  version %d  position %-6d %-14s %s%n", event.streamVersion(),
                        event.position(), event.type(), event.payloadAsString()));
            }
            out.printf("%nThe store now holds %d events. Try: annals read %s%n", store.headPosition(), stream);
        }
        out.flush();
        return ExitCodes.OK;
    }

    private static EventData event(String type, String json, Metadata metadata) {
        return EventData.of(type, json.getBytes(StandardCharsets.UTF_8), metadata);
    }

    private static void printResult(PrintWriter out, AppendResult result) {
        out.printf("  appended: stream version %d, global position %d%n", result.streamVersion(), result.position());
    }
}
