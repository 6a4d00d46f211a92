package dev.annals.cli.serve;

import dev.annals.backend.Backends;
import dev.annals.cli.AnnalsCommand;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;

import static org.awaitility.Awaitility.await;

/**
 * An {@code annals ARGS...} run on a thread of its own, as {@code annals serve} runs until stopped: its output,
 * its URL once it listens, and its exit code once interrupted.
 */
public final class BackgroundServe {

    private static final Pattern URL = Pattern.compile("Listening on (https?://\\S+/) ");

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();
    private final AtomicInteger exitCode = new AtomicInteger(-1);
    private final Thread thread;

    private BackgroundServe(Backends opener, List<String> args) {
        var commandLine = AnnalsCommand.commandLine(new AnnalsCommand(opener));
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        thread = Thread.ofPlatform()
                .name("annals-serve-test")
                .start(() -> exitCode.set(commandLine.execute(args.toArray(String[]::new))));
    }

    /** Starts {@code annals ARGS...} with stores from {@code opener} (unless {@code --store} says otherwise). */
    public static BackgroundServe start(Backends opener, String... args) {
        return new BackgroundServe(opener, List.of(args));
    }

    /** The URL the server printed, once it listens. */
    public URI uri() {
        await().atMost(Duration.ofSeconds(60))
                .until(() -> URL.matcher(out.toString()).find() || !thread.isAlive());
        var matcher = URL.matcher(out.toString());
        if (!matcher.find()) {
            throw new AssertionError("annals serve ended with " + exitCode.get() + ": " + out + err);
        }
        return URI.create(matcher.group(1));
    }

    /** Waits for the command to end by itself, as a refused one does, and returns its exit code. */
    public int exitCode() throws InterruptedException {
        thread.join(Duration.ofSeconds(60));
        return exitCode.get();
    }

    /** Interrupts the command, as Ctrl-C stops it, and returns its exit code. */
    public int stop() throws InterruptedException {
        thread.interrupt();
        return exitCode();
    }

    public String out() {
        return out.toString();
    }

    public String err() {
        return err.toString();
    }
}
