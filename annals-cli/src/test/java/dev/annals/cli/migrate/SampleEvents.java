package dev.annals.cli.migrate;

import dev.annals.audit.EventHash;
import dev.annals.event.EventData;
import dev.annals.event.Metadata;
import dev.annals.event.RecordedEvent;
import dev.annals.store.EventStore;
import dev.annals.store.ExpectedVersion;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** A store's worth of varied events for the migration tests, and ways to compare stores. */
final class SampleEvents {

    private SampleEvents() {}

    /**
     * Appends {@code count} events over 20 streams of two categories, with metadata on some, payloads written
     * with spaces on others (kept byte for byte), in appends of one to three events.
     */
    static void fill(EventStore store, int count) {
        int written = 0;
        while (written < count) {
            int stream = written % 20;
            var events = new ArrayList<EventData>();
            for (int i = 0; i < 1 + written % 3 && written < count; i++, written++) {
                String json = written % 7 == 0 ? "{ \"amount\" : " + written + " }" : "{\"amount\":" + written + "}";
                var metadata = written % 5 == 0
                        ? Metadata.of(Map.of("user", "ada", "correlationId", "c-" + written))
                        : Metadata.empty();
                events.add(EventData.of(
                        written % 2 == 0 ? "Deposited" : "Withdrawn", json.getBytes(StandardCharsets.UTF_8), metadata));
            }
            store.append((stream < 10 ? "account-" : "loan-") + stream, ExpectedVersion.any(), events);
        }
    }

    /** Every event of {@code store}, in global order. */
    static List<RecordedEvent> all(EventStore store) {
        try (var events = store.readAll(1)) {
            return events.toList();
        }
    }

    /** The hash chain over {@code events}, as {@code annals migrate} prints it. */
    static String hash(List<RecordedEvent> events) {
        byte[] chain = EventHash.GENESIS;
        for (var event : events) {
            chain = EventHash.chain(chain, event);
        }
        return EventHash.hex(chain);
    }
}
