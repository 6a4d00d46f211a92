package dev.annals.example.bank.demo;

import dev.annals.example.bank.account.AccountState;
import dev.annals.example.bank.account.AccountStatus;
import dev.annals.store.memory.InMemoryEventStore;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class BankDemoTest {

    private final InMemoryEventStore store = new InMemoryEventStore();
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);

    @Test
    void prints_each_command_with_its_events_and_their_positions() {
        new BankDemo(store, out).run();

        assertThat(output())
                .contains("> account-1: OpenAccount[owner=Alice]")
                .contains("  accepted: account-1 is now at version 0, position 1")
                .contains("    account-1@0 #1 AccountOpened {\"owner\":\"Alice\"}")
                .contains("    account-2@1 #4 Deposited {\"amount\":2500}");
    }

    @Test
    void shows_the_rejected_overdraft_with_its_reason_and_writes_nothing_for_it() {
        var summary = new BankDemo(store, out).run();

        assertThat(summary.overdraftReason()).isEqualTo("insufficient funds: balance 25.00, withdrawal 500.00");
        assertThat(output())
                .contains("  rejected: insufficient funds: balance 25.00, withdrawal 500.00 (nothing written)");
        assertThat(store.headPosition()).isEqualTo(7);
    }

    @Test
    void shows_the_first_account_as_it_was_before_its_last_withdrawal() {
        var summary = new BankDemo(store, out).run();

        assertThat(summary.beforeLastWithdrawal().state())
                .isEqualTo(new AccountState(AccountStatus.OPEN, "Alice", 82_50));
        assertThat(summary.beforeLastWithdrawal().version()).isEqualTo(3);
        assertThat(summary.now().state().balance()).isEqualTo(42_50);
        assertThat(output()).contains("""
                Temporal query: account-1 as it was before its last withdrawal (version 4):
                  {"stream":"account-1","version":3,"position":6,"state":{"status":"OPEN","owner":"Alice","balance":8250}}
                The same by time: account-1 as of""");
    }

    @Test
    void runs_again_on_the_same_store_with_fresh_accounts() {
        new BankDemo(store, out).run();

        var second = new BankDemo(store, out).run();

        assertThat(second.firstAccount()).isEqualTo("account-3");
        assertThat(second.secondAccount()).isEqualTo("account-4");
        assertThat(second.now().state().balance()).isEqualTo(42_50);
    }

    private String output() {
        return bytes.toString(StandardCharsets.UTF_8);
    }
}
