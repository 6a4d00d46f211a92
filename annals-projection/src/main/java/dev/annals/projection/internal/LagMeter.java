package dev.annals.projection.internal;

import dev.annals.projection.ProjectionHealth;
import dev.annals.projection.ProjectionState;
import dev.annals.store.Direction;
import dev.annals.store.EventReader;
import dev.annals.store.ReadRequest;
import dev.annals.store.ReadSource;
import java.time.Clock;
import java.time.Duration;

/** Measures a projection's lag: events behind the head, and the age of the oldest event not processed. */
public final class LagMeter {

    private final String projection;
    private final EventReader reader;
    private final ReadSource source;
    private final Clock clock;

    public LagMeter(String projection, EventReader reader, ReadSource source, Clock clock) {
        this.projection = projection;
        this.reader = reader;
        this.source = source;
        this.clock = clock;
    }

    /** The health of a projection in {@code state} that has processed everything up to {@code processedThrough}. */
    public ProjectionHealth measure(
            ProjectionState state, long checkpoint, long processedThrough, int deadLetters, String error) {
        long head = reader.headPosition();
        long behind = Math.max(0, head - processedThrough);
        var now = clock.instant();
        double seconds = 0;
        if (behind > 0 && !source.byVersion()) {
            try (var next = reader.read(new ReadRequest(source, Direction.FORWARD, processedThrough + 1, 1))) {
                seconds = next.findFirst()
                        .map(event -> Math.max(
                                0, Duration.between(event.recordedAt(), now).toNanos() / 1e9))
                        .orElse(0.0);
            }
        }
        return new ProjectionHealth(projection, state, checkpoint, head, behind, seconds, deadLetters, error, now);
    }
}
