package dev.annals.testkit.conformance;

import dev.annals.event.RecordedEvent;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.Test;

import static dev.annals.store.ExpectedVersion.any;
import static dev.annals.testkit.conformance.TestEvents.event;
import static dev.annals.testkit.conformance.TestEvents.events;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Reads of a stream as it was at an instant: the events recorded at or before it. */
abstract class TemporalReadContract extends StoreContract {

    @Test
    void reads_a_stream_as_it_was_when_an_event_was_recorded() {
        store.append("account-1", any(), events(2, "Deposited"));
        var firstAppend = last("account-1");
        waitForTheClockToPass(firstAppend.recordedAt());
        store.append("other-1", any(), event("Noise"));
        store.append("account-1", any(), event("Withdrawn"));
        var secondAppend = last("account-1");

        assertThat(secondAppend.recordedAt()).isAfter(firstAppend.recordedAt());
        assertThat(versionsAt("account-1", firstAppend.recordedAt())).containsExactly(0L, 1L);
        assertThat(versionsAt("account-1", secondAppend.recordedAt())).containsExactly(0L, 1L, 2L);
        assertThat(versionsAt("account-1", secondAppend.recordedAt().minusNanos(1000)))
                .containsExactly(0L, 1L);
        assertThat(versionsAt("account-1", Instant.now().plus(Duration.ofDays(1))))
                .containsExactly(0L, 1L, 2L);
    }

    @Test
    void reads_a_stream_as_empty_before_its_first_event() {
        store.append("account-1", any(), event("Opened"));
        var first = last("account-1");

        assertThat(versionsAt("account-1", first.recordedAt().minusNanos(1000))).isEmpty();
        assertThat(versionsAt("account-1", Instant.EPOCH)).isEmpty();
    }

    @Test
    void reads_an_unknown_stream_as_empty_at_any_instant() {
        store.append("account-1", any(), event("Opened"));

        assertThat(versionsAt("account-2", Instant.now())).isEmpty();
    }

    private RecordedEvent last(String stream) {
        return stream(stream).getLast();
    }

    private List<Long> versionsAt(String stream, Instant instant) {
        try (var events = store.readStreamAt(stream, instant)) {
            return events.map(RecordedEvent::streamVersion).toList();
        }
    }

    /** Stores stamp events with the system clock at some precision; wait until it has surely moved on. */
    private static void waitForTheClockToPass(Instant instant) {
        var later = instant.truncatedTo(ChronoUnit.MILLIS).plusMillis(1);
        await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(1)).until(() -> Instant.now()
                .isAfter(later));
    }
}
