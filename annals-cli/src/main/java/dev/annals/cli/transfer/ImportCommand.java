package dev.annals.cli.transfer;

import dev.annals.backend.OpenOptions;
import dev.annals.cli.AnnalsCommand;
import dev.annals.cli.ExitCodes;
import dev.annals.cli.RejectedRequestException;
import dev.annals.store.jdbc.transfer.ErasureState;
import dev.annals.store.jdbc.transfer.StoreTransfer;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.zip.GZIPInputStream;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code annals import FILE}: loads a file written by {@code annals export} into an empty embedded
 * store, keeping positions, ids, timestamps and metadata, and the stream marks and subject keys the file
 * carries (any format version: docs/export-import.md). All or nothing: one bad line and nothing is written.
 */
@Command(
        name = "import",
        description = {
            "Loads an 'annals export' file (gzipped NDJSON) into an EMPTY store, keeping positions,"
                    + " ids, timestamps and metadata, and the deleted and truncated streams' marks, the subjects' data keys"
                    + " and the forgotten subjects it carries.",
            "All or nothing: a bad line writes nothing."
        })
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
        long imported;
        long head;
        ErasureState erasure;
        // Read-only: no writer of the store runs, so the import's one transaction is the only writer; the
        // store and its schema are created when absent.
        try (var opened = annals.openCapability(
                        StoreTransfer.class,
                        "import of export files",
                        OpenOptions.readOnly().withMustExist(false));
                var reader = new BufferedReader(new InputStreamReader(
                        new GZIPInputStream(Files.newInputStream(file)), StandardCharsets.UTF_8))) {
            var lines = new ExportFileReader(reader);
            imported = opened.value().importAll(lines, lines::erasureState);
            erasure = lines.erasureState();
            head = opened.deployment().store().headPosition();
        } catch (UncheckedIOException e) {
            throw new RejectedRequestException(file + ": " + e.getCause().getMessage() + "; nothing imported");
        } catch (java.util.zip.ZipException e) {
            throw new RejectedRequestException(file + " is not a gzip file: " + e.getMessage());
        }
        spec.commandLine()
                .getOut()
                .println(
                        "import: " + imported + " event(s) into " + annals.storeLocation() + ", head position " + head);
        if (!erasure.isEmpty()) {
            spec.commandLine().getOut().println("import: with " + erasure.summary() + ", keys as stored");
        }
        spec.commandLine().getOut().flush();
        return ExitCodes.OK;
    }
}
