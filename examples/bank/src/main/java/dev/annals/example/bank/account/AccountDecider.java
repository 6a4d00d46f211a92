package dev.annals.example.bank.account;

import dev.annals.decider.Decider;
import dev.annals.decider.Decision;
import dev.annals.example.bank.account.AccountCommand.CloseAccount;
import dev.annals.example.bank.account.AccountCommand.CreditForTransfer;
import dev.annals.example.bank.account.AccountCommand.DebitForTransfer;
import dev.annals.example.bank.account.AccountCommand.Deposit;
import dev.annals.example.bank.account.AccountCommand.FreezeAccount;
import dev.annals.example.bank.account.AccountCommand.OpenAccount;
import dev.annals.example.bank.account.AccountCommand.RefundTransfer;
import dev.annals.example.bank.account.AccountCommand.SettleTransfer;
import dev.annals.example.bank.account.AccountCommand.UnfreezeAccount;
import dev.annals.example.bank.account.AccountCommand.Withdraw;
import dev.annals.example.bank.account.AccountEvent.AccountClosed;
import dev.annals.example.bank.account.AccountEvent.AccountFrozen;
import dev.annals.example.bank.account.AccountEvent.AccountOpened;
import dev.annals.example.bank.account.AccountEvent.AccountUnfrozen;
import dev.annals.example.bank.account.AccountEvent.Deposited;
import dev.annals.example.bank.account.AccountEvent.TransferCredited;
import dev.annals.example.bank.account.AccountEvent.TransferDebited;
import dev.annals.example.bank.account.AccountEvent.TransferRefunded;
import dev.annals.example.bank.account.AccountEvent.TransferSettled;
import dev.annals.example.bank.account.AccountEvent.Withdrawn;

import static dev.annals.decider.Decision.accept;
import static dev.annals.decider.Decision.reject;
import static dev.annals.example.bank.account.AccountStatus.CLOSED;
import static dev.annals.example.bank.account.AccountStatus.FROZEN;
import static dev.annals.example.bank.account.AccountStatus.NOT_OPENED;
import static dev.annals.example.bank.account.AccountStatus.OPEN;

/**
 * The rules of a bank account. The README of this example lists them; each has a fixture test.
 */
public final class AccountDecider implements Decider<AccountCommand, AccountState, AccountEvent> {

    @Override
    public AccountState initialState() {
        return AccountState.NOT_OPENED;
    }

    @Override
    public Decision<AccountEvent> decide(AccountCommand command, AccountState state) {
        if (state.status() == NOT_OPENED && !(command instanceof OpenAccount)) {
            return reject("account is not open");
        }
        return switch (command) {
            case OpenAccount open -> open(open, state);
            case Deposit deposit -> deposit(deposit, state);
            case Withdraw withdraw -> withdraw(withdraw, state);
            case FreezeAccount freeze -> freeze(freeze, state);
            case UnfreezeAccount unfreeze -> unfreeze(state);
            case CloseAccount close -> close(state);
            case DebitForTransfer debit ->
                state.applied("debit:" + debit.transferId())
                        ? accept()
                        : sameRulesAs(
                                withdraw(new Withdraw(debit.amount()), state),
                                new TransferDebited(debit.transferId(), debit.amount()));
            case CreditForTransfer credit ->
                state.applied("credit:" + credit.transferId())
                        ? accept()
                        : sameRulesAs(
                                deposit(new Deposit(credit.amount()), state),
                                new TransferCredited(credit.transferId(), credit.amount()));
            case RefundTransfer refund -> refund(refund, state);
            case SettleTransfer settle -> settle(settle, state);
        };
    }

    private static Decision<AccountEvent> open(OpenAccount open, AccountState state) {
        if (state.status() == CLOSED) {
            return reject("account is closed and cannot be reopened");
        }
        if (state.status() != NOT_OPENED) {
            return reject("account is already open");
        }
        if (open.owner() == null || open.owner().isBlank()) {
            return reject("an account needs an owner");
        }
        return accept(new AccountOpened(open.owner()));
    }

    private static Decision<AccountEvent> deposit(Deposit deposit, AccountState state) {
        if (deposit.amount() <= 0) {
            return reject("amount must be positive, was " + Cents.format(deposit.amount()));
        }
        var blocked = blockedFromMovingMoney(state);
        if (blocked != null) {
            return reject(blocked);
        }
        if (state.balance() > Long.MAX_VALUE - deposit.amount()) {
            return reject("deposit of " + Cents.format(deposit.amount()) + " would overflow the balance");
        }
        return accept(new Deposited(deposit.amount()));
    }

    private static Decision<AccountEvent> withdraw(Withdraw withdraw, AccountState state) {
        if (withdraw.amount() <= 0) {
            return reject("amount must be positive, was " + Cents.format(withdraw.amount()));
        }
        var blocked = blockedFromMovingMoney(state);
        if (blocked != null) {
            return reject(blocked);
        }
        if (withdraw.amount() > state.balance()) {
            return reject("insufficient funds: balance " + Cents.format(state.balance()) + ", withdrawal "
                    + Cents.format(withdraw.amount()));
        }
        return accept(new Withdrawn(withdraw.amount()));
    }

    private static Decision<AccountEvent> freeze(FreezeAccount freeze, AccountState state) {
        return switch (state.status()) {
            case CLOSED -> reject("account is closed");
            case FROZEN -> reject("account is already frozen");
            case OPEN, NOT_OPENED ->
                freeze.reason() == null || freeze.reason().isBlank()
                        ? reject("freezing an account needs a reason")
                        : accept(new AccountFrozen(freeze.reason()));
        };
    }

    private static Decision<AccountEvent> unfreeze(AccountState state) {
        return switch (state.status()) {
            case CLOSED -> reject("account is closed");
            case FROZEN -> accept(new AccountUnfrozen());
            case OPEN, NOT_OPENED -> reject("account is not frozen");
        };
    }

    private static Decision<AccountEvent> close(AccountState state) {
        return switch (state.status()) {
            case CLOSED -> reject("account is already closed");
            case FROZEN -> reject("account is frozen");
            case OPEN, NOT_OPENED -> {
                if (state.balance() != 0) {
                    yield reject("balance must be zero to close, is " + Cents.format(state.balance()));
                }
                // A transfer in flight may still be refunded to this account: closing now could leave
                // its money nowhere to go (ADR 0021). The close is refused until each one ends.
                var inFlight = state.transfersInFlight();
                yield inFlight.isEmpty()
                        ? accept(new AccountClosed())
                        : reject("transfers from this account are in flight: " + String.join(", ", inFlight)
                                + "; close it once they have completed or been refunded");
            }
        };
    }

    /** {@code event} when the plain deposit or withdrawal would be accepted; its rejection otherwise. */
    private static Decision<AccountEvent> sameRulesAs(Decision<AccountEvent> plain, AccountEvent event) {
        return switch (plain) {
            case Decision.Accepted<AccountEvent> accepted -> accept(event);
            case Decision.Rejected<AccountEvent> rejected -> rejected;
        };
    }

    private static Decision<AccountEvent> refund(RefundTransfer refund, AccountState state) {
        if (state.applied("refund:" + refund.transferId())) {
            return accept();
        }
        if (!state.applied("debit:" + refund.transferId())) {
            return reject("transfer " + refund.transferId() + " never debited this account");
        }
        // A refund undoes the bank's own debit: it goes through even on a frozen account. A closed account
        // cannot have a transfer in flight (close refuses), so only a history older than that rule lands here.
        return state.status() == CLOSED
                ? reject("account is closed")
                : accept(new TransferRefunded(refund.transferId(), refund.amount()));
    }

    private static Decision<AccountEvent> settle(SettleTransfer settle, AccountState state) {
        if (state.applied("settle:" + settle.transferId())) {
            return accept();
        }
        if (!state.applied("debit:" + settle.transferId())) {
            return reject("transfer " + settle.transferId() + " never debited this account");
        }
        if (state.applied("refund:" + settle.transferId())) {
            return reject("transfer " + settle.transferId() + " was refunded to this account");
        }
        // Moves no money, so neither a frozen nor a closed account refuses it.
        return accept(new TransferSettled(settle.transferId()));
    }

    /** Why no money may move on this account, or null when it may. */
    private static String blockedFromMovingMoney(AccountState state) {
        return switch (state.status()) {
            case CLOSED -> "account is closed";
            case FROZEN -> "account is frozen";
            case OPEN, NOT_OPENED -> null;
        };
    }

    @Override
    public AccountState evolve(AccountState state, AccountEvent event) {
        return switch (event) {
            case AccountOpened opened -> new AccountState(OPEN, opened.owner(), 0);
            case Deposited deposited -> state.withBalance(state.balance() + deposited.amount());
            case Withdrawn withdrawn -> state.withBalance(state.balance() - withdrawn.amount());
            case AccountFrozen frozen -> state.withStatus(FROZEN);
            case AccountUnfrozen unfrozen -> state.withStatus(OPEN);
            case AccountClosed closed -> state.withStatus(CLOSED);
            case TransferDebited debited ->
                state.afterTransferStep("debit:" + debited.transferId(), state.balance() - debited.amount());
            case TransferCredited credited ->
                state.afterTransferStep("credit:" + credited.transferId(), state.balance() + credited.amount());
            case TransferRefunded refunded ->
                state.afterTransferStep("refund:" + refunded.transferId(), state.balance() + refunded.amount());
            case TransferSettled settled -> state.afterTransferStep("settle:" + settled.transferId(), state.balance());
        };
    }
}
