package dev.annals.example.bank.demo;

import dev.annals.example.bank.Bank;
import dev.annals.store.memory.InMemoryEventStore;
import java.time.Duration;
import java.util.Random;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class BankTrafficTest {

    @Test
    void sends_commands_until_its_thread_is_interrupted() throws Exception {
        try (var store = new InMemoryEventStore()) {
            var traffic = new BankTraffic(store, 500, new Random(7));
            Thread thread = Thread.ofVirtual().start(traffic);

            await().atMost(Duration.ofSeconds(20)).until(() -> traffic.sent() >= 30);
            thread.interrupt();
            thread.join(Duration.ofSeconds(10));

            assertThat(thread.isAlive()).isFalse();
            assertThat(Bank.ACCOUNTS.states(store).current("account-t1").state().owner())
                    .isEqualTo("Ada");
            assertThat(store.headPosition()).isGreaterThan(30);
        }
    }

    @Test
    void refuses_a_rate_that_is_not_positive() {
        try (var store = new InMemoryEventStore()) {
            assertThatThrownBy(() -> new BankTraffic(store, 0, new Random()))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("was 0.0");
        }
    }
}
