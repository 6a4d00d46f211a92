package dev.annals.example.bank.account;

import dev.annals.example.bank.account.AccountCommand.CloseAccount;
import dev.annals.example.bank.account.AccountCommand.CreditForTransfer;
import dev.annals.example.bank.account.AccountCommand.DebitForTransfer;
import dev.annals.example.bank.account.AccountCommand.RefundTransfer;
import dev.annals.example.bank.account.AccountCommand.SettleTransfer;
import dev.annals.example.bank.account.AccountEvent.AccountClosed;
import dev.annals.example.bank.account.AccountEvent.AccountFrozen;
import dev.annals.example.bank.account.AccountEvent.AccountOpened;
import dev.annals.example.bank.account.AccountEvent.Deposited;
import dev.annals.example.bank.account.AccountEvent.TransferCredited;
import dev.annals.example.bank.account.AccountEvent.TransferDebited;
import dev.annals.example.bank.account.AccountEvent.TransferRefunded;
import dev.annals.example.bank.account.AccountEvent.TransferSettled;
import dev.annals.testkit.fixture.DeciderFixture;
import java.util.Set;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

/** The account's side of transfers: the same money rules, and each step applied once per transfer. */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class AccountTransferStepsTest {

    private static final AccountOpened OPENED = new AccountOpened("Ann");

    private final DeciderFixture<AccountCommand, AccountState, AccountEvent> account =
            DeciderFixture.of(new AccountDecider());

    @Test
    void a_debit_for_a_transfer_takes_the_money_out() {
        account.given(OPENED, new Deposited(10_00))
                .when(new DebitForTransfer("transfer-1", 4_00))
                .then(new TransferDebited("transfer-1", 4_00));
    }

    @Test
    void a_debit_delivered_again_for_the_same_transfer_writes_nothing() {
        account.given(OPENED, new Deposited(10_00), new TransferDebited("transfer-1", 4_00))
                .when(new DebitForTransfer("transfer-1", 4_00))
                .thenNothing();
    }

    @Test
    void a_debit_follows_the_withdrawal_rules() {
        account.given(OPENED, new Deposited(1_00))
                .when(new DebitForTransfer("transfer-1", 4_00))
                .thenRejected("insufficient funds: balance 1.00, withdrawal 4.00");
    }

    @Test
    void a_credit_to_a_frozen_account_is_refused() {
        account.given(OPENED, new AccountFrozen("audit"))
                .when(new CreditForTransfer("transfer-1", 4_00))
                .thenRejected("account is frozen");
    }

    @Test
    void a_credit_delivered_again_writes_nothing() {
        account.given(OPENED, new TransferCredited("transfer-1", 4_00))
                .when(new CreditForTransfer("transfer-1", 4_00))
                .thenNothing();
    }

    @Test
    void a_refund_goes_through_on_a_frozen_account_once() {
        account.given(OPENED, new Deposited(10_00), new TransferDebited("transfer-1", 4_00), new AccountFrozen("audit"))
                .when(new RefundTransfer("transfer-1", 4_00))
                .then(new TransferRefunded("transfer-1", 4_00));
        account.given(
                        OPENED,
                        new Deposited(10_00),
                        new TransferDebited("transfer-1", 4_00),
                        new TransferRefunded("transfer-1", 4_00))
                .when(new RefundTransfer("transfer-1", 4_00))
                .thenNothing();
    }

    @Test
    void a_refund_of_a_transfer_never_debited_is_refused() {
        account.given(OPENED)
                .when(new RefundTransfer("transfer-9", 4_00))
                .thenRejected("transfer transfer-9 never debited this account");
    }

    @Test
    void refuses_to_close_while_a_transfer_from_it_is_in_flight() {
        // The whole balance left by transfer; were the close accepted, a refused credit would have
        // nowhere to send the money back.
        account.given(OPENED, new Deposited(4_00), new TransferDebited("transfer-1", 4_00))
                .when(new CloseAccount())
                .thenRejected("transfers from this account are in flight: transfer-1; close it once they have"
                        + " completed or been refunded");
        account.given(
                        OPENED,
                        new Deposited(6_00),
                        new TransferDebited("transfer-2", 4_00),
                        new TransferDebited("transfer-1", 2_00))
                .when(new CloseAccount())
                .thenRejected("transfers from this account are in flight: transfer-1, transfer-2; close it once"
                        + " they have completed or been refunded");
    }

    @Test
    void closes_once_each_transfer_from_it_is_settled_or_refunded() {
        account.given(
                        OPENED,
                        new Deposited(6_00),
                        new TransferDebited("transfer-1", 4_00),
                        new TransferDebited("transfer-2", 2_00),
                        new TransferSettled("transfer-1"),
                        new TransferRefunded("transfer-2", 2_00),
                        new AccountEvent.Withdrawn(2_00))
                .when(new CloseAccount())
                .then(new AccountClosed());
    }

    @Test
    void a_settlement_moves_no_money_goes_through_on_a_frozen_account_and_is_applied_once() {
        account.given(OPENED, new Deposited(10_00), new TransferDebited("transfer-1", 4_00), new AccountFrozen("audit"))
                .when(new SettleTransfer("transfer-1"))
                .then(new TransferSettled("transfer-1"))
                .thenState(new AccountState(
                        AccountStatus.FROZEN, "Ann", 6_00, Set.of("debit:transfer-1", "settle:transfer-1")));
        account.given(
                        OPENED,
                        new Deposited(10_00),
                        new TransferDebited("transfer-1", 4_00),
                        new TransferSettled("transfer-1"))
                .when(new SettleTransfer("transfer-1"))
                .thenNothing();
    }

    @Test
    void a_settlement_of_a_transfer_never_debited_or_already_refunded_is_refused() {
        account.given(OPENED)
                .when(new SettleTransfer("transfer-9"))
                .thenRejected("transfer transfer-9 never debited this account");
        account.given(
                        OPENED,
                        new Deposited(4_00),
                        new TransferDebited("transfer-1", 4_00),
                        new TransferRefunded("transfer-1", 4_00))
                .when(new SettleTransfer("transfer-1"))
                .thenRejected("transfer transfer-1 was refunded to this account");
    }

    @Test
    void a_refund_to_an_account_closed_before_closing_waited_for_transfers_is_refused() {
        // Such a history can no longer be written (close refuses while a transfer is in flight); one stored
        // before that rule is parked by the process manager for a person to settle.
        account.given(OPENED, new Deposited(4_00), new TransferDebited("transfer-1", 4_00), new AccountClosed())
                .when(new RefundTransfer("transfer-1", 4_00))
                .thenRejected("account is closed");
    }
}
