package dev.annals.drill.fault;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * A small tmpfs the disk-full drill mounts on a directory of its own, to run out of space for real.
 * Mounting needs CAP_SYS_ADMIN (root); elsewhere the drill is skipped, saying so.
 */
public final class SmallTmpfs implements AutoCloseable {

    private final Path directory;

    private SmallTmpfs(Path directory) {
        this.directory = directory;
    }

    /** Why no tmpfs can be mounted here, or empty when it can (as far as the user id tells). */
    public static Optional<String> unavailable() {
        try {
            var id = command("id", "-u");
            return id.exitCode() == 0 && id.output().equals("0")
                    ? Optional.empty()
                    : Optional.of("disk-full mounts a small tmpfs, which needs root; run it as root");
        } catch (IOException | InterruptedException e) {
            return Optional.of("disk-full cannot tell whether it runs as root: " + e.getMessage());
        }
    }

    /** Mounts a tmpfs of {@code megabytes} on {@code directory}. */
    public static SmallTmpfs mount(Path directory, int megabytes) throws IOException, InterruptedException {
        var mounted = command("mount", "-t", "tmpfs", "-o", "size=" + megabytes + "m", "tmpfs", directory.toString());
        if (mounted.exitCode() != 0) {
            throw new IllegalStateException("could not mount a tmpfs: " + mounted.output());
        }
        return new SmallTmpfs(directory);
    }

    /** The mounted directory. */
    public Path directory() {
        return directory;
    }

    /** Fills the file system with one file until no byte more fits; returns it, to free the space. */
    public Path fill() throws IOException {
        var filler = directory.resolve("filler");
        var block = new byte[64 * 1024];
        try (OutputStream out = Files.newOutputStream(filler)) {
            while (true) {
                out.write(block);
            }
        } catch (IOException noSpaceLeft) {
            // What the drill wanted.
        }
        return filler;
    }

    @Override
    public void close() throws IOException, InterruptedException {
        var unmounted = command("umount", "-l", directory.toString());
        if (unmounted.exitCode() != 0) {
            throw new IllegalStateException("could not unmount the drill's tmpfs: " + unmounted.output());
        }
        Files.deleteIfExists(directory);
    }

    private record Result(int exitCode, String output) {}

    private static Result command(String... words) throws IOException, InterruptedException {
        var process =
                new ProcessBuilder(List.of(words)).redirectErrorStream(true).start();
        var output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            return new Result(-1, String.join(" ", words) + " did not finish in 30 s");
        }
        return new Result(process.exitValue(), output);
    }
}
