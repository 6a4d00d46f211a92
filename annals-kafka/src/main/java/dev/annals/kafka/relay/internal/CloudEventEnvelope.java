package dev.annals.kafka.relay.internal;

import dev.annals.event.Metadata;
import dev.annals.event.RecordedEvent;
import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.cloudevents.core.message.Encoding;
import io.cloudevents.jackson.JsonFormat;
import io.cloudevents.kafka.CloudEventSerializer;
import java.net.URI;
import java.time.ZoneOffset;
import java.util.Map;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;

/**
 * Turns a recorded event into the Kafka record the relay publishes: key = stream, value = the event as a
 * structured-mode CloudEvent in JSON (the SDK's Kafka binding sets the {@code content-type} header).
 *
 * <p>CloudEvents integers are 32-bit and extension names are lower-case letters and digits, so the global
 * position, the stream version and the payload's schema version travel as decimal strings in
 * {@code position}, {@code streamversion} and {@code schemaversion};
 * the metadata's correlation and causation ids as {@code correlationid} and {@code causationid}; a W3C
 * trace context, when the metadata holds one, as {@code traceparent}.
 */
public final class CloudEventEnvelope {

    /** The metadata key under which a W3C trace context travels with an event. */
    public static final String TRACEPARENT = "traceparent";

    private final URI source;
    private final CloudEventSerializer serializer = new CloudEventSerializer();

    public CloudEventEnvelope(URI source) {
        this.source = source;
        serializer.configure(
                Map.of(
                        CloudEventSerializer.ENCODING_CONFIG,
                        Encoding.STRUCTURED,
                        CloudEventSerializer.EVENT_FORMAT_CONFIG,
                        JsonFormat.CONTENT_TYPE),
                false);
    }

    /** The CloudEvent of {@code event}. */
    public CloudEvent cloudEvent(RecordedEvent event) {
        Metadata metadata = event.metadata();
        var builder = CloudEventBuilder.v1()
                .withId(event.eventId().toString())
                .withType(event.type())
                .withSource(source)
                .withSubject(event.stream())
                .withTime(event.recordedAt().atOffset(ZoneOffset.UTC))
                .withDataContentType("application/json")
                .withData(event.payload())
                .withExtension("position", Long.toString(event.position()))
                .withExtension("streamversion", Long.toString(event.streamVersion()))
                .withExtension("schemaversion", Integer.toString(event.schemaVersion()));
        metadata.correlationId().ifPresent(id -> builder.withExtension("correlationid", id));
        metadata.causationId().ifPresent(id -> builder.withExtension("causationid", id));
        metadata.get(TRACEPARENT).ifPresent(trace -> builder.withExtension(TRACEPARENT, trace));
        return builder.build();
    }

    /** The record publishing {@code event} to {@code topic}. */
    public ProducerRecord<String, byte[]> record(String topic, RecordedEvent event) {
        var headers = new RecordHeaders();
        byte[] value = serializer.serialize(topic, headers, cloudEvent(event));
        return new ProducerRecord<>(topic, null, event.stream(), value, headers);
    }
}
