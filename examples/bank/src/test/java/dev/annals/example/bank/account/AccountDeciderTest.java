package dev.annals.example.bank.account;

import dev.annals.example.bank.account.AccountCommand.CloseAccount;
import dev.annals.example.bank.account.AccountCommand.Deposit;
import dev.annals.example.bank.account.AccountCommand.FreezeAccount;
import dev.annals.example.bank.account.AccountCommand.OpenAccount;
import dev.annals.example.bank.account.AccountCommand.UnfreezeAccount;
import dev.annals.example.bank.account.AccountCommand.Withdraw;
import dev.annals.example.bank.account.AccountEvent.AccountClosed;
import dev.annals.example.bank.account.AccountEvent.AccountFrozen;
import dev.annals.example.bank.account.AccountEvent.AccountOpened;
import dev.annals.example.bank.account.AccountEvent.AccountUnfrozen;
import dev.annals.example.bank.account.AccountEvent.Deposited;
import dev.annals.example.bank.account.AccountEvent.Withdrawn;
import dev.annals.testkit.fixture.DeciderFixture;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every rule of an account, one sentence each. */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class AccountDeciderTest {

    private static final AccountOpened OPENED = new AccountOpened("Ann");
    private static final AccountFrozen FROZEN = new AccountFrozen("fraud check");

    private final DeciderFixture<AccountCommand, AccountState, AccountEvent> account =
            DeciderFixture.of(new AccountDecider());

    @Test
    void opens_a_new_account_with_a_zero_balance() {
        account.given()
                .when(new OpenAccount("Ann"))
                .then(OPENED)
                .thenState(new AccountState(AccountStatus.OPEN, "Ann", 0));
    }

    @Test
    void refuses_to_open_an_account_twice() {
        account.given(OPENED).when(new OpenAccount("Bo")).thenRejected("account is already open");
    }

    @Test
    void refuses_to_open_an_account_without_an_owner() {
        account.given().when(new OpenAccount(" ")).thenRejected("an account needs an owner");
    }

    @Test
    void refuses_every_other_command_before_the_account_is_opened() {
        account.given().when(new Deposit(100)).thenRejected("account is not open");
        account.given().when(new Withdraw(100)).thenRejected("account is not open");
        account.given().when(new FreezeAccount("why")).thenRejected("account is not open");
        account.given().when(new UnfreezeAccount()).thenRejected("account is not open");
        account.given().when(new CloseAccount()).thenRejected("account is not open");
    }

    @Test
    void a_deposit_adds_to_the_balance() {
        account.given(OPENED, new Deposited(10_00))
                .when(new Deposit(2_50))
                .then(new Deposited(2_50))
                .thenState(new AccountState(AccountStatus.OPEN, "Ann", 12_50));
    }

    @ParameterizedTest
    @ValueSource(longs = {0, -1, Long.MIN_VALUE})
    void refuses_a_deposit_that_is_not_positive(long amount) {
        account.given(OPENED)
                .when(new Deposit(amount))
                .thenRejected("amount must be positive, was " + Cents.format(amount));
    }

    @Test
    void refuses_a_deposit_that_would_overflow_the_balance() {
        account.given(OPENED, new Deposited(Long.MAX_VALUE))
                .when(new Deposit(1))
                .thenRejectedContaining("would overflow the balance");
    }

    @Test
    void refuses_a_deposit_to_a_frozen_account() {
        account.given(OPENED, FROZEN).when(new Deposit(1_00)).thenRejected("account is frozen");
    }

    @Test
    void refuses_a_deposit_to_a_closed_account() {
        account.given(OPENED, new AccountClosed()).when(new Deposit(1_00)).thenRejected("account is closed");
    }

    @Test
    void a_withdrawal_takes_from_the_balance() {
        account.given(OPENED, new Deposited(10_00))
                .when(new Withdraw(4_00))
                .then(new Withdrawn(4_00))
                .thenState(new AccountState(AccountStatus.OPEN, "Ann", 6_00));
    }

    @Test
    void the_whole_balance_may_be_withdrawn() {
        account.given(OPENED, new Deposited(10_00)).when(new Withdraw(10_00)).then(new Withdrawn(10_00));
    }

    @Test
    void refuses_an_overdraft_with_the_balance_and_the_amount() {
        account.given(OPENED, new Deposited(10_00), new Withdrawn(3_00))
                .when(new Withdraw(7_01))
                .thenRejected("insufficient funds: balance 7.00, withdrawal 7.01")
                .thenState(new AccountState(AccountStatus.OPEN, "Ann", 7_00));
    }

    @ParameterizedTest
    @ValueSource(longs = {0, -5})
    void refuses_a_withdrawal_that_is_not_positive(long amount) {
        account.given(OPENED, new Deposited(10_00))
                .when(new Withdraw(amount))
                .thenRejected("amount must be positive, was " + Cents.format(amount));
    }

    @Test
    void refuses_a_withdrawal_from_a_frozen_account() {
        account.given(OPENED, new Deposited(10_00), FROZEN)
                .when(new Withdraw(1_00))
                .thenRejected("account is frozen");
    }

    @Test
    void refuses_a_withdrawal_from_a_closed_account() {
        account.given(OPENED, new AccountClosed()).when(new Withdraw(1_00)).thenRejected("account is closed");
    }

    @Test
    void freezes_an_open_account_with_a_reason() {
        account.given(OPENED)
                .when(new FreezeAccount("fraud check"))
                .then(FROZEN)
                .thenState(new AccountState(AccountStatus.FROZEN, "Ann", 0));
    }

    @Test
    void refuses_to_freeze_without_a_reason() {
        account.given(OPENED).when(new FreezeAccount("")).thenRejected("freezing an account needs a reason");
    }

    @Test
    void refuses_to_freeze_a_frozen_or_closed_account() {
        account.given(OPENED, FROZEN).when(new FreezeAccount("again")).thenRejected("account is already frozen");
        account.given(OPENED, new AccountClosed())
                .when(new FreezeAccount("late"))
                .thenRejected("account is closed");
    }

    @Test
    void unfreezes_a_frozen_account_so_money_moves_again() {
        account.given(OPENED, new Deposited(5_00), FROZEN)
                .when(new UnfreezeAccount())
                .then(new AccountUnfrozen())
                .thenState(new AccountState(AccountStatus.OPEN, "Ann", 5_00));
        account.given(OPENED, new Deposited(5_00), FROZEN, new AccountUnfrozen())
                .when(new Withdraw(5_00))
                .then(new Withdrawn(5_00));
    }

    @Test
    void refuses_to_unfreeze_an_account_that_is_not_frozen() {
        account.given(OPENED).when(new UnfreezeAccount()).thenRejected("account is not frozen");
        account.given(OPENED, new AccountClosed()).when(new UnfreezeAccount()).thenRejected("account is closed");
    }

    @Test
    void closes_an_account_with_a_zero_balance() {
        account.given(OPENED, new Deposited(5_00), new Withdrawn(5_00))
                .when(new CloseAccount())
                .then(new AccountClosed())
                .thenState(new AccountState(AccountStatus.CLOSED, "Ann", 0));
    }

    @Test
    void refuses_to_close_an_account_with_money_in_it() {
        account.given(OPENED, new Deposited(5_00))
                .when(new CloseAccount())
                .thenRejected("balance must be zero to close, is 5.00");
    }

    @Test
    void refuses_to_close_a_frozen_or_closed_account() {
        account.given(OPENED, FROZEN).when(new CloseAccount()).thenRejected("account is frozen");
        account.given(OPENED, new AccountClosed()).when(new CloseAccount()).thenRejected("account is already closed");
    }

    @Test
    void refuses_to_reopen_a_closed_account() {
        account.given(OPENED, new AccountClosed())
                .when(new OpenAccount("Ann"))
                .thenRejected("account is closed and cannot be reopened");
    }
}
