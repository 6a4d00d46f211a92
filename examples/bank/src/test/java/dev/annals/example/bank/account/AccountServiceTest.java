package dev.annals.example.bank.account;

import dev.annals.example.bank.Bank;
import dev.annals.example.bank.account.AccountCommand.Deposit;
import dev.annals.example.bank.account.AccountCommand.OpenAccount;
import dev.annals.example.bank.account.AccountCommand.Withdraw;
import dev.annals.example.bank.account.AccountEvent.AccountOpened;
import dev.annals.example.bank.account.AccountEvent.Deposited;
import dev.annals.example.bank.account.AccountEvent.Withdrawn;
import dev.annals.testkit.fixture.ServiceFixture;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The account rules through a command handler and the store, events serialized on the way. */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class AccountServiceTest {

    private final ServiceFixture<AccountCommand, AccountState, AccountEvent> accounts =
            ServiceFixture.of(Bank.ACCOUNTS);

    @Test
    void opening_writes_the_first_event_of_the_stream() {
        var result = accounts.given("account-1").when(new OpenAccount("Ann")).then(new AccountOpened("Ann"));

        assertThat(result.written()).singleElement().satisfies(event -> {
            assertThat(event.type()).isEqualTo("AccountOpened");
            assertThat(event.schemaVersion()).isEqualTo(2);
            assertThat(event.streamVersion()).isZero();
            assertThat(event.payloadAsString()).isEqualTo("{\"owner\":\"Ann\"}");
        });
    }

    @Test
    void a_withdrawal_is_stored_and_folds_into_the_balance() {
        accounts.given("account-1", new AccountOpened("Ann"), new Deposited(10_00))
                .when(new Withdraw(2_50))
                .then(new Withdrawn(2_50))
                .thenState(new AccountState(AccountStatus.OPEN, "Ann", 7_50));
    }

    @Test
    void an_overdraft_is_rejected_with_its_reason_and_writes_nothing() {
        accounts.given("account-1", new AccountOpened("Ann"), new Deposited(10_00))
                .when(new Withdraw(10_01))
                .thenRejected("insufficient funds: balance 10.00, withdrawal 10.01")
                .thenState(new AccountState(AccountStatus.OPEN, "Ann", 10_00));
    }

    @Test
    void a_deposit_to_an_account_never_opened_is_rejected_and_creates_no_stream() {
        var result = accounts.given("account-9").when(new Deposit(1_00)).thenRejected("account is not open");

        assertThat(result.store().streams()).isEmpty();
    }
}
