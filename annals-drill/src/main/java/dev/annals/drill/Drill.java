package dev.annals.drill;

import java.util.Optional;

/**
 * One kind of fault, injected again and again under load. A drill sets up its load and its fault in a
 * {@link DrillSession}; the {@link DrillRunner} injects, times the recovery and checks the invariants.
 */
public interface Drill {

    /** Its name on the command line: {@code kill-writer}. */
    String name();

    /** What it does, in one sentence, for help and reports. */
    String summary();

    /** Why it cannot run with {@code settings} on this machine; empty when it can. */
    default Optional<String> cannotRun(DrillSettings settings) {
        return Optional.empty();
    }

    /**
     * Sets up the drill's store, load, subscribers and read models on streams named {@code streamPrefix...}.
     */
    DrillSession start(DrillSettings settings, String streamPrefix) throws Exception;
}
