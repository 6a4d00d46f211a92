package dev.annals.bench.internal;

import java.lang.management.ManagementFactory;
import java.util.Locale;
import java.util.Optional;

/**
 * The machine's load when a comparison starts. Ratios measured side by side in one run survive a busy
 * machine better than absolute rates do, but not entirely: a comparison says what it ran beside, and warns
 * when the one-minute load average is above 1 (another process kept at least one core busy).
 *
 * @param processors  the processors this JVM may use
 * @param loadAverage the one-minute load average, or a negative number where the system has none
 */
public record MachineLoad(int processors, double loadAverage) {

    /** The load average above which a comparison warns. */
    public static final double QUIET = 1.0;

    /** The load now. */
    public static MachineLoad now() {
        return new MachineLoad(
                Runtime.getRuntime().availableProcessors(),
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    }

    /** One line for the report, for example {@code machine: 2 processors, load average 0.56 at the start}. */
    public String line() {
        return "machine: " + processors + " processors, load average "
                + (loadAverage < 0 ? "unknown" : String.format(Locale.ROOT, "%.2f", loadAverage)) + " at the start";
    }

    /** A warning when the machine was busy at the start, else empty. */
    public Optional<String> warning() {
        if (loadAverage <= QUIET) {
            return Optional.empty();
        }
        return Optional.of(String.format(
                Locale.ROOT,
                "warning: the load average is %.2f, above %.0f: other work shares this machine, so rates are"
                        + " lower and noisier than on a quiet one; compare ratios within this run only",
                loadAverage,
                QUIET));
    }
}
