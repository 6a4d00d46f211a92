package dev.annals.bench.http;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code wrk} (Debian's package of the C load tool), a process of its own: {@code connections} keep-alive
 * connections over as many threads as this machine has processors. Appends go through a Lua script that
 * names a new stream for each request. Used when {@code wrk} is on the PATH.
 */
final class WrkLoad implements LoadTool {

    private static final Pattern REQUESTS = Pattern.compile("(\\d+) requests in ([\\d.]+)(us|ms|s|m)");
    private static final Pattern NON_2XX = Pattern.compile("Non-2xx or 3xx responses: (\\d+)");
    private static final Pattern SOCKET_ERRORS =
            Pattern.compile("Socket errors: connect (\\d+), read (\\d+), write (\\d+), timeout (\\d+)");

    private final HttpTarget target;
    private final int connections;

    WrkLoad(HttpTarget target, int connections) {
        this.target = target;
        this.connections = connections;
    }

    /** Whether {@code wrk} runs here. */
    static boolean available() {
        try {
            var process = new ProcessBuilder("wrk", "--version")
                    .redirectErrorStream(true)
                    .start();
            process.getInputStream().readAllBytes();
            process.waitFor();
            return true;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    @Override
    public String name() {
        return "wrk";
    }

    @Override
    public RouteRate load(HttpRoute route, Duration duration) throws InterruptedException {
        Path script = null;
        String appendPrefix = target.nextAppendPrefix();
        try {
            if (route == HttpRoute.APPEND) {
                script = Files.createTempFile("annals-bench-wrk", ".lua");
                Files.writeString(script, appendScript(appendPrefix), StandardCharsets.UTF_8);
            }
            return parse(route, wrk(route, duration, script, appendPrefix));
        } catch (IOException e) {
            throw new IllegalStateException("wrk could not be run: " + e.getMessage(), e);
        } finally {
            if (script != null) {
                try {
                    Files.deleteIfExists(script);
                } catch (IOException e) {
                    // A file in the temporary directory: left behind, it harms nothing.
                }
            }
        }
    }

    private String wrk(HttpRoute route, Duration duration, Path script, String appendPrefix)
            throws IOException, InterruptedException {
        int threads = Math.max(1, Math.min(connections, Runtime.getRuntime().availableProcessors()));
        var command = new ArrayList<>(List.of(
                "wrk",
                "-t" + threads,
                "-c" + connections,
                "-d" + Math.max(1, duration.toSeconds()) + "s",
                "--timeout",
                "30s",
                "--latency"));
        if (script != null) {
            command.addAll(List.of("-s", script.toString()));
        }
        command.add(
                target.resolve(route.path(target, appendPrefix).substring(1)).toString());
        var process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (process.waitFor() != 0) {
            throw new IllegalStateException("wrk failed: " + output.strip());
        }
        return output;
    }

    /**
     * A script whose every request appends one event to a stream named by its thread and a counter. Each
     * request is two fixed strings around the stream's name, built once per thread: {@code wrk.format} builds
     * the whole request anew each time (its header table walked, its length counted), and on a two-core
     * machine every microsecond the load tool spends per request is one the server does not get.
     */
    private String appendScript(String appendPrefix) {
        String body = new String(target.appendBody(), StandardCharsets.UTF_8)
                .replace("\\", "\\\\")
                .replace("'", "\\'");
        return """
                local threads = 0
                function setup(thread)
                  thread:set("id", threads)
                  threads = threads + 1
                end
                local body = '%s'
                local head, tail
                function init(args)
                  head = "POST %s" .. "wrk-" .. id .. "-"
                  tail = " HTTP/1.1\\r\\nHost: " .. wrk.headers["Host"]
                    .. "\\r\\nContent-Type: application/json\\r\\nContent-Length: " .. #body .. "\\r\\n\\r\\n" .. body
                end
                local n = 0
                request = function()
                  n = n + 1
                  return head .. n .. tail
                end
                """.formatted(body, HttpRoute.APPEND.path(target, appendPrefix));
    }

    static RouteRate parse(HttpRoute route, String output) {
        Matcher requests = REQUESTS.matcher(output);
        if (!requests.find()) {
            throw new IllegalStateException("wrk's output has no request count: " + output.strip());
        }
        long failures = 0;
        Matcher non2xx = NON_2XX.matcher(output);
        if (non2xx.find()) {
            failures += Long.parseLong(non2xx.group(1));
        }
        Matcher errors = SOCKET_ERRORS.matcher(output);
        if (errors.find()) {
            for (int group = 1; group <= 4; group++) {
                failures += Long.parseLong(errors.group(group));
            }
        }
        return new RouteRate(
                route,
                "wrk",
                Long.parseLong(requests.group(1)),
                failures,
                duration(requests.group(2), requests.group(3)),
                percentile(output, "50%"),
                percentile(output, "99%"),
                Optional.empty());
    }

    private static Duration percentile(String output, String label) {
        Matcher line = Pattern.compile("\\s" + Pattern.quote(label) + "\\s+([\\d.]+)(us|ms|s|m)")
                .matcher(output);
        if (!line.find()) {
            throw new IllegalStateException("wrk's output has no " + label + " latency: " + output.strip());
        }
        return duration(line.group(1), line.group(2));
    }

    private static Duration duration(String value, String unit) {
        double number = Double.parseDouble(value);
        double nanos =
                switch (unit.toLowerCase(Locale.ROOT)) {
                    case "us" -> number * 1e3;
                    case "ms" -> number * 1e6;
                    case "s" -> number * 1e9;
                    default -> number * 60e9;
                };
        return Duration.ofNanos(Math.round(nanos));
    }
}
