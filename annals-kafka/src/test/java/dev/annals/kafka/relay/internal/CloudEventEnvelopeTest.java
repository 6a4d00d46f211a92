package dev.annals.kafka.relay.internal;

import dev.annals.event.Metadata;
import dev.annals.event.RecordedEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.cloudevents.core.message.Encoding;
import io.cloudevents.jackson.JsonFormat;
import io.cloudevents.kafka.CloudEventSerializer;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The relay writes its envelopes without the CloudEvents SDK, for speed; the SDK's Kafka binding in
 * structured JSON mode is the oracle: same value bytes, same content-type header, for every shape of event.
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class CloudEventEnvelopeTest {

    private static final URI SOURCE = URI.create("/annals/bank");

    static Stream<RecordedEvent> events() {
        var instants = List.of(
                Instant.parse("2026-12-04T16:35:38Z"),
                Instant.parse("2026-12-04T16:35:38.807Z"),
                Instant.parse("2026-12-04T16:35:38.807123Z"),
                Instant.parse("1999-01-01T00:00:00.000100Z"),
                Instant.parse("2026-12-04T16:35:00.000000001Z"),
                Instant.parse("+12026-01-31T23:59:59.999999999Z"),
                Instant.parse("2026-12-04T16:35:38.1Z"),
                Instant.parse("1969-12-31T23:59:59.010Z"),
                Instant.EPOCH);
        var metadata = List.of(
                Metadata.empty(),
                Metadata.empty().withCorrelationId("corr-1"),
                Metadata.empty().withCausationId("cause-2").withUser("ann"),
                Metadata.of(Map.of("traceparent", "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01")),
                Metadata.of(withIds("00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-00")));
        var payloads = List.of(
                "{}",
                "{\"amount\":42,\"note\":\"caf\u00e9 \u2603 \\\"quoted\\\"\"}",
                "[1, 2,\n 3]",
                "{\"emoji\":\"\uD83D\uDE00\"}",
                "{\"bad\":\"\u0000\"}");
        return Stream.iterate(0, i -> i + 1)
                .limit(70)
                .map(i -> new RecordedEvent(
                        i % 2 == 0 ? "account-" + i : "odd \"stream\"\t\u00e9-" + i,
                        i * 7L,
                        Long.MAX_VALUE - i,
                        UUID.nameUUIDFromBytes(new byte[] {(byte) (int) i}),
                        i % 3 == 0 ? "Deposited" : "type/with\\slashes\u0001",
                        i % 5 - 1,
                        i % 11 == 10
                                ? new byte[] {
                                    '{', '"', 'b', '"', ':', '"', (byte) 0xC3, (byte) 0x28, (byte) 0xFF, '"', '}'
                                }
                                : payloads.get(i % payloads.size()).getBytes(StandardCharsets.UTF_8),
                        metadata.get(i % metadata.size()),
                        instants.get(i % instants.size())));
    }

    @ParameterizedTest
    @MethodSource("events")
    void writes_the_same_bytes_and_header_as_the_cloud_events_sdk(RecordedEvent event) {
        var ours = new CloudEventEnvelope(SOURCE).record("annals.account", event);

        var headers = new RecordHeaders();
        byte[] theirs = sdkSerializer().serialize("annals.account", headers, sdkEvent(event));

        assertThat(new String(ours.value(), StandardCharsets.UTF_8))
                .isEqualTo(new String(theirs, StandardCharsets.UTF_8));
        assertThat(ours.value()).isEqualTo(theirs);
        assertThat(ours.headers().toArray()).isEqualTo(headers.toArray());
        assertThat(ours.key()).isEqualTo(event.stream());
    }

    @ParameterizedTest
    @MethodSource("events")
    void one_envelope_writes_many_events_without_mixing_them(RecordedEvent event) {
        var envelope = new CloudEventEnvelope(SOURCE);
        var first = envelope.value(event);
        envelope.value(new RecordedEvent(
                "other-1",
                0,
                1,
                UUID.randomUUID(),
                "Other",
                1,
                ("{\"long\":\"" + "x".repeat(5_000) + "\"}").getBytes(StandardCharsets.UTF_8),
                Metadata.empty(),
                Instant.EPOCH));
        assertThat(envelope.value(event)).isEqualTo(first);
    }

    private static Map<String, String> withIds(String traceparent) {
        var values = new HashMap<String, String>();
        values.put(Metadata.CORRELATION_ID, "c");
        values.put(Metadata.CAUSATION_ID, "d");
        values.put("traceparent", traceparent);
        return values;
    }

    private static CloudEventSerializer sdkSerializer() {
        var serializer = new CloudEventSerializer();
        serializer.configure(
                Map.of(
                        CloudEventSerializer.ENCODING_CONFIG,
                        Encoding.STRUCTURED,
                        CloudEventSerializer.EVENT_FORMAT_CONFIG,
                        JsonFormat.CONTENT_TYPE),
                false);
        return serializer;
    }

    // How the relay built its CloudEvents with the SDK before it wrote them itself.
    private static io.cloudevents.CloudEvent sdkEvent(RecordedEvent event) {
        var metadata = event.metadata();
        var builder = CloudEventBuilder.v1()
                .withId(event.eventId().toString())
                .withType(event.type())
                .withSource(SOURCE)
                .withSubject(event.stream())
                .withTime(event.recordedAt().atOffset(ZoneOffset.UTC))
                .withDataContentType("application/json")
                .withData(event.payload())
                .withExtension("position", Long.toString(event.position()))
                .withExtension("streamversion", Long.toString(event.streamVersion()))
                .withExtension("schemaversion", Integer.toString(event.schemaVersion()));
        metadata.correlationId().ifPresent(id -> builder.withExtension("correlationid", id));
        metadata.causationId().ifPresent(id -> builder.withExtension("causationid", id));
        metadata.get("traceparent").ifPresent(trace -> builder.withExtension("traceparent", trace));
        return builder.build();
    }
}
