package dev.annals.drill.fault;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * A PostgreSQL server of the drill's own, in a temporary directory on a free loopback port, that the drill
 * may restart at will: never an operator's database. It runs the project's {@code scripts/pg-cluster.sh}
 * (shipped inside this jar), which needs the PostgreSQL server binaries under {@code /usr/lib/postgresql}.
 */
public final class ThrowawayPostgres implements AutoCloseable {

    private final Path script;
    private final Path directory;
    private final int port;

    private ThrowawayPostgres(Path script, Path directory, int port) {
        this.script = script;
        this.directory = directory;
        this.port = port;
    }

    /** Why no throwaway server can start here, or empty when one can. */
    public static Optional<String> unavailable() {
        try (var versions = Files.list(Path.of("/usr/lib/postgresql"))) {
            if (versions.anyMatch(version -> Files.isExecutable(version.resolve("bin/pg_ctl")))) {
                return Optional.empty();
            }
        } catch (IOException e) {
            // No such directory: the binaries are not installed.
        }
        return Optional.of("no PostgreSQL server binaries under /usr/lib/postgresql to start a throwaway server"
                + " (install the postgresql package, or give --store and --allow-restart COMMAND)");
    }

    /** Creates and starts a server. */
    public static ThrowawayPostgres start() throws IOException, InterruptedException {
        var script = Files.createTempFile("annals-pg-cluster", ".sh");
        try (var in = ThrowawayPostgres.class.getResourceAsStream("pg-cluster.sh")) {
            if (in == null) {
                throw new IllegalStateException("pg-cluster.sh is missing from the drill's jar");
            }
            Files.write(script, in.readAllBytes());
        }
        int port;
        try (var socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        var server = new ThrowawayPostgres(script, Files.createTempDirectory("annals-drill-pg"), port);
        server.run("start", server.directory.toString(), Integer.toString(port));
        return server;
    }

    /** Its store location: database postgres, user postgres, schema {@code schema}. */
    public String location(String schema) {
        return "postgresql://127.0.0.1:" + port + "/postgres?user=postgres&schema=" + schema;
    }

    /** Its port at 127.0.0.1. */
    public int port() {
        return port;
    }

    /** Restarts it (fast shutdown: connections and open transactions are cut). */
    public void restart() throws IOException, InterruptedException {
        run("restart", directory.toString());
    }

    @Override
    public void close() throws IOException, InterruptedException {
        try {
            run("stop", directory.toString());
        } finally {
            new ProcessBuilder("rm", "-rf", directory.toString()).start().waitFor(30, TimeUnit.SECONDS);
            Files.deleteIfExists(script);
        }
    }

    private void run(String... arguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("bash", script.toString()));
        command.addAll(List.of(arguments));
        var process = new ProcessBuilder(command).redirectErrorStream(true).start();
        var output = new String(process.getInputStream().readAllBytes());
        if (!process.waitFor(120, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IllegalStateException("the throwaway PostgreSQL did not " + arguments[0] + ": " + output);
        }
    }
}
