package dev.annals.bench.http;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.Arrays;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

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

    @Test
    void every_append_request_of_the_script_posts_the_whole_body_to_a_stream_of_its_own()
            throws IOException, InterruptedException {
        assumeTrue(WrkLoad.available(), "wrk is not installed here");
        var server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        var target = new HttpTarget(
                URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/"), 200);
        var paths = ConcurrentHashMap.<String>newKeySet();
        var requests = new AtomicLong();
        var wrong = new AtomicLong();
        server.createContext("/streams/", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            boolean right = exchange.getRequestMethod().equals("POST")
                    && "application/json".equals(exchange.getRequestHeaders().getFirst("Content-Type"))
                    && Arrays.equals(body, target.appendBody());
            requests.incrementAndGet();
            if (!right || !paths.add(exchange.getRequestURI().getPath())) {
                wrong.incrementAndGet();
            }
            exchange.sendResponseHeaders(right ? 201 : 400, -1);
            exchange.close();
        });
        server.start();
        try {
            RouteRate rate = new WrkLoad(target, 4).load(HttpRoute.APPEND, Duration.ofSeconds(1));

            assertThat(rate.failures()).isZero();
            assertThat(wrong)
                    .as("requests with another method, type or body, or a stream named twice")
                    .hasValue(0);
            assertThat(requests.get()).isPositive().isGreaterThanOrEqualTo(rate.requests());
            assertThat(Set.copyOf(paths)).allMatch(path -> path.startsWith("/streams/"));
        } finally {
            server.stop(0);
        }
    }
}
