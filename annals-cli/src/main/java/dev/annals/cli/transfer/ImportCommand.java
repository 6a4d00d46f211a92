package dev.annals.cli.transfer;

import dev.annals.cli.AnnalsCommand;
import dev.annals.cli.ExitCodes;
import dev.annals.cli.RejectedRequestException;
import dev.annals.event.RecordedEvent;
import dev.annals.store.sqlite.SqliteEventStore;
import dev.annals.store.sqlite.transfer.SqliteImport;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.concurrent.Callable;
import java.util.zip.GZIPInputStream;

/**
 * {@code annals import FILE}: loads a file written by {@code annals export} into an empty embedded
 * store, keeping positions, ids, timestamps and metadata. All or nothing: one bad line and nothing is
 * written.
 */
@Command(name = "import",
        description = {"Loads an 'annals export' file (gzipped NDJSON) into an EMPTY store, keeping positions,"
                + " ids, timestamps and metadata.", "All or nothing: a bad line writes nothing."})
public final class ImportCommand implements Callable<Integer> {

    @CommandLine.ParentCommand
    private AnnalsCommand annals;

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE", description = "The export file (.ndjson.gz).")
    private Path file;

    @Override
    public Integer call() throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new RejectedRequestException("no file '" + file + "'");
        }
        Path directory = annals.dataDirectory();
        // Creates the store and its schema when absent; closed again before the import writes.
        SqliteEventStore.open(directory).close();
        long imported;
        try (var reader = new BufferedReader(new InputStreamReader(
                new GZIPInputStream(Files.newInputStream(file)), StandardCharsets.UTF_8))) {
            imported = SqliteImport.into(directory, new Lines(reader));
        } catch (UncheckedIOException e) {
            throw new RejectedRequestException(file + ": " + e.getCause().getMessage() + "; nothing imported");
        } catch (java.util.zip.ZipException e) {
            throw new RejectedRequestException(file + " is not a gzip file: " + e.getMessage());
        }
        long head;
        try (var store = SqliteEventStore.open(directory)) {
            head = store.headPosition();
        }
        spec.commandLine().getOut().println("import: " + imported + " event(s) into " + directory
                + ", head position " + head);
        spec.commandLine().getOut().flush();
        return ExitCodes.OK;
    }

    /** The file's events, read a line at a time; a bad line fails naming its number. */
    private static final class Lines implements Iterator<RecordedEvent> {
        private final BufferedReader reader;
        private String next;
        private long number;

        Lines(BufferedReader reader) {
            this.reader = reader;
        }

        @Override
        public boolean hasNext() {
            try {
                while (next == null) {
                    next = reader.readLine();
                    if (next == null) {
                        return false;
                    }
                    number++;
                    if (next.isBlank()) {
                        next = null;
                    }
                }
                return true;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public RecordedEvent next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            try {
                return ExportFormat.read(next);
            } catch (IOException | RuntimeException e) {
                throw new UncheckedIOException(new IOException("line " + number + ": " + e.getMessage(), e));
            } finally {
                next = null;
            }
        }
    }
}
