package dev.annals.store.postgres;

import dev.annals.event.EventData;
import dev.annals.store.ExpectedVersion;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/** The pool a store opens for itself holds the connections its address asks for, and no more under load. */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class PoolSizeTest {

    @Test
    void a_store_opened_with_pool_size_three_holds_three_connections_while_many_callers_append_and_read()
            throws Exception {
        // The driver reports this name to the server, so the test counts this store's connections only.
        String application = "annals-pool-" + UUID.randomUUID().toString().substring(0, 8);
        var address =
                PostgresAddress.parse(TestDatabase.newStoreAddress() + "&poolSize=3&ApplicationName=" + application);
        try (var store = PostgresEventStore.open(address);
                var callers = Executors.newFixedThreadPool(16)) {
            var done = new ArrayList<Future<?>>();
            for (int caller = 0; caller < 16; caller++) {
                String stream = "pool-" + caller;
                done.add(callers.submit(() -> {
                    for (int i = 0; i < 20; i++) {
                        store.append(stream, ExpectedVersion.any(), List.of(EventData.of("Noted", "{}")));
                        try (var events = store.readStream(stream)) {
                            assertThat(events.count()).isEqualTo(i + 1);
                        }
                    }
                    return null;
                }));
            }
            for (var future : done) {
                future.get();
                assertThat(connections(application)).isLessThanOrEqualTo(3);
            }
            assertThat(store.headPosition()).isEqualTo(16 * 20);
            await().atMost(Duration.ofSeconds(30)).until(() -> connections(application) == 3);
        }
    }

    @Test
    void a_pool_larger_than_the_server_accepts_in_all_is_refused_with_the_limit_before_it_takes_a_connection()
            throws Exception {
        String application = "annals-pool-" + UUID.randomUUID().toString().substring(0, 8);
        int accepted = serverLimit();
        var address = PostgresAddress.parse(
                TestDatabase.newStoreAddress() + "&poolSize=" + (accepted + 1) + "&ApplicationName=" + application);

        assertThatThrownBy(() -> PostgresEventStore.open(address))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("poolSize " + (accepted + 1) + " in PostgreSQL address '")
                .hasMessageContaining("more than the " + accepted + " connections the server accepts in all")
                .hasMessageNotContainingAny("SELECT", "Exception", "dev.annals", "zaxxer");
        assertThat(connections(application)).isZero();
    }

    private static int serverLimit() {
        try (var connection = TestDatabase.connect();
                var row = connection.createStatement().executeQuery("SHOW max_connections")) {
            row.next();
            return Integer.parseInt(row.getString(1));
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static int connections(String application) throws SQLException {
        try (var connection = TestDatabase.connect();
                var query = connection.prepareStatement(
                        "SELECT count(*) FROM pg_stat_activity WHERE application_name = ?")) {
            query.setString(1, application);
            try (var rows = query.executeQuery()) {
                rows.next();
                return rows.getInt(1);
            }
        }
    }
}
