package dev.annals.bench.server;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/**
 * The memory a server process holds, as the JDK's {@code jcmd} and Linux's {@code /proc} tell it: the heap
 * in use right after a full collection, the resident set, and the number of platform threads.
 *
 * @param heapBytes the heap in use after {@code GC.run}
 * @param rssBytes  the resident set size ({@code VmRSS})
 * @param threads   the process's threads ({@code Threads}): platform threads, virtual ones excluded
 */
public record ServerFootprint(long heapBytes, long rssBytes, int threads) {

    private static final Pattern USED = Pattern.compile("used (\\d+)K");
    private static final Pattern RSS = Pattern.compile("VmRSS:\\s+(\\d+) kB");
    private static final Pattern THREADS = Pattern.compile("Threads:\\s+(\\d+)");

    /** Measures process {@code pid}; empty when {@code jcmd} or {@code /proc} is not there to ask. */
    public static Optional<ServerFootprint> of(long pid) throws InterruptedException {
        var jcmd = ProcessHandle.current()
                .info()
                .command()
                .map(java -> Path.of(java).resolveSibling("jcmd"))
                .filter(Files::isExecutable);
        var status = Path.of("/proc/" + pid + "/status");
        if (jcmd.isEmpty() || !Files.isReadable(status)) {
            return Optional.empty();
        }
        try {
            jcmd(jcmd.get(), pid, "GC.run");
            var heap = USED.matcher(jcmd(jcmd.get(), pid, "GC.heap_info"));
            var proc = Files.readString(status);
            var rss = RSS.matcher(proc);
            var threads = THREADS.matcher(proc);
            if (!heap.find() || !rss.find() || !threads.find()) {
                return Optional.empty();
            }
            return Optional.of(new ServerFootprint(
                    Long.parseLong(heap.group(1)) * 1024,
                    Long.parseLong(rss.group(1)) * 1024,
                    Integer.parseInt(threads.group(1))));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static String jcmd(Path jcmd, long pid, String command) throws IOException, InterruptedException {
        var process = new ProcessBuilder(jcmd.toString(), Long.toString(pid), command)
                .redirectErrorStream(true)
                .start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        process.waitFor(1, TimeUnit.MINUTES);
        return output;
    }
}
