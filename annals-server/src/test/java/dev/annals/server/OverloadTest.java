package dev.annals.server;

import dev.annals.event.EventData;
import dev.annals.event.RecordedEvent;
import dev.annals.store.AppendResult;
import dev.annals.store.EventStore;
import dev.annals.store.ExpectedVersion;
import dev.annals.store.ReadRequest;
import dev.annals.store.StreamInfo;
import dev.annals.store.memory.InMemoryEventStore;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class OverloadTest {

    /** A store whose stream listing waits for the test, to hold one request in flight: the seam. */
    static final class HeldStore implements EventStore {
        final InMemoryEventStore delegate = new InMemoryEventStore();
        final CountDownLatch entered = new CountDownLatch(1);
        final CountDownLatch release = new CountDownLatch(1);

        @Override
        public Stream<StreamInfo> streams() {
            entered.countDown();
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return delegate.streams();
        }

        @Override
        public AppendResult append(String stream, ExpectedVersion expected, List<EventData> events) {
            return delegate.append(stream, expected, events);
        }

        @Override
        public Stream<RecordedEvent> read(ReadRequest request) {
            return delegate.read(request);
        }

        @Override
        public long headPosition() {
            return delegate.headPosition();
        }

        @Override
        public void close() {
            delegate.close();
        }
    }

    @Test
    void a_request_beyond_the_in_flight_limit_is_refused_with_429_and_health_still_answers() throws Exception {
        var store = new HeldStore();
        try (var server =
                AnnalsServer.start(store, ServerOptions.defaults().withPort(0).withMaxInFlight(1))) {
            var http = new HttpTestClient(server.uri());
            var held = http.client()
                    .sendAsync(http.request("/streams").GET().build(), HttpResponse.BodyHandlers.ofString());
            store.entered.await();

            var refused = http.get("/streams/$all");
            var health = http.get("/health/ready");
            store.release.countDown();

            assertThat(refused.status()).isEqualTo(429);
            assertThat(refused.json().get("error").asText()).isEqualTo("overloaded");
            assertThat(refused.json().get("details").get("limit").asInt()).isEqualTo(1);
            assertThat(health.status()).isEqualTo(200);
            assertThat(held.get(10, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
            assertThat(http.get("/streams/$all").status()).isEqualTo(200);
        }
    }
}
