package dev.annals.testkit.conformance;

import dev.annals.event.RecordedEvent;
import dev.annals.store.Direction;
import dev.annals.store.ReadRequest;
import dev.annals.store.ReadSource;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static dev.annals.store.ExpectedVersion.any;
import static dev.annals.testkit.conformance.TestEvents.events;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Reads over a store of a few thousand events: correct across the pages a backend fetches, usable
 * partly (a limit, a take-while), and closable early without holding anything back.
 */
abstract class LazyReadContract extends StoreContract {

    private static final int STREAMS = 3;
    private static final int EVENTS = 3_000;

    /** Stream {@code load-i} gets every third batch of 100 events: 1,000 events per stream. */
    @BeforeEach
    final void appendAFewThousandEvents() {
        for (int batch = 0; batch < EVENTS / 100; batch++) {
            store.append("load-" + batch % STREAMS, any(), events(100, "Loaded"));
        }
    }

    @Test
    void reads_every_event_once_and_in_order_across_pages() {
        assertThat(all())
                .extracting(RecordedEvent::position)
                .containsExactlyElementsOf(
                        LongStream.rangeClosed(1, EVENTS).boxed().toList());
        assertThat(read(ReadRequest.backward(new ReadSource.All())))
                .extracting(RecordedEvent::position)
                .containsExactlyElementsOf(LongStream.rangeClosed(1, EVENTS)
                        .map(p -> EVENTS + 1 - p)
                        .boxed()
                        .toList());
        assertThat(stream("load-1"))
                .extracting(RecordedEvent::streamVersion)
                .containsExactlyElementsOf(
                        LongStream.range(0, EVENTS / STREAMS).boxed().toList());
        assertThat(read(ReadRequest.forward(new ReadSource.Category("load")))).hasSize(EVENTS);
    }

    @Test
    void gives_the_first_events_of_a_large_read_through_a_limit_or_a_take_while() {
        try (var events = store.readAll(1_500)) {
            assertThat(events.limit(3).map(RecordedEvent::position).toList()).containsExactly(1_500L, 1_501L, 1_502L);
        }
        try (var events = store.readAll(0)) {
            assertThat(events.takeWhile(e -> e.position() <= 4)
                            .map(RecordedEvent::position)
                            .toList())
                    .containsExactly(1L, 2L, 3L, 4L);
        }
        assertThat(stream("load-2", Direction.BACKWARD, ReadRequest.END, 2))
                .extracting(RecordedEvent::streamVersion)
                .containsExactly(999L, 998L);
    }

    @Test
    void releases_reads_closed_early() {
        for (int i = 0; i < 300; i++) {
            try (var events = store.read(ReadRequest.forward(new ReadSource.All()))) {
                var iterator = events.iterator();
                assertThat(iterator.next().position()).isEqualTo(1);
            }
        }

        store.append("load-0", any(), events(1, "After"));

        assertThat(store.headPosition()).isEqualTo(EVENTS + 1);
        assertThat(stream("load-0", Direction.BACKWARD, ReadRequest.END, 1))
                .extracting(RecordedEvent::type)
                .containsExactly("After");
    }

    @Test
    void keeps_a_read_consistent_while_events_are_appended() {
        var seen = new ArrayList<Long>();
        try (var events = store.readAll(1)) {
            var iterator = events.iterator();
            seen.add(iterator.next().position());
            store.append("load-0", any(), events(50, "During"));
            iterator.forEachRemaining(event -> seen.add(event.position()));
        }

        assertThat(seen).hasSizeBetween(EVENTS, EVENTS + 50);
        assertThat(seen)
                .containsExactlyElementsOf(
                        LongStream.rangeClosed(1, seen.size()).boxed().toList());
        assertThat(store.headPosition()).isEqualTo(EVENTS + 50);
    }

    @Test
    void can_run_several_reads_at_once() {
        List<Long> interleaved = new ArrayList<>();
        try (var forward = store.readAll(1);
                var backward = store.read(ReadRequest.backward(new ReadSource.All()))) {
            var first = forward.iterator();
            var last = backward.iterator();
            for (int i = 0; i < 1_200; i++) {
                interleaved.add(first.next().position());
                interleaved.add(last.next().position());
            }
        }

        assertThat(interleaved).startsWith(1L, (long) EVENTS, 2L, (long) EVENTS - 1);
        assertThat(interleaved).endsWith(1_200L, (long) EVENTS - 1_199);
    }
}
