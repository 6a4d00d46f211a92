package dev.annals.cli.serve;

import dev.annals.backend.Backends;
import dev.annals.cli.Cli;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code annals serve --demo} on a data directory, in the background, and the command line run against it
 * with {@code --store URL} from another working directory, as from another machine.
 */
final class ServedDemo {

    private final BackgroundServe server;
    private final URI uri;
    private final Path elsewhere;

    private ServedDemo(BackgroundServe server, Path elsewhere) {
        this.server = server;
        this.uri = server.uri();
        this.elsewhere = elsewhere;
    }

    /** Serves the demo on {@code data} on a free port, with {@code options} such as {@code --auth}. */
    static ServedDemo start(Path data, Path elsewhere, String... options) {
        var args = new ArrayList<>(List.of("--data", data.toString(), "serve", "--demo", "--port", "0"));
        args.addAll(List.of(options));
        return new ServedDemo(BackgroundServe.start(Backends.installed(), args.toArray(String[]::new)), elsewhere);
    }

    URI uri() {
        return uri;
    }

    /** {@code annals --store URL ARGS...}. */
    Cli.Run annals(String... args) {
        var all = new ArrayList<>(List.of("--store", uri.toString()));
        all.addAll(List.of(args));
        return Cli.onSqlite(elsewhere).runWithoutData(all.toArray(String[]::new));
    }

    /** Stops the server, as Ctrl-C does, and returns its exit code. */
    int stop() throws InterruptedException {
        return server.stop();
    }
}
