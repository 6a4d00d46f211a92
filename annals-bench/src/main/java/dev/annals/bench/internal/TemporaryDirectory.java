package dev.annals.bench.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * A directory created fresh for one run and deleted, with everything in it, when closed, or when the
 * JVM exits first (a benchmark stopped with Ctrl-C leaves no store behind).
 */
public final class TemporaryDirectory implements AutoCloseable {

    private final Path path;
    private final Thread deleteAtExit;

    private TemporaryDirectory(Path path) {
        this.path = path;
        this.deleteAtExit = new Thread(this::deleteQuietly, "delete-" + path.getFileName());
        Runtime.getRuntime().addShutdownHook(deleteAtExit);
    }

    /** Creates a new empty directory in the system's temporary directory. */
    public static TemporaryDirectory create(String prefix) {
        try {
            return new TemporaryDirectory(Files.createTempDirectory(prefix));
        } catch (IOException e) {
            throw new UncheckedIOException("could not create a temporary directory: " + e.getMessage(), e);
        }
    }

    /** The directory. */
    public Path path() {
        return path;
    }

    /** Deletes the directory and its content. */
    @Override
    public void close() {
        try {
            Runtime.getRuntime().removeShutdownHook(deleteAtExit);
        } catch (IllegalStateException e) {
            // The JVM is already exiting: the hook deletes the directory.
            return;
        }
        delete();
    }

    private void delete() {
        try (Stream<Path> paths = Files.walk(path)) {
            for (Path each : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(each);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "could not delete the temporary directory " + path + ": " + e.getMessage(), e);
        }
    }

    private void deleteQuietly() {
        try {
            delete();
        } catch (UncheckedIOException e) {
            // Nothing more can be done while the JVM exits.
        }
    }
}
