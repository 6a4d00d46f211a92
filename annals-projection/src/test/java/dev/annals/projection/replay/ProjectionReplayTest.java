package dev.annals.projection.replay;

import dev.annals.event.Metadata;
import dev.annals.event.RecordedEvent;
import dev.annals.projection.Projection;
import dev.annals.projection.RebuildMode;
import dev.annals.projection.memory.InMemoryProjectionStore;
import dev.annals.serialization.EventCodec;
import dev.annals.serialization.EventTypeRegistry;
import dev.annals.store.ExpectedVersion;
import dev.annals.store.ReadSource;
import dev.annals.store.memory.InMemoryEventStore;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class ProjectionReplayTest {

    /** The test's one event type. */
    record Counted(long n) {}

    private static final EventCodec<Counted> CODEC = new EventCodec<>(EventTypeRegistry.builder(Counted.class)
            .register(Counted.class, "Counted")
            .build());

    private final InMemoryEventStore store = new InMemoryEventStore();
    private final InMemoryProjectionStore target = new InMemoryProjectionStore();
    private final List<Long> seen = new ArrayList<>();

    private Projection<RecordedEvent> projection(ReadSource source) {
        return Projection.<RecordedEvent>builder("counts")
                .source(source)
                .events(CODEC)
                .on(Counted.class, (event, recorded) -> {
                    if (event.n() < 0) {
                        throw new IllegalStateException("negative");
                    }
                    seen.add(recorded.position());
                })
                .build();
    }

    private void append(String stream, long... values) {
        for (long n : values) {
            store.append(stream, ExpectedVersion.any(), List.of(CODEC.encode(new Counted(n), Metadata.empty())));
        }
    }

    @Test
    void delivers_the_range_in_batches_into_the_next_version_with_its_own_checkpoint() throws Exception {
        append("count-1", 1, 2, 3, 4, 5, 6, 7);
        var progress = new ArrayList<Long>();

        var result = new ProjectionReplay<>(projection(new ReadSource.All()), store, target, 2)
                .run(new ReplayRange(2, 6), (events, position) -> progress.add(position));

        assertThat(seen).containsExactly(2L, 3L, 4L, 5L, 6L);
        assertThat(progress).containsExactly(3L, 5L, 6L);
        assertThat(result).isEqualTo(new ReplayResult("counts", 3, 1, 2, 6, 5, 5, result.seconds()));
        assertThat(target.checkpoint("counts@v3")).isEqualTo(6);
        assertThat(target.checkpoint("counts")).as("the live checkpoint").isZero();
        assertThat(target.control("counts").liveVersion()).isEqualTo(1);
    }

    @Test
    void stops_at_the_head_when_it_started_and_reads_a_streams_events_by_position() throws Exception {
        append("count-1", 1);
        append("other-1", 2);
        append("count-1", 3);

        var result = new ProjectionReplay<>(projection(new ReadSource.StreamOf("count-1")), store, target, 10)
                .run(new ReplayRange(2, ReplayRange.HEAD), (events, position) -> {});

        assertThat(seen).containsExactly(3L);
        assertThat(result.to()).isEqualTo(3);
        assertThat(result.read()).isEqualTo(1);
    }

    @Test
    void refuses_to_start_while_a_rebuild_is_requested() {
        append("count-1", 1);
        target.requestRebuild("counts", RebuildMode.RESET);

        assertThatThrownBy(() -> new ProjectionReplay<>(projection(new ReadSource.All()), store, target, 10)
                        .run(ReplayRange.all(), (events, position) -> {}))
                .isInstanceOf(ReplayException.class)
                .hasMessage("projection counts has a RESET rebuild requested or under way; replay once it is done");
        assertThat(seen).isEmpty();
    }

    @Test
    void stops_when_a_rebuild_is_requested_while_it_runs() {
        append("count-1", 1, 2, 3, 4);

        assertThatThrownBy(() -> new ProjectionReplay<>(projection(new ReadSource.All()), store, target, 1)
                        .run(
                                ReplayRange.all(),
                                (events, position) -> target.requestRebuild("counts", RebuildMode.BLUE_GREEN)))
                .isInstanceOf(ReplayException.class)
                .hasMessageContaining("projection counts changed while replaying (rebuild BLUE_GREEN");
        assertThat(seen).containsExactly(1L);
    }

    @Test
    void stops_on_an_event_a_handler_fails_on_naming_it() {
        append("count-1", 1, -1, 3);
        var failing = store.readAll(2).findFirst().orElseThrow();

        assertThatThrownBy(() -> new ProjectionReplay<>(projection(new ReadSource.All()), store, target, 10)
                        .run(ReplayRange.all(), (events, position) -> {}))
                .isInstanceOf(ReplayException.class)
                .hasMessageStartingWith("projection counts failed on position 2 event id " + failing.eventId()
                        + " type Counted (stream count-1)")
                .hasRootCauseMessage("negative");
        assertThat(target.deadLetters(java.util.Optional.empty()))
                .as("dead letters are the live projection's")
                .isEmpty();
    }

    @Test
    void checks_its_range() {
        assertThatThrownBy(() -> new ReplayRange(0, 5)).hasMessage("a replay starts at position 1 or later, was 0");
        assertThatThrownBy(() -> new ReplayRange(5, 4)).hasMessage("a replay ends at or after its start 5, was 4");
        assertThat(ReplayRange.all().fromStart()).isTrue();
    }
}
