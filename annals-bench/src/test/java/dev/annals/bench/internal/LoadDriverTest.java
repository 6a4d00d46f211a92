package dev.annals.bench.internal;

import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
@Timeout(30)
class LoadDriverTest {

    @Test
    void shares_the_budget_of_events_among_the_writers_in_batches() throws Exception {
        var batches = new ConcurrentLinkedQueue<Integer>();

        var measured = LoadDriver.run(5, 1_003, 10, i -> new LoadDriver.Writer<Integer>() {
            @Override
            public Integer prepare(int events) {
                return events;
            }

            @Override
            public void append(Integer events) {
                batches.add(events);
            }
        });

        assertThat(measured.events()).isEqualTo(1_003);
        assertThat(measured.appends()).isEqualTo(101);
        assertThat(measured.latencies().getTotalCount()).isEqualTo(101);
        assertThat(batches.stream().mapToInt(Integer::intValue).sum()).isEqualTo(1_003);
        assertThat(batches).filteredOn(size -> size != 10).containsExactly(3);
    }

    @Test
    void stops_every_writer_and_reports_the_first_failure() {
        var appends = new AtomicInteger();

        assertThatThrownBy(() -> LoadDriver.run(4, 1_000_000, 1, i -> new LoadDriver.Writer<Integer>() {
                    @Override
                    public Integer prepare(int events) {
                        return events;
                    }

                    @Override
                    public void append(Integer events) {
                        if (appends.incrementAndGet() == 50) {
                            throw new IllegalArgumentException("disk full");
                        }
                    }
                }))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("a benchmark writer failed: disk full")
                .hasCauseInstanceOf(IllegalArgumentException.class);
        assertThat(appends.get()).isLessThan(1_000_000);
    }
}
