package dev.annals.kafka.source.internal;

import dev.annals.event.Metadata;
import dev.annals.event.RecordedEvent;
import io.cloudevents.CloudEvent;
import java.util.HashMap;
import java.util.UUID;

/** Reads back the relay's CloudEvents as the recorded events they were made from. */
public final class RecordedEvents {

    private RecordedEvents() {}

    /**
     * The recorded event {@code event} carries.
     *
     * @throws IllegalArgumentException when an attribute the relay always writes is missing or malformed
     */
    public static RecordedEvent of(CloudEvent event) {
        var metadata = new HashMap<String, String>();
        text(event, "correlationid").ifPresent(id -> metadata.put(Metadata.CORRELATION_ID, id));
        text(event, "causationid").ifPresent(id -> metadata.put(Metadata.CAUSATION_ID, id));
        text(event, "traceparent").ifPresent(trace -> metadata.put("traceparent", trace));
        if (event.getSubject() == null || event.getTime() == null) {
            throw new IllegalArgumentException("CloudEvent " + event.getId() + " lacks a subject or a time");
        }
        return new RecordedEvent(
                event.getSubject(),
                number(event, "streamversion"),
                number(event, "position"),
                UUID.fromString(event.getId()),
                event.getType(),
                text(event, "schemaversion").map(Integer::parseInt).orElse(1),
                event.getData() == null ? new byte[0] : event.getData().toBytes(),
                Metadata.of(metadata),
                event.getTime().toInstant());
    }

    private static long number(CloudEvent event, String name) {
        return Long.parseLong(text(event, name)
                .orElseThrow(() ->
                        new IllegalArgumentException("CloudEvent " + event.getId() + " lacks extension " + name)));
    }

    private static java.util.Optional<String> text(CloudEvent event, String name) {
        var value = event.getExtension(name);
        return value == null ? java.util.Optional.empty() : java.util.Optional.of(value.toString());
    }
}
