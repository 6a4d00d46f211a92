package dev.annals.example.bank.account;

import dev.annals.event.EventData;
import dev.annals.event.Metadata;
import dev.annals.example.bank.Bank;
import dev.annals.example.bank.account.AccountEvent.AccountOpened;
import dev.annals.example.bank.account.AccountEvent.Deposited;
import dev.annals.example.bank.account.AccountEvent.Withdrawn;
import dev.annals.store.ExpectedVersion;
import dev.annals.store.memory.InMemoryEventStore;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Accounts written by older versions of the bank still read, and decide, correctly today. */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class AccountHistoryTest {

    private final InMemoryEventStore store = new InMemoryEventStore();

    @Test
    void a_v1_opening_with_an_initial_deposit_reads_as_an_opening_and_a_deposit() {
        stored("account-1", "AccountOpened", 1, "{\"owner\":\"Ann\",\"initialDeposit\":2500}");

        assertThat(typed("account-1")).containsExactly(new AccountOpened("Ann"), new Deposited(25_00));
    }

    @Test
    void a_v1_opening_without_money_reads_as_an_opening_alone() {
        stored("account-1", "AccountOpened", 1, "{\"owner\":\"Ann\",\"initialDeposit\":0}");

        assertThat(typed("account-1")).containsExactly(new AccountOpened("Ann"));
    }

    @Test
    void a_v1_deposit_reads_its_renamed_amount() {
        stored("account-1", "AccountOpened", 2, "{\"owner\":\"Ann\"}");
        stored("account-1", "Deposited", 1, "{\"cents\":1999}");

        assertThat(typed("account-1")).containsExactly(new AccountOpened("Ann"), new Deposited(19_99));
    }

    @Test
    void old_and_new_events_fold_together_and_new_commands_decide_on_them() {
        stored("account-1", "AccountOpened", 1, "{\"owner\":\"Ann\",\"initialDeposit\":1000}");
        stored("account-1", "Deposited", 1, "{\"cents\":500}");

        var outcome = Bank.ACCOUNTS.handler(store).handle("account-1", new AccountCommand.Withdraw(15_00));

        assertThat(typed("account-1")).last().isEqualTo(new Withdrawn(15_00));
        assertThat(Bank.ACCOUNTS.states(store).current("account-1")).satisfies(folded -> {
            assertThat(folded.state()).isEqualTo(new AccountState(AccountStatus.OPEN, "Ann", 0));
            assertThat(folded.version()).isEqualTo(2);
        });
        assertThat(outcome.stream()).isEqualTo("account-1");
    }

    private void stored(String stream, String type, int schemaVersion, String json) {
        store.append(
                stream,
                ExpectedVersion.any(),
                List.of(new EventData(
                        UUID.randomUUID(),
                        type,
                        schemaVersion,
                        json.getBytes(StandardCharsets.UTF_8),
                        Metadata.empty())));
    }

    private List<AccountEvent> typed(String stream) {
        try (var events = store.readStream(stream)) {
            return events.flatMap(event -> AccountEvents.codec().decode(event).stream())
                    .toList();
        }
    }
}
