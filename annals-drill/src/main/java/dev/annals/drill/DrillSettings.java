package dev.annals.drill;

import dev.annals.backend.Backends;
import java.time.Duration;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * How to run a drill.
 *
 * @param location       the store to drill, as the backend seam takes it (a data directory or a URL)
 * @param backends       the backends that open it
 * @param faults         how many faults to inject; 1 or more
 * @param duration       when present, inject faults until this much time has passed (or {@code faults} ran)
 * @param quick          a short run with a light load, for the test suite
 * @param fullCheckEvery a full comparison every this many faults (incremental checks run after each one)
 * @param allowRestart   restart-database may restart the database at {@code location} with {@code restartCommand}
 * @param restartCommand the shell command that restarts the operator's own database
 * @param kafka          kill-relay: the bootstrap servers of the Kafka cluster the drill's relay publishes to
 */
public record DrillSettings(
        String location,
        Backends backends,
        int faults,
        Optional<Duration> duration,
        boolean quick,
        int fullCheckEvery,
        boolean allowRestart,
        Optional<String> restartCommand,
        Optional<String> kafka) {

    /** Validates. */
    public DrillSettings {
        requireNonNull(location, "location");
        requireNonNull(backends, "backends");
        requireNonNull(duration, "duration");
        requireNonNull(restartCommand, "restartCommand");
        requireNonNull(kafka, "kafka");
        if (faults < 1) {
            throw new IllegalArgumentException("faults must be 1 or more, was " + faults);
        }
        if (fullCheckEvery < 1) {
            throw new IllegalArgumentException("the full check interval must be 1 or more, was " + fullCheckEvery);
        }
    }

    /** {@code faults} faults on the store at {@code location}, a full check every 10. */
    public static DrillSettings of(String location, Backends backends, int faults) {
        return new DrillSettings(
                location, backends, faults, Optional.empty(), false, 10, false, Optional.empty(), Optional.empty());
    }

    /** These settings for a quick run. */
    public DrillSettings quickly() {
        return new DrillSettings(
                location, backends, faults, duration, true, fullCheckEvery, allowRestart, restartCommand, kafka);
    }

    /** These settings, running for {@code newDuration} at most. */
    public DrillSettings lasting(Duration newDuration) {
        return new DrillSettings(
                location,
                backends,
                faults,
                Optional.of(newDuration),
                quick,
                fullCheckEvery,
                allowRestart,
                restartCommand,
                kafka);
    }

    /** These settings, allowed to restart the operator's database with {@code command}. */
    public DrillSettings restartingWith(String command) {
        return new DrillSettings(
                location, backends, faults, duration, quick, fullCheckEvery, true, Optional.of(command), kafka);
    }

    /** These settings, with kill-relay publishing to the Kafka cluster at {@code bootstrapServers}. */
    public DrillSettings publishingTo(String bootstrapServers) {
        return new DrillSettings(
                location,
                backends,
                faults,
                duration,
                quick,
                fullCheckEvery,
                allowRestart,
                restartCommand,
                Optional.of(bootstrapServers));
    }
}
