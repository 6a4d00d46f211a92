package dev.annals.bench.http;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class HttpBenchResultTest {

    private static final HttpBenchOptions OPTIONS =
            new HttpBenchOptions(64, Duration.ofSeconds(1), Duration.ofSeconds(10), 200);

    private static RouteRate rate(String tool, HttpRoute route, long requests) {
        return new RouteRate(
                route,
                tool,
                requests,
                0,
                Duration.ofSeconds(10),
                Duration.ofMillis(1),
                Duration.ofMillis(2),
                Optional.empty());
    }

    @Test
    void a_tool_that_drove_health_at_less_than_half_anothers_rate_is_not_judged_against_the_targets() {
        var result = new HttpBenchResult(
                "a server",
                OPTIONS,
                List.of(
                        rate("jdk", HttpRoute.HEALTH, 30_000),
                        rate("jdk", HttpRoute.APPEND, 20_000),
                        rate("jdk", HttpRoute.READ, 29_000),
                        rate("wrk", HttpRoute.HEALTH, 270_000),
                        rate("wrk", HttpRoute.APPEND, 66_000),
                        rate("wrk", HttpRoute.READ, 200_000)));

        assertThat(result.report())
                .contains("jdk: append at 67% of health (target 60%: not judged, jdk limits itself)")
                .contains("jdk: read at 97% of health (target 70%: not judged, jdk limits itself)")
                .contains("wrk: append at 24% of health (target 60%: not met)")
                .contains("wrk: read at 74% of health (target 70%: met)");
    }

    @Test
    void a_tool_alone_is_judged() {
        var result = new HttpBenchResult(
                "a server",
                OPTIONS,
                List.of(rate("jdk", HttpRoute.HEALTH, 30_000), rate("jdk", HttpRoute.APPEND, 20_000)));

        assertThat(result.report()).contains("jdk: append at 67% of health (target 60%: met)");
    }
}
