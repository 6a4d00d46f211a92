package dev.annals.bench.compare;

import java.time.Duration;

import static java.util.Objects.requireNonNull;

/** What one system did in the replay benchmark: a measured read of the whole global stream, or why not. */
public sealed interface ReplayOutcome {

    /** The system's name, such as {@code annals/sqlite}. */
    String system();

    /**
     * A measured replay.
     *
     * @param events  events read, from the first global position to the last
     * @param elapsed from the read's start to its last event
     */
    record Measured(String system, long events, Duration elapsed) implements ReplayOutcome {
        public Measured {
            requireNonNull(system, "system");
            requireNonNull(elapsed, "elapsed");
        }

        /** Events read per second. */
        public double eventsPerSecond() {
            return events * 1e9 / Math.max(1, elapsed.toNanos());
        }
    }

    /** No figure, with the reason. */
    record Unavailable(String system, String reason) implements ReplayOutcome {
        public Unavailable {
            requireNonNull(system, "system");
            requireNonNull(reason, "reason");
        }
    }
}
