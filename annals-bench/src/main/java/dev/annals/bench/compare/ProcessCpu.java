package dev.annals.bench.compare;

import java.lang.management.ManagementFactory;
import java.util.Locale;

/**
 * The CPU time of the benchmark's own process, so that a run on a shared machine can be judged by CPU per
 * event as well as by its rate, which moves with whatever else runs. It holds every thread of an embedded
 * store (SQLite) but not the work of a database server (PostgreSQL), nor the rest of the machine.
 */
final class ProcessCpu {

    private ProcessCpu() {}

    /** Nanoseconds of CPU this process used so far, or -1 when the JVM cannot tell. */
    static long nanos() {
        return ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
                ? os.getProcessCpuTime()
                : -1;
    }

    /** A suffix for a progress line: the process's CPU per event over a run, or nothing when unknown. */
    static String perEvent(long cpuNanos, long events) {
        if (cpuNanos < 0 || events <= 0) {
            return "";
        }
        return String.format(Locale.ROOT, ", %,.0f us CPU per event in this process", cpuNanos / 1e3 / events);
    }
}
