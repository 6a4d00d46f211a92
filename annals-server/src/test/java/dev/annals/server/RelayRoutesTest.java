package dev.annals.server;

import dev.annals.projection.RelayReport;
import dev.annals.store.memory.InMemoryEventStore;
import io.micrometer.core.instrument.Gauge;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code GET /relays}, and meters registered beside the server showing on its {@code /metrics}. */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class RelayRoutesTest {

    private final InMemoryEventStore store = new InMemoryEventStore();

    @Test
    void lists_no_relay_when_none_runs() {
        try (var server = AnnalsServer.builder(store)
                .options(ServerOptions.defaults().withPort(0))
                .start()) {
            var reply = new HttpTestClient(server.uri()).get("relays");

            assertThat(reply.status()).isEqualTo(200);
            assertThat(reply.json().path("relays").isArray()).isTrue();
            assertThat(reply.json().path("relays")).isEmpty();
        }
    }

    @Test
    void lists_each_relay_as_it_reports_at_the_time_of_the_request() {
        var checkpoint = new AtomicLong(40);
        var builder =
                AnnalsServer.builder(store).options(ServerOptions.defaults().withPort(0));
        builder.relays(() -> List.of(new RelayReport(
                "orders",
                "retrying",
                checkpoint.get(),
                50,
                50 - checkpoint.get(),
                1.5,
                120.25,
                40,
                "the broker at 127.0.0.1:1 is unreachable",
                Instant.parse("2026-12-03T10:00:00Z"))));
        try (var server = builder.start()) {
            var http = new HttpTestClient(server.uri());
            var first = http.get("relays").json().path("relays").get(0);
            checkpoint.set(50);
            var second = http.get("relays").json().path("relays").get(0);

            assertThat(first.path("name").asText()).isEqualTo("orders");
            assertThat(first.path("role").asText()).isEqualTo("retrying");
            assertThat(first.path("checkpoint").asLong()).isEqualTo(40);
            assertThat(first.path("headPosition").asLong()).isEqualTo(50);
            assertThat(first.path("eventsBehind").asLong()).isEqualTo(10);
            assertThat(first.path("secondsBehind").asDouble()).isEqualTo(1.5);
            assertThat(first.path("publishedPerSecond").asDouble()).isEqualTo(120.25);
            assertThat(first.path("published").asLong()).isEqualTo(40);
            assertThat(first.path("error").asText()).isEqualTo("the broker at 127.0.0.1:1 is unreachable");
            assertThat(first.path("measuredAt").asText()).isEqualTo("2026-12-03T10:00:00Z");
            assertThat(second.path("checkpoint").asLong()).isEqualTo(50);
            assertThat(second.path("eventsBehind").asLong()).isZero();
        }
    }

    @Test
    void meters_registered_in_the_builders_registry_show_on_metrics() {
        var builder =
                AnnalsServer.builder(store).options(ServerOptions.defaults().withPort(0));
        var value = new AtomicLong(17);
        Gauge.builder("annals.relay.checkpoint", value, AtomicLong::get)
                .tag("relay", "orders")
                .register(builder.meterRegistry());
        try (var server = builder.start()) {
            var metrics = new HttpTestClient(server.uri()).get("metrics");

            assertThat(metrics.status()).isEqualTo(200);
            assertThat(metrics.text()).contains("annals_relay_checkpoint{relay=\"orders\"} 17.0");
        }
    }
}
