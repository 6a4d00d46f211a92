package dev.annals.schema;

import java.nio.file.Path;

import static java.util.Objects.requireNonNull;

/** A schema file could not be read or written; names the file and what was wrong. */
public final class SchemaFileException extends RuntimeException {

    private final transient Path file;

    public SchemaFileException(Path file, String problem, Throwable cause) {
        super("schema file " + requireNonNull(file, "file") + ": " + requireNonNull(problem, "problem"), cause);
        this.file = file;
    }

    /** The file concerned. */
    public Path file() {
        return file;
    }
}
