package dev.annals.backend;

import java.nio.file.Path;

import static java.util.Objects.requireNonNull;

/**
 * The directory on this machine where a deployment keeps its files, as a {@link Deployment} capability:
 * offered by backends that keep one (the embedded store), absent for a database server. Tools that leave
 * files for the deployment's other users, such as {@code annals drill}'s last report, put them here.
 *
 * @param path the directory; it exists once the store has been opened for writing
 */
public record DataDirectory(Path path) {

    /** Checks. */
    public DataDirectory {
        requireNonNull(path, "path");
    }
}
