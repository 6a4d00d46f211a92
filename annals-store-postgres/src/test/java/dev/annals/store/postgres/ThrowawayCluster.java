package dev.annals.store.postgres;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A PostgreSQL server of the test's own, through scripts/pg-cluster.sh, for tests that restart their server:
 * the shared one at 127.0.0.1:5432 is never touched.
 */
final class ThrowawayCluster implements AutoCloseable {

    private static final Path SCRIPT =
            Path.of("..", "scripts", "pg-cluster.sh").toAbsolutePath().normalize();

    private final Path directory;
    private final int port;

    private ThrowawayCluster(Path directory, int port) {
        this.directory = directory;
        this.port = port;
    }

    /** Creates and starts a cluster on a free port. */
    static ThrowawayCluster start() throws IOException, InterruptedException {
        int port;
        try (var socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        var cluster = new ThrowawayCluster(Files.createTempDirectory("annals-pg-cluster"), port);
        cluster.run("start", cluster.directory.toString(), Integer.toString(port));
        return cluster;
    }

    /** Its JDBC URL: database postgres, user postgres. */
    String url() {
        return "jdbc:postgresql://127.0.0.1:" + port + "/postgres?user=postgres";
    }

    /** Restarts the server; connections and open transactions are cut. */
    void restart() throws IOException, InterruptedException {
        run("restart", directory.toString());
    }

    /** Stops the server, as an outage would; {@link #resume()} starts it again on the same port. */
    void pause() throws IOException, InterruptedException {
        run("stop", directory.toString());
    }

    /** Starts the server stopped by {@link #pause()}. */
    void resume() throws IOException, InterruptedException {
        run("start", directory.toString(), Integer.toString(port));
    }

    @Override
    public void close() throws IOException, InterruptedException {
        try {
            run("stop", directory.toString());
        } finally {
            new ProcessBuilder("rm", "-rf", directory.toString()).start().waitFor(30, TimeUnit.SECONDS);
        }
    }

    private void run(String... arguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("bash", SCRIPT.toString()));
        command.addAll(List.of(arguments));
        var process = new ProcessBuilder(command).redirectErrorStream(true).start();
        var output = new String(process.getInputStream().readAllBytes());
        if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed: " + output);
        }
    }
}
