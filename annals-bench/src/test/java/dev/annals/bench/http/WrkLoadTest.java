package dev.annals.bench.http;

import java.time.Duration;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class WrkLoadTest {

    private static final String OUTPUT = """
            Running 10s test @ http://127.0.0.1:21913/health/ready
              2 threads and 64 connections
              Thread Stats   Avg      Stdev     Max   +/- Stdev
                Latency    53.32ms  120.00ms   1.20s    90.00%
                Req/Sec   650.00    100.00     1.00k    70.00%
              Latency Distribution
                 50%   53.32ms
                 75%   80.00ms
                 90%  120.00ms
                 99%    1.05s
              12994 requests in 10.00s, 2.00MB read
              Socket errors: connect 0, read 1, write 0, timeout 2
              Non-2xx or 3xx responses: 4
            Requests/sec:   1299.40
            Transfer/sec:    204.00KB
            """;

    @Test
    void reads_the_count_the_percentiles_and_the_failures_of_wrks_report() {
        RouteRate rate = WrkLoad.parse(HttpRoute.HEALTH, OUTPUT);

        assertThat(rate.tool()).isEqualTo("wrk");
        assertThat(rate.requests()).isEqualTo(12994);
        assertThat(rate.elapsed()).isEqualTo(Duration.ofSeconds(10));
        assertThat(rate.perSecond()).isEqualTo(1299.4);
        assertThat(rate.p50()).isEqualTo(Duration.ofNanos(53_320_000));
        assertThat(rate.p99()).isEqualTo(Duration.ofMillis(1050));
        assertThat(rate.failures()).as("non-2xx and socket errors").isEqualTo(7);
    }

    @Test
    void reads_microseconds() {
        RouteRate rate = WrkLoad.parse(
                HttpRoute.READ, OUTPUT.replace("53.32ms", "812.00us").replace("1.05s", "9.50ms"));

        assertThat(rate.p50()).isEqualTo(Duration.ofNanos(812_000));
        assertThat(rate.p99()).isEqualTo(Duration.ofNanos(9_500_000));
    }

    @Test
    void output_without_a_request_count_is_a_failure_that_quotes_it() {
        assertThatThrownBy(() -> WrkLoad.parse(HttpRoute.HEALTH, "unable to connect to 127.0.0.1:1"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("unable to connect");
    }
}
