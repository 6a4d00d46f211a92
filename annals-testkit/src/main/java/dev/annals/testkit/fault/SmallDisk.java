package dev.annals.testkit.fault;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * A small tmpfs mounted on a directory for a test, to run out of space for real. Mounting needs
 * CAP_SYS_ADMIN (root on the build machines); where it is missing the test is skipped, saying why.
 * Close it in {@code @AfterEach}, after closing whatever holds files on it.
 */
public final class SmallDisk implements AutoCloseable {

    private final Path mountPoint;

    private SmallDisk(Path mountPoint) {
        this.mountPoint = mountPoint;
    }

    /** Mounts a tmpfs of {@code megabytes} on {@code mountPoint}, or skips the test when that is not allowed. */
    public static SmallDisk mount(Path mountPoint, int megabytes) throws Exception {
        var result = run("mount", "-t", "tmpfs", "-o", "size=" + megabytes + "m", "tmpfs", mountPoint.toString());
        Assumptions.assumeTrue(result.isEmpty(), () -> "cannot mount a tmpfs (needs CAP_SYS_ADMIN): " + result);
        return new SmallDisk(mountPoint);
    }

    /**
     * Writes a new file until the file system is full; returns it, so that the test can free the space.
     * Each call writes a file of its own, so a second call takes what was freed since without freeing the
     * first file.
     */
    public Path fill() throws IOException {
        var filler = Files.createTempFile(mountPoint, "filler", "");
        var chunk = new byte[64 * 1024];
        try (OutputStream out = Files.newOutputStream(filler)) {
            while (true) {
                out.write(chunk);
                out.flush();
            }
        } catch (IOException full) {
            // No space left: the point.
        }
        return filler;
    }

    @Override
    public void close() throws Exception {
        var result = run("umount", "-l", mountPoint.toString());
        if (!result.isEmpty()) {
            throw new IllegalStateException("could not unmount " + mountPoint + ": " + result);
        }
    }

    /** Runs a command; empty when it succeeded, else what it printed. */
    private static String run(String... command) throws Exception {
        Process process;
        try {
            process = new ProcessBuilder(List.of(command))
                    .redirectErrorStream(true)
                    .start();
        } catch (IOException e) {
            return e.getMessage();
        }
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            return String.join(" ", command) + " did not finish in 30 s";
        }
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        return process.exitValue() == 0 ? "" : output.isEmpty() ? "exit " + process.exitValue() : output;
    }
}
