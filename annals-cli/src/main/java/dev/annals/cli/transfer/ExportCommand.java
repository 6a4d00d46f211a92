package dev.annals.cli.transfer;

import dev.annals.cli.AnnalsCommand;
import dev.annals.cli.ExitCodes;
import dev.annals.event.RecordedEvent;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;

/**
 * {@code annals export [--from POS] [--stream S] [--output FILE]}: the events, in global order, as
 * gzipped NDJSON (one event per line, see {@code ExportFormat}) on stdout or into a file. The summary
 * goes to stderr, so that stdout carries only the data.
 */
@Command(name = "export",
        description = {"Writes events as gzipped NDJSON, one event per line, in global order.",
                "  annals export > backup.ndjson.gz"})
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

    @Override
    public Integer call() throws IOException {
        if (from < 1) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--from must be 1 or more, was " + from);
        }
        long count = 0;
        long first = 0;
        long last = 0;
        try (var store = annals.openForReading();
             Stream<RecordedEvent> events = stream == null ? store.readAll(from)
                     : store.readStream(stream).filter(event -> event.position() >= from);
             var out = new BufferedWriter(new OutputStreamWriter(new GZIPOutputStream(target()), StandardCharsets.UTF_8))) {
            for (var iterator = events.iterator(); iterator.hasNext(); ) {
                var event = iterator.next();
                out.write(ExportFormat.write(event));
                out.write('\n');
                first = count == 0 ? event.position() : first;
                last = event.position();
                count++;
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        spec.commandLine().getErr().println("export: " + count + " event(s)"
                + (count > 0 ? ", positions " + first + ".." + last : "") + " to "
                + (output == null ? "stdout" : output.toString()));
        spec.commandLine().getErr().flush();
        return ExitCodes.OK;
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
