package dev.annals.testkit.conformance;

import dev.annals.event.RecordedEvent;
import dev.annals.store.Direction;
import dev.annals.store.ReadRequest;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static dev.annals.store.ExpectedVersion.any;
import static dev.annals.testkit.conformance.TestEvents.event;
import static dev.annals.testkit.conformance.TestEvents.events;
import static org.assertj.core.api.Assertions.assertThat;

/** Reads of one stream by version: forward or backward, from a version, up to a limit. */
abstract class StreamReadContract extends StoreContract {

    /** account-1 holds versions 0 to 5 at positions 1, 2, 4, 5, 7, 8; account-2 is interleaved. */
    @BeforeEach
    final void appendInterleavedStreams() {
        store.append("account-1", any(), events(2, "A"));
        store.append("account-2", any(), event("B"));
        store.append("account-1", any(), events(2, "A"));
        store.append("account-2", any(), event("B"));
        store.append("account-1", any(), events(2, "A"));
    }

    @Test
    void reads_a_stream_forward_from_its_start() {
        assertThat(stream("account-1"))
                .extracting(RecordedEvent::streamVersion)
                .containsExactly(0L, 1L, 2L, 3L, 4L, 5L);
        assertThat(stream("account-1")).extracting(RecordedEvent::position).containsExactly(1L, 2L, 4L, 5L, 7L, 8L);
        assertThat(stream("account-1")).extracting(RecordedEvent::stream).containsOnly("account-1");
    }

    @Test
    void reads_a_stream_forward_from_a_version_up_to_a_limit() {
        assertThat(versions(Direction.FORWARD, 2, 3)).containsExactly(2L, 3L, 4L);
        assertThat(versions(Direction.FORWARD, 4, 10)).containsExactly(4L, 5L);
        assertThat(versions(Direction.FORWARD, 5, 1)).containsExactly(5L);
    }

    @Test
    void reads_a_stream_backward_from_its_end() {
        assertThat(versions(Direction.BACKWARD, ReadRequest.END, ReadRequest.NO_LIMIT))
                .containsExactly(5L, 4L, 3L, 2L, 1L, 0L);
        assertThat(versions(Direction.BACKWARD, ReadRequest.END, 1)).containsExactly(5L);
    }

    @Test
    void reads_a_stream_backward_from_a_version_up_to_a_limit() {
        assertThat(versions(Direction.BACKWARD, 3, 2)).containsExactly(3L, 2L);
        assertThat(versions(Direction.BACKWARD, 1, 10)).containsExactly(1L, 0L);
        assertThat(versions(Direction.BACKWARD, 0, 10)).containsExactly(0L);
    }

    @Test
    void reads_backward_from_past_the_end_as_from_the_end() {
        assertThat(versions(Direction.BACKWARD, 100, 2)).containsExactly(5L, 4L);
    }

    @Test
    void reads_nothing_forward_from_past_the_end() {
        assertThat(versions(Direction.FORWARD, 6, 10)).isEmpty();
        assertThat(versions(Direction.FORWARD, ReadRequest.END, 10)).isEmpty();
    }

    @Test
    void reads_an_unknown_stream_as_empty() {
        assertThat(stream("account-3")).isEmpty();
        assertThat(stream("account-3", Direction.BACKWARD, ReadRequest.END, 10)).isEmpty();
        assertThat(stream("account")).isEmpty();
    }

    @Test
    void reads_a_stream_by_the_convenience_methods_of_the_reader() {
        try (var events = store.readStream("account-2")) {
            assertThat(events.map(RecordedEvent::position).toList()).containsExactly(3L, 6L);
        }
        try (var events = store.readStream("account-2", Direction.BACKWARD, 1, 1)) {
            assertThat(events.map(RecordedEvent::position).toList()).containsExactly(6L);
        }
    }

    private List<Long> versions(Direction direction, long from, long limit) {
        return stream("account-1", direction, from, limit).stream()
                .map(RecordedEvent::streamVersion)
                .toList();
    }
}
