package dev.annals.example.bank;

import dev.annals.decider.StateJson;
import dev.annals.example.bank.account.AccountCommand;
import dev.annals.store.memory.InMemoryEventStore;
import java.time.Instant;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** What a CLI does for {@code annals state STREAM --version N | --at INSTANT}. */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class BankTest {

    private final InMemoryEventStore store = new InMemoryEventStore();

    @Test
    void the_account_category_is_registered() {
        assertThat(Bank.entityTypes().categories()).containsExactly("account", "transfer");
        assertThat(Bank.entityTypes().forStream("account-7")).isSameAs(Bank.ACCOUNTS);
    }

    @Test
    void an_account_stream_folds_by_name_to_json_at_a_version_or_an_instant() {
        var accounts = Bank.ACCOUNTS.handler(store);
        accounts.handle("account-1", new AccountCommand.OpenAccount("Ann"));
        accounts.handle("account-1", new AccountCommand.Deposit(12_34));

        assertThat(StateJson.render(Bank.entityTypes().stateAtVersion(store, "account-1", 0)))
                .isEqualTo("{\"stream\":\"account-1\",\"version\":0,\"position\":1,"
                        + "\"state\":{\"status\":\"OPEN\",\"owner\":\"Ann\",\"balance\":0}}");
        assertThat(StateJson.render(Bank.entityTypes().stateAt(store, "account-1", Instant.now())))
                .isEqualTo("{\"stream\":\"account-1\",\"version\":1,\"position\":2,"
                        + "\"state\":{\"status\":\"OPEN\",\"owner\":\"Ann\",\"balance\":1234}}");
    }
}
