package dev.annals.store.jdbc.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.LongStream;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class PagedSpliteratorTest {

    /** A keyed sequence 1..size that records which pages were asked for. */
    private static final class Numbers implements PagedSpliterator.PageFetch<Long> {
        final long size;
        final boolean forward;
        final List<String> asked = new ArrayList<>();

        Numbers(long size, boolean forward) {
            this.size = size;
            this.forward = forward;
        }

        @Override
        public List<Long> fetch(long from, int pageSize) {
            asked.add(from + "+" + pageSize);
            var keys = forward
                    ? LongStream.rangeClosed(Math.max(from, 1), size)
                    : LongStream.rangeClosed(1, Math.min(from, size)).map(k -> Math.min(from, size) + 1 - k);
            return keys.limit(pageSize).boxed().toList();
        }
    }

    @Test
    void fetches_page_after_page_from_the_key_after_the_last_element() {
        var numbers = new Numbers(25, true);
        var pages = new PagedSpliterator<>(1, Long.MAX_VALUE, 10, numbers, Long::longValue, last -> last + 1);

        assertThat(StreamSupport.stream(pages, false).toList())
                .containsExactlyElementsOf(LongStream.rangeClosed(1, 25).boxed().toList());
        assertThat(numbers.asked).containsExactly("1+10", "11+10", "21+10");
    }

    @Test
    void fetches_nothing_until_consumed_and_only_the_pages_needed() {
        var numbers = new Numbers(1_000, true);
        var pages = new PagedSpliterator<>(5, Long.MAX_VALUE, 10, numbers, Long::longValue, last -> last + 1);
        var stream = StreamSupport.stream(pages, false);
        assertThat(numbers.asked).isEmpty();

        assertThat(stream.limit(12).toList()).hasSize(12).startsWith(5L).endsWith(16L);
        assertThat(numbers.asked).containsExactly("5+10", "15+10");
    }

    @Test
    void asks_for_no_more_than_the_limit() {
        var numbers = new Numbers(100, true);
        var pages = new PagedSpliterator<>(1, 13, 10, numbers, Long::longValue, last -> last + 1);

        assertThat(StreamSupport.stream(pages, false).count()).isEqualTo(13);
        assertThat(numbers.asked).containsExactly("1+10", "11+3");
    }

    @Test
    void walks_backward_with_a_decreasing_key() {
        var numbers = new Numbers(12, false);
        var pages =
                new PagedSpliterator<>(Long.MAX_VALUE, Long.MAX_VALUE, 5, numbers, Long::longValue, last -> last - 1);

        assertThat(StreamSupport.stream(pages, false).toList())
                .containsExactlyElementsOf(
                        LongStream.rangeClosed(1, 12).map(k -> 13 - k).boxed().toList());
        assertThat(numbers.asked).containsExactly(Long.MAX_VALUE + "+5", "7+5", "2+5");
    }
}
