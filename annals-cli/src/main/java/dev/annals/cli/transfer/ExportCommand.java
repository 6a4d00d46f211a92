package dev.annals.cli.transfer;

import dev.annals.cli.AnnalsCommand;
import dev.annals.cli.BadUsageException;
import dev.annals.cli.ExitCodes;
import dev.annals.event.RecordedEvent;
import dev.annals.store.EventStore;
import dev.annals.store.StreamName;
import dev.annals.store.jdbc.transfer.ErasureState;
import dev.annals.store.jdbc.transfer.StoreTransfer;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code annals export [--from POS] [--stream S] [--output FILE] [--without-keys]}: the events, in global
 * order, then the stream marks and subject keys, as gzipped NDJSON (one record per line, see
 * {@code ExportFormat}) on stdout or into a file. The summary goes to stderr, so that stdout carries only
 * the data.
 */
@Command(
        name = "export",
        description = {
            "Writes events as gzipped NDJSON, one event per line, in global order, then the marks of"
                    + " deleted and truncated streams and the subjects' data keys (as stored) and forgotten subjects.",
            "  annals export > backup.ndjson.gz"
        })
public final class ExportCommand implements Callable<Integer> {

    @CommandLine.ParentCommand
    private AnnalsCommand annals;

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Option(names = "--from", paramLabel = "POS", description = "The first global position to export (default 1).")
    private long from = 1;

    @Option(names = "--stream", paramLabel = "S", description = "Export only this stream's events.")
    private String stream;

    @Option(names = "--output", paramLabel = "FILE", description = "Write to FILE instead of stdout.")
    private Path output;

    @Option(
            names = "--without-keys",
            description = "Leave the subjects' data keys out: the file then holds no"
                    + " readable personal data (forgotten subjects are still listed).")
    private boolean withoutKeys;

    /** Whether stdout is a terminal; a test stands in for one. */
    static BooleanSupplier stdoutIsTerminal = Terminal::stdoutIsTerminal;

    @Override
    public Integer call() throws IOException {
        if (output == null && stdoutIsTerminal.getAsBoolean()) {
            throw new BadUsageException("export writes gzip-compressed data, which a terminal cannot show: give"
                    + " --output FILE, or redirect stdout (annals export > backup.ndjson.gz)");
        }
        if (from < 1) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--from must be 1 or more, was " + from);
        }
        ExportWriter.Written written;
        try (var opened = annals.openCapability(StoreTransfer.class, "export of stream marks and keys")) {
            var store = opened.deployment().store();
            // Read first, in one transaction: the events exported stop at its head, so the marks fit them.
            var snapshot = opened.value().snapshot();
            var erasure = withoutKeys ? snapshot.erasure().withoutKeys() : snapshot.erasure();
            try (Stream<RecordedEvent> events =
                            events(store, erasure).takeWhile(event -> event.position() <= snapshot.head());
                    var out = new BufferedWriter(
                            new OutputStreamWriter(new GZIPOutputStream(target()), StandardCharsets.UTF_8))) {
                written = ExportWriter.write(out, events.iterator(), erasure, stream == null && from == 1);
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        long count = written.events();
        spec.commandLine()
                .getErr()
                .println("export: " + count + " event(s)"
                        + (count > 0 ? ", positions " + written.first() + ".." + written.last() : "") + " to "
                        + (output == null ? "stdout" : output.toString()));
        if (!written.erasure().isEmpty()) {
            spec.commandLine()
                    .getErr()
                    .println("export: with " + written.erasure().summary()
                            + (withoutKeys ? ", data keys left out" : ", keys as stored"));
        }
        spec.commandLine().getErr().flush();
        return ExitCodes.OK;
    }

    /**
     * The events to export. A marked stream's are read through its category: reading it by stream would
     * skip the events its mark hides, and the import needs them all.
     */
    private Stream<RecordedEvent> events(EventStore store, ErasureState erasure) {
        if (stream == null) {
            return store.readAll(from);
        }
        boolean marked = erasure.marks().stream().anyMatch(mark -> mark.stream().equals(stream));
        var read = marked
                ? store.readCategory(StreamName.categoryOf(stream), from)
                        .filter(event -> event.stream().equals(stream))
                : store.readStream(stream);
        return read.filter(event -> event.position() >= from);
    }

    private OutputStream target() throws IOException {
        if (output == null) {
            // Not closed with the gzip stream's close would close stdout, which the JVM still needs.
            return new java.io.FilterOutputStream(System.out) {
                @Override
                public void close() throws IOException {
                    flush();
                }
            };
        }
        return Files.newOutputStream(output);
    }
}
