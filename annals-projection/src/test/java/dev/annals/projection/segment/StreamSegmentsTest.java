package dev.annals.projection.segment;

import java.util.stream.IntStream;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

import static java.util.stream.Collectors.counting;
import static java.util.stream.Collectors.groupingBy;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class StreamSegmentsTest {

    @Test
    void puts_a_stream_in_the_segment_its_crc32_gives_and_never_changes_it() {
        // CRC-32 of "account-1" is 0x784EB830 = 2018424880; these values are stored meaning (checkpoints per segment).
        assertThat(StreamSegments.segmentOf("account-1", 8)).isEqualTo((int) (2018424880L % 8));
        assertThat(StreamSegments.segmentOf("", 8)).isZero();
        assertThat(StreamSegments.segmentOf("account-1", 1)).isZero();
    }

    @Test
    void spreads_similar_stream_names_over_every_segment() {
        var counts = IntStream.range(0, 8_000)
                .mapToObj(i -> "account-" + i)
                .collect(groupingBy(stream -> StreamSegments.segmentOf(stream, 8), counting()));

        assertThat(counts).containsOnlyKeys(0, 1, 2, 3, 4, 5, 6, 7);
        assertThat(counts.values()).allSatisfy(count -> assertThat(count).isBetween(800L, 1_200L));
    }

    @Test
    void refuses_a_number_of_segments_below_one() {
        assertThatThrownBy(() -> StreamSegments.segmentOf("account-1", 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("was 0");
    }
}
