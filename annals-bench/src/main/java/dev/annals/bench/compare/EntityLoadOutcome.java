package dev.annals.bench.compare;

import dev.annals.bench.Latency;

import static java.util.Objects.requireNonNull;

/** What one system did when loading an entity of some number of events: timed loads, or why none. */
public sealed interface EntityLoadOutcome {

    /** The system's name, such as {@code annals/sqlite}. */
    String system();

    /** Events in the entity's stream. */
    int events();

    /**
     * Timed loads of the same entity.
     *
     * @param loads   how many loads were timed
     * @param latency per load: read the stream and fold it into the state
     */
    record Measured(String system, int events, int loads, Latency latency) implements EntityLoadOutcome {
        public Measured {
            requireNonNull(system, "system");
            requireNonNull(latency, "latency");
        }
    }

    /** No figure, with the reason. */
    record Unavailable(String system, int events, String reason) implements EntityLoadOutcome {
        public Unavailable {
            requireNonNull(system, "system");
            requireNonNull(reason, "reason");
        }
    }
}
