package dev.annals.cli.state;

import dev.annals.cli.Cli;
import dev.annals.event.RecordedEvent;
import dev.annals.example.bank.Bank;
import dev.annals.example.bank.account.AccountCommand.Deposit;
import dev.annals.example.bank.account.AccountCommand.OpenAccount;
import dev.annals.example.bank.account.AccountCommand.Withdraw;
import dev.annals.store.memory.InMemoryEventStore;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class StateCommandTest {

    private final InMemoryEventStore store = new InMemoryEventStore();

    @TempDir
    Path data;

    @BeforeEach
    void an_account_with_a_deposit_and_a_withdrawal() {
        var accounts = Bank.ACCOUNTS.handler(store);
        accounts.handle("account-1", new OpenAccount("Alice"));
        accounts.handle("account-1", new Deposit(500));
        accounts.handle("account-1", new Withdraw(200));
    }

    @Test
    void prints_the_current_state_with_the_version_and_position_it_was_folded_to() {
        var run = Cli.on(store, data).run("state", "account-1");

        assertThat(run.exitCode()).isZero();
        assertThat(run.outLines()).singleElement().satisfies(line -> assertThat(line)
                .startsWith("{\"stream\":\"account-1\",\"version\":2,\"position\":3,\"state\":{")
                .contains("\"balance\":300"));
    }

    @Test
    void prints_the_state_at_a_version() {
        var run = Cli.on(store, data).run("state", "account-1", "--version", "1");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("\"version\":1,\"position\":2").contains("\"balance\":500");
    }

    @Test
    void prints_the_state_as_it_was_at_an_instant() {
        List<RecordedEvent> events = store.readStream("account-1").toList();
        var opened = events.getFirst().recordedAt();
        var withdrawn = events.getLast().recordedAt();

        var before = Cli.on(store, data)
                .run("state", "account-1", "--at", opened.minusSeconds(1).toString());
        var now = Cli.on(store, data).run("state", "account-1", "--at", withdrawn.toString());

        assertThat(before.out()).contains("\"version\":-1,\"position\":0");
        assertThat(now.out()).contains("\"version\":2").contains("\"balance\":300");
    }

    @Test
    void an_account_stream_without_events_is_a_rejected_request() {
        var run = Cli.on(store, data).run("state", "account-99");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out()).isEmpty();
        assertThat(run.errLines())
                .singleElement()
                .asString()
                .startsWith("annals: stream 'account-99' has no events (it does not exist");
    }

    @Test
    void an_unregistered_category_is_one_line_naming_the_known_ones_and_exit_1() {
        var run = Cli.on(store, data).run("state", "order-1");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.errLines()).singleElement().satisfies(line -> assertThat(line)
                .startsWith("annals: ")
                .contains("order")
                .contains("account"));
    }

    @Test
    void a_version_beyond_the_stream_is_rejected_with_the_current_version() {
        var run = Cli.on(store, data).run("state", "account-1", "--version", "9");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.errLines())
                .singleElement()
                .satisfies(line -> assertThat(line).contains("9").contains("2"));
    }

    @Test
    void an_instant_and_a_version_together_are_bad_usage() {
        var run = Cli.on(store, data).run("state", "account-1", "--version", "1", "--at", "2026-11-25T10:00:00Z");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.errLines()).hasSize(1);
    }

    @Test
    void a_malformed_instant_is_bad_usage() {
        var run = Cli.on(store, data).run("state", "account-1", "--at", "yesterday");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.errLines())
                .containsExactly("annals: Invalid value for option '--at': 'yesterday' is not an"
                        + " instant: give one in ISO-8601 form, such as 2026-11-25T10:00:00Z (UTC) or 2026-11-25T11:00:00+01:00"
                        + " (see 'annals state --help')");
    }

    @Test
    void an_event_that_does_not_fit_its_type_is_named_without_internal_class_or_library_names() {
        store.append(
                "account-1",
                dev.annals.store.ExpectedVersion.any(),
                dev.annals.event.EventData.of("Deposited", "{\"amount\":\"lots\"}"));

        var run = Cli.on(store, data).run("state", "account-1");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.errLines())
                .containsExactly(
                        "annals: payload does not fit Deposited (field 'amount': expected"
                                + " a whole number, was \"lots\"): type 'Deposited' v1 in stream 'account-1' at version 3, position 4");
    }
}
