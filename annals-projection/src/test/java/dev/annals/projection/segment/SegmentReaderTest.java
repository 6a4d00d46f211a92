package dev.annals.projection.segment;

import dev.annals.event.EventData;
import dev.annals.event.RecordedEvent;
import dev.annals.projection.segment.internal.SegmentReader;
import dev.annals.store.ExpectedVersion;
import dev.annals.store.ReadRequest;
import dev.annals.store.ReadSource;
import dev.annals.store.memory.InMemoryEventStore;
import java.util.stream.IntStream;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class SegmentReaderTest {

    private final InMemoryEventStore store = new InMemoryEventStore();

    @Test
    void a_limited_read_returns_a_full_page_of_the_segment_even_past_a_page_of_other_segments() {
        String other = IntStream.range(0, 100)
                .mapToObj(i -> "item-" + i)
                .filter(stream -> StreamSegments.segmentOf(stream, 4) != 1)
                .findFirst()
                .orElseThrow();
        String mine = IntStream.range(0, 100)
                .mapToObj(i -> "item-" + i)
                .filter(stream -> StreamSegments.segmentOf(stream, 4) == 1)
                .findFirst()
                .orElseThrow();
        for (int i = 0; i < 50; i++) {
            store.append(other, ExpectedVersion.any(), EventData.of("Added", "{}"));
        }
        for (int i = 0; i < 5; i++) {
            store.append(mine, ExpectedVersion.any(), EventData.of("Added", "{}"));
        }
        var reader = new SegmentReader(store, 1, 4);

        try (var page =
                reader.read(ReadRequest.forward(new ReadSource.Category("item")).limit(3))) {
            assertThat(page.map(RecordedEvent::position).toList()).containsExactly(51L, 52L, 53L);
        }
        try (var rest = reader.read(ReadRequest.forward(new ReadSource.All()).from(54))) {
            assertThat(rest.map(RecordedEvent::stream).toList()).containsExactly(mine, mine);
        }
        assertThat(reader.headPosition()).isEqualTo(55);
        assertThat(reader.streams().map(info -> info.stream()).toList()).containsExactly(mine);
    }
}
