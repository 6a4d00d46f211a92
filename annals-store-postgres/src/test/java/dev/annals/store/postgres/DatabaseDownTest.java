package dev.annals.store.postgres;

import dev.annals.event.EventData;
import dev.annals.store.ExpectedVersion;
import dev.annals.store.StoreUnavailableException;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * PostgreSQL down (a throwaway server of the test's own, stopped): appends and reads fail with a
 * {@link StoreUnavailableException} that names no schema, host or SQL, the store reports the fault, and once
 * the server is back both work again without reopening the store.
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class DatabaseDownTest {

    @Test
    void appends_fail_as_unavailable_while_the_database_is_down_and_succeed_once_it_is_back() throws Exception {
        try (var cluster = ThrowawayCluster.start();
                var store = PostgresEventStore.open(
                        cluster.url(), PostgresOptions.defaults().withSchema("down"))) {
            store.append("account-1", ExpectedVersion.noStream(), EventData.of("Opened", "{}"));

            cluster.pause();

            assertThatThrownBy(() -> store.append("account-1", ExpectedVersion.any(), EventData.of("Deposited", "{}")))
                    .isInstanceOfSatisfying(StoreUnavailableException.class, e -> {
                        assertThat(e.reason()).isEqualTo(StoreUnavailableException.Reason.UNREACHABLE);
                        assertThat(e.getMessage())
                                .contains("database cannot be reached")
                                .doesNotContain("down.")
                                .doesNotContain("127.0.0.1")
                                .doesNotContain("INSERT")
                                .doesNotContain("SELECT");
                    });
            assertThat(store.writeFault()).isPresent();
            assertThatThrownBy(store::headPosition)
                    .isInstanceOf(StoreUnavailableException.class)
                    .hasMessageNotContaining("SELECT");

            cluster.resume();

            await().atMost(Duration.ofSeconds(60))
                    .until(() -> store.writeFault().isEmpty());
            assertThat(store.append("account-1", ExpectedVersion.exact(0), EventData.of("Deposited", "{}"))
                            .streamVersion())
                    .isEqualTo(1);
        }
    }
}
