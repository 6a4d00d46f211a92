package dev.annals.testkit.conformance;

import dev.annals.event.EventData;
import dev.annals.event.EventIds;
import dev.annals.event.Metadata;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;

/** Events to append in the suite: each with a fresh id and a distinct, valid JSON payload. */
final class TestEvents {

    private static final AtomicLong SEQUENCE = new AtomicLong();

    private TestEvents() {}

    /** An event of {@code type}, schema version 1, no metadata, payload {@code {"seq":N}}. */
    static EventData event(String type) {
        return EventData.of(type, "{\"seq\":" + SEQUENCE.incrementAndGet() + "}");
    }

    /** {@code count} events of {@code type}. */
    static List<EventData> events(int count, String type) {
        return IntStream.range(0, count).mapToObj(i -> event(type)).toList();
    }

    /**
     * An event of {@code type} whose payload is {@link EventStoreConformance#POISON}, which a poisoned
     * backend's database refuses ({@link EventStoreConformance#poison}).
     */
    static EventData poisoned(String type) {
        return new EventData(
                EventIds.next(),
                type,
                1,
                EventStoreConformance.POISON.getBytes(StandardCharsets.UTF_8),
                Metadata.empty());
    }

    /** An event whose payload is a JSON string of exactly {@code bytes} bytes. */
    static EventData eventOfSize(int bytes) {
        var payload = new byte[bytes];
        Arrays.fill(payload, (byte) 'a');
        payload[0] = '"';
        payload[bytes - 1] = '"';
        return new EventData(EventIds.next(), "Sized", 1, payload, Metadata.empty());
    }

    /** An event with a payload of non-ASCII text, schema version 3 and every kind of metadata entry. */
    static EventData richEvent() {
        var metadata = Metadata.empty()
                .withCorrelationId("corr-" + SEQUENCE.incrementAndGet())
                .withCausationId("cause-1")
                .withUser("ann")
                .with("tenant", "nørd ✓");
        var payload = "{\"name\":\"Zoë 😀\",\"amount\":12.50,\"tags\":[\"a\",\"b\"]}".getBytes(StandardCharsets.UTF_8);
        return new EventData(EventIds.next(), "AccountRenamed", 3, payload, metadata);
    }
}
