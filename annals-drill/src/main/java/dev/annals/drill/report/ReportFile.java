package dev.annals.drill.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The report of one {@code annals drill} command, as JSON: when it ran, where, whether every drill passed,
 * and each drill's report.
 *
 * @param finishedAt when the last drill ended (ISO-8601, UTC)
 * @param machine    the machine: processors, memory, operating system, Java
 * @param passed     true when no drill failed (skipped ones do not fail)
 * @param drills     one report per drill, in the order run
 */
public record ReportFile(String finishedAt, String machine, boolean passed, List<DrillReport> drills) {

    /** The name of the copy kept in an embedded store's data directory, which the console shows. */
    public static final String IN_DATA_DIRECTORY = "last-drill.json";

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /** Copies. */
    public ReportFile {
        drills = List.copyOf(drills);
    }

    /** The report of {@code drills}, finished now on this machine. */
    public static ReportFile of(List<DrillReport> drills) {
        return new ReportFile(
                java.time.Instant.now().toString(),
                thisMachine(),
                drills.stream().allMatch(DrillReport::passed),
                drills);
    }

    /** This machine, for people: {@code 2 processors, 3.8 GiB, Linux 6.1 amd64, Java 25}. */
    public static String thisMachine() {
        var system = (com.sun.management.OperatingSystemMXBean)
                java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        return Runtime.getRuntime().availableProcessors() + " processors, "
                + String.format("%.1f GiB", system.getTotalMemorySize() / (1024.0 * 1024 * 1024)) + " memory, "
                + System.getProperty("os.name") + " " + System.getProperty("os.version") + " "
                + System.getProperty("os.arch") + ", Java " + Runtime.version().feature();
    }

    /** Writes it to {@code file} (atomically: a reader never sees half a report). */
    public void write(Path file) throws IOException {
        var parent = file.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        var partial = Files.createTempFile(parent, ".drill-report", ".tmp");
        JSON.writeValue(partial.toFile(), this);
        Files.move(
                partial,
                file,
                java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }

    /** Reads a report written by {@link #write}. */
    public static ReportFile read(Path file) throws IOException {
        return JSON.readValue(file.toFile(), ReportFile.class);
    }
}
