package dev.annals.server;

import dev.annals.event.Metadata;
import dev.annals.store.ExpectedVersion;
import dev.annals.store.memory.InMemoryEventStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class CorrelationRoutesTest {

    private final InMemoryEventStore store = new InMemoryEventStore();
    private final AnnalsServer server =
            AnnalsServer.start(store, ServerOptions.defaults().withPort(0));
    private final HttpTestClient http = new HttpTestClient(server.uri());

    @AfterEach
    void stop() {
        server.close();
        store.close();
    }

    private void append(String stream, String correlation) {
        store.append(
                stream,
                ExpectedVersion.any(),
                CounterEvent.CODEC.encode(
                        new CounterEvent.Counted(1), Metadata.empty().withCorrelationId(correlation)));
    }

    @Test
    void answers_the_events_of_one_correlation_in_global_order() {
        append("counter-1", "order-1");
        append("counter-2", "order-2");
        append("counter-3", "order-1");

        var reply = http.get("/correlations/order-1");

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.json().get("complete").asBoolean()).isTrue();
        assertThat(reply.json().get("scanned").asLong()).isEqualTo(3);
        var events = reply.json().get("events");
        assertThat(events).hasSize(2);
        assertThat(events.get(0).get("stream").asText()).isEqualTo("counter-1");
        assertThat(events.get(1).get("stream").asText()).isEqualTo("counter-3");
    }

    @Test
    void a_scan_shorter_than_the_store_says_the_answer_may_be_incomplete() {
        append("counter-1", "order-1");
        append("counter-2", "order-2");
        append("counter-3", "order-2");

        var reply = http.get("/correlations/order-1?scan=2");

        assertThat(reply.json().get("complete").asBoolean()).isFalse();
        assertThat(reply.json().get("scanned").asLong()).isEqualTo(2);
        assertThat(reply.json().get("events")).isEmpty();
    }

    @Test
    void refuses_a_scan_that_is_not_a_number_in_range() {
        var zero = http.get("/correlations/order-1?scan=0");
        var huge = http.get("/correlations/order-1?scan=1000001");

        assertThat(zero.status()).isEqualTo(400);
        assertThat(zero.json().get("message").asText()).contains("scan").contains("from 1 to 100000");
        assertThat(huge.status()).isEqualTo(400);
    }
}
