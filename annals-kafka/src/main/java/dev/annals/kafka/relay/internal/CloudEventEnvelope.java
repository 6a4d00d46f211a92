package dev.annals.kafka.relay.internal;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.ByteArrayBuilder;
import dev.annals.event.Metadata;
import dev.annals.event.RecordedEvent;
import io.cloudevents.core.format.EventFormat;
import io.cloudevents.jackson.JsonFormat;
import io.cloudevents.kafka.KafkaMessageFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * Turns a recorded event into the Kafka record the relay publishes: key = stream, value = the event as a
 * structured-mode CloudEvent in JSON. The record and its {@code content-type} header
 * ({@code application/cloudevents+json}) are made by the CloudEvents SDK's Kafka binding, from the JSON
 * bytes written here once per event.
 *
 * <p>CloudEvents integers are 32-bit and extension names are lower-case letters and digits, so the global
 * position, the stream version and the payload's schema version travel as decimal strings in
 * {@code position}, {@code streamversion} and {@code schemaversion};
 * the metadata's correlation and causation ids as {@code correlationid} and {@code causationid}; a W3C
 * trace context, when the metadata holds one, as {@code traceparent}.
 *
 * <p>The JSON is written here rather than by the SDK's {@link JsonFormat}: the format builds an event object
 * and runs Jackson's object mapper for each record, which the relay's profile showed as its largest cost
 * after the commits. The fixed parts are ready-made bytes and each value is copied in as it is when it needs
 * no escape (ids, times, numbers, the usual stream and type names); any other string is written by Jackson.
 * The bytes are the format's own, attribute for attribute and in its order (a test compares the two on every
 * shape of event), so consumers may keep reading with the SDK; the SDK's Kafka binding then wraps them
 * ({@code setEvent(format, bytes)}), as it does the format's.
 * One instance is used by one thread at a time.
 */
public final class CloudEventEnvelope {

    /** The metadata key under which a W3C trace context travels with an event. */
    public static final String TRACEPARENT = "traceparent";

    /** The SDK's JSON format: the binding takes the record's content type from it. */
    private static final EventFormat STRUCTURED_JSON = new JsonFormat();

    private static final JsonFactory JSON = new JsonFactory();
    // The envelope's fixed parts, in the SDK's order; each value after them is a JSON string (escaped where
    // needed), the positions and versions as decimal strings.
    private static final byte[] SPECVERSION_ID = ascii("{\"specversion\":\"1.0\",\"id\":");
    private static final byte[] SOURCE = ascii(",\"source\":");
    private static final byte[] TYPE = ascii(",\"type\":");
    private static final byte[] CONTENT_TYPE_SUBJECT = ascii(",\"datacontenttype\":\"application/json\",\"subject\":");
    private static final byte[] TIME = ascii(",\"time\":");
    private static final byte[] STREAMVERSION = ascii(",\"streamversion\":");
    private static final byte[] TRACEPARENT_FIELD = ascii(",\"traceparent\":");
    private static final byte[] CAUSATIONID = ascii(",\"causationid\":");
    private static final byte[] CORRELATIONID = ascii(",\"correlationid\":");
    private static final byte[] POSITION = ascii(",\"position\":");
    private static final byte[] SCHEMAVERSION = ascii(",\"schemaversion\":");
    private static final byte[] DATA = ascii(",\"data\":");
    private static final byte[] END = ascii("}");

    private final byte[] source;
    private final JsonBytes json = new JsonBytes(1024);
    private long second = Long.MIN_VALUE;
    private byte[] upToSecond = {};

    public CloudEventEnvelope(URI source) {
        this.source = quoted(source.toString());
    }

    /** The record publishing {@code event} to {@code topic}. */
    public ProducerRecord<String, byte[]> record(String topic, RecordedEvent event) {
        return KafkaMessageFactory.createWriter(topic, event.stream()).setEvent(STRUCTURED_JSON, value(event));
    }

    /** The CloudEvent of {@code event}, as the JSON bytes of a structured-mode record. */
    public byte[] value(RecordedEvent event) {
        json.reset();
        json.raw(SPECVERSION_ID);
        json.quotedAscii(event.eventId().toString());
        json.raw(SOURCE);
        json.raw(source);
        json.raw(TYPE);
        string(event.type());
        json.raw(CONTENT_TYPE_SUBJECT);
        string(event.stream());
        json.raw(TIME);
        time(event.recordedAt());
        writeExtensions(event);
        // The payload is JSON already: it goes in as it is, like the SDK's "data" for a JSON content type.
        json.raw(DATA);
        json.raw(payloadBytes(event.payload()));
        json.raw(END);
        return json.toByteArray();
    }

    /**
     * The extensions in the order the SDK writes them (its builder keeps them in a hash map of 16 buckets:
     * the order follows the names' hashes, and {@code streamversion} comes before {@code traceparent}, which
     * shares its bucket, because it is added first).
     */
    private void writeExtensions(RecordedEvent event) {
        Metadata metadata = event.metadata();
        json.raw(STREAMVERSION);
        json.quotedDecimal(event.streamVersion());
        writeIfPresent(TRACEPARENT_FIELD, metadata.get(TRACEPARENT));
        writeIfPresent(CAUSATIONID, metadata.causationId());
        writeIfPresent(CORRELATIONID, metadata.correlationId());
        json.raw(POSITION);
        json.quotedDecimal(event.position());
        json.raw(SCHEMAVERSION);
        json.quotedDecimal(event.schemaVersion());
    }

    private void writeIfPresent(byte[] field, Optional<String> value) {
        if (value.isPresent()) {
            json.raw(field);
            string(value.get());
        }
    }

    // A quoted JSON string: copied when it needs no escape (the usual stream and type names), else written by
    // Jackson, whose escapes (and UTF-8) the SDK's format uses.
    private void string(String value) {
        if (!json.quotedIfPlain(value)) {
            json.raw(quoted(value));
        }
    }

    private static byte[] quoted(String value) {
        var out = new ByteArrayBuilder(value.length() + 16);
        try (JsonGenerator generator = JSON.createGenerator(out)) {
            generator.writeString(value);
        } catch (IOException e) {
            throw new UncheckedIOException("could not write the JSON string '" + value + "'", e);
        }
        return out.toByteArray();
    }

    /**
     * {@code at} as the SDK writes it ({@link DateTimeFormatter#ISO_OFFSET_DATE_TIME} in UTC: the fraction
     * without trailing zeros, none when zero, then {@code Z}), formatting the part up to the second once per
     * second: events read in order mostly share it, and the formatter was a tenth of the envelope's cost.
     */
    private void time(Instant at) {
        if (at.getEpochSecond() != second) {
            upToSecond = ascii(DateTimeFormatter.ISO_LOCAL_DATE_TIME.format(
                    LocalDateTime.ofEpochSecond(at.getEpochSecond(), 0, ZoneOffset.UTC)));
            second = at.getEpochSecond();
        }
        // The fraction's digits go straight into the envelope: building its text was a fifth of the
        // read-ahead's samples in a short profile of the relay.
        json.quotedTime(upToSecond, at.getNano());
    }

    // The SDK decodes the payload as UTF-8 and encodes it again: a no-op for ASCII, the usual JSON, which is
    // copied as it is; anything else goes the SDK's way, so that even invalid UTF-8 comes out the same.
    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }

    private static byte[] payloadBytes(byte[] payload) {
        for (byte b : payload) {
            if (b < 0) {
                return new String(payload, StandardCharsets.UTF_8).getBytes(StandardCharsets.UTF_8);
            }
        }
        return payload;
    }
}
