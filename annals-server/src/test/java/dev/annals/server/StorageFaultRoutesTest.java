package dev.annals.server;

import dev.annals.event.EventData;
import dev.annals.store.AppendResult;
import dev.annals.store.EventStore;
import dev.annals.store.EventStoreException;
import dev.annals.store.ExpectedVersion;
import dev.annals.store.ReadRequest;
import dev.annals.store.StreamInfo;
import dev.annals.store.memory.InMemoryEventStore;
import dev.annals.store.sqlite.SqliteEventStore;
import dev.annals.testkit.fault.SmallDisk;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * What clients see when the store's storage fails: a full disk answers {@code 507 insufficient_storage}
 * and readiness turns 503 until space is freed, then both recover by themselves; any other store failure
 * answers {@code 500 internal_error} naming no file, schema or SQL, with a request id for the log; an event
 * whose text no backend could store is a 400 {@code invalid_event} for its sender.
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class StorageFaultRoutesTest {

    @TempDir
    Path mountPoint;

    private SmallDisk disk;
    private EventStore store;
    private AnnalsServer server;

    @AfterEach
    void stop() throws Exception {
        if (server != null) {
            server.close();
        }
        if (store != null) {
            store.close();
        }
        if (disk != null) {
            disk.close();
        }
    }

    @Test
    void a_full_disk_answers_507_and_not_ready_until_space_is_freed() throws Exception {
        disk = SmallDisk.mount(mountPoint, 4);
        store = SqliteEventStore.open(mountPoint.resolve("data"));
        server = AnnalsServer.start(store, ServerOptions.defaults().withPort(0));
        var http = new HttpTestClient(server.uri());
        assertThat(append(http, "account-0").status()).isEqualTo(200);
        var filler = disk.fill();

        HttpTestClient.Reply full = null;
        for (int i = 1; i <= 500; i++) {
            var reply = append(http, "account-" + i);
            if (reply.status() != 200) {
                full = reply;
                break;
            }
        }

        assertThat(full).isNotNull();
        assertThat(full.status()).isEqualTo(507);
        assertThat(full.json().get("error").asText()).isEqualTo("insufficient_storage");
        assertThat(full.json().get("message").asText())
                .contains("disk")
                .contains("full")
                .doesNotContain(mountPoint.toString())
                .doesNotContain("annals.db")
                .doesNotContain("SQL");
        assertThat(full.json().get("details").get("requestId").asText()).isNotBlank();
        // The failed commit drops the writer's connection, and SQLite may give back some of the WAL's space
        // as it does, at a moment of its own (readiness then rightly finds over 1 MiB free). Each look at
        // readiness takes whatever space came back first.
        var fillers = new ArrayList<Path>(List.of(filler));
        var notReady = new AtomicReference<HttpTestClient.Reply>();
        await().atMost(Duration.ofSeconds(10)).until(() -> {
            fillers.add(disk.fill());
            notReady.set(http.get("/health/ready"));
            return notReady.get().status() != 200;
        });
        assertThat(notReady.get().status()).isEqualTo(503);
        assertThat(notReady.get().json().get("reason").asText()).isEqualTo("disk_full");
        assertThat(notReady.get().text()).doesNotContain(mountPoint.toString()).doesNotContain("account-");

        for (Path each : fillers) {
            Files.delete(each);
        }

        assertThat(http.get("/health/ready").status()).isEqualTo(200);
        assertThat(append(http, "after-recovery").status()).isEqualTo(200);
    }

    @Test
    void any_other_store_failure_answers_500_without_internals_and_with_a_request_id() {
        store = new FailingStore();
        server = AnnalsServer.start(store, ServerOptions.defaults().withPort(0));
        var http = new HttpTestClient(server.uri());

        var reply = append(http, "account-1");

        assertThat(reply.status()).isEqualTo(500);
        assertThat(reply.json().get("error").asText()).isEqualTo("internal_error");
        assertThat(reply.text())
                .doesNotContain("/var/lib")
                .doesNotContain("INSERT")
                .doesNotContain("Exception");
        assertThat(reply.json().get("message").asText())
                .contains(reply.json().get("details").get("requestId").asText());
    }

    @Test
    void an_event_type_the_database_could_not_store_answers_400_invalid_event_and_writes_nothing() {
        store = new InMemoryEventStore();
        server = AnnalsServer.start(store, ServerOptions.defaults().withPort(0));
        var http = new HttpTestClient(server.uri());

        var reply = http.post("/streams/account-1", "{\"events\":[{\"type\":\"Open\\u0000ed\",\"data\":{}}]}");

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.json().get("error").asText()).isEqualTo("invalid_event");
        assertThat(reply.json().get("details").get("field").asText()).isEqualTo("type");
        assertThat(reply.json().get("details").get("reason").asText()).contains("control character");
        assertThat(store.headPosition()).isZero();
    }

    private static HttpTestClient.Reply append(HttpTestClient http, String stream) {
        String padding = "x".repeat(16 * 1024);
        return http.post(
                "/streams/" + stream,
                "{\"expectedVersion\":\"any\",\"events\":[{\"type\":\"Filled\"," + "\"data\":{\"padding\":\"" + padding
                        + "\"}}]}");
    }

    /** A store whose appends fail the way a database does, naming its file and SQL: a true seam. */
    private static final class FailingStore implements EventStore {
        private final InMemoryEventStore reads = new InMemoryEventStore();

        @Override
        public AppendResult append(String stream, ExpectedVersion expected, List<EventData> events) {
            throw new EventStoreException("INSERT INTO events failed in /var/lib/annals/annals.db: SQLITE_CORRUPT");
        }

        @Override
        public Stream<dev.annals.event.RecordedEvent> read(ReadRequest request) {
            return reads.read(request);
        }

        @Override
        public long headPosition() {
            return reads.headPosition();
        }

        @Override
        public Stream<StreamInfo> streams() {
            return reads.streams();
        }

        @Override
        public void close() {
            reads.close();
        }
    }
}
