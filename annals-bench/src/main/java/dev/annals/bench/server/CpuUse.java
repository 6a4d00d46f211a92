package dev.annals.bench.server;

import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The processor time the server's process and the load generator's took from the first append to the last
 * delivery: on a machine shared with others, the cost of one delivered event is steadier than a rate.
 *
 * @param server    the server's process, when it is not this one
 * @param generator this process (the server's too when it runs in it)
 */
public record CpuUse(Optional<Duration> server, Duration generator) {

    /** Reads the processor time used so far by {@code serverPid} (when another process) and by this one. */
    static CpuUse now(OptionalLong serverPid) {
        var self = ProcessHandle.current();
        Optional<Duration> server = serverPid.isPresent() && serverPid.getAsLong() != self.pid()
                ? ProcessHandle.of(serverPid.getAsLong())
                        .flatMap(process -> process.info().totalCpuDuration())
                : Optional.empty();
        return new CpuUse(server, self.info().totalCpuDuration().orElse(Duration.ZERO));
    }

    /** What was used from {@code before} to this. */
    CpuUse since(CpuUse before) {
        return new CpuUse(server.flatMap(after -> before.server.map(after::minus)), generator.minus(before.generator));
    }

    /** The line of the report, with the cost of each of {@code delivered} events. */
    String report(long delivered) {
        String generatorPart = String.format(
                Locale.ROOT,
                "%.1f s, %.2f us per delivered event",
                generator.toNanos() / 1e9,
                generator.toNanos() / 1e3 / Math.max(1, delivered));
        return server.map(used -> String.format(
                        Locale.ROOT,
                        "server %.1f s, %.2f us per delivered event; load generator %s",
                        used.toNanos() / 1e9,
                        used.toNanos() / 1e3 / Math.max(1, delivered),
                        generatorPart))
                .orElse("server and load generator in one process " + generatorPart);
    }
}
