package dev.annals.cli.migrate;

import dev.annals.event.RecordedEvent;
import dev.annals.serialization.EventTransform;

/** A transform that breaks the rules: it moves events to other positions. */
public final class MovingTransform implements EventTransform {

    @Override
    public RecordedEvent transform(RecordedEvent event) {
        return new RecordedEvent(
                event.stream(),
                event.streamVersion(),
                event.position() + 1,
                event.eventId(),
                event.type(),
                event.schemaVersion(),
                event.payload(),
                event.metadata(),
                event.recordedAt());
    }
}
