package dev.annals.example.bank.account;

/**
 * What can be asked of a bank account. Amounts are in minor units (cents): exact, never floating point.
 */
public sealed interface AccountCommand {

    /** Opens the account for {@code owner}. */
    record OpenAccount(String owner) implements AccountCommand {}

    /** Puts {@code amount} cents into the account. */
    record Deposit(long amount) implements AccountCommand {}

    /** Takes {@code amount} cents out of the account; the balance may not go below zero. */
    record Withdraw(long amount) implements AccountCommand {}

    /** Stops deposits and withdrawals until the account is unfrozen, for {@code reason}. */
    record FreezeAccount(String reason) implements AccountCommand {}

    /** Lets a frozen account move money again. */
    record UnfreezeAccount() implements AccountCommand {}

    /** Closes the account for good; its balance must be zero and no transfer from it may be in flight. */
    record CloseAccount() implements AccountCommand {}

    /** Takes {@code amount} cents out for transfer {@code transferId}; doing it again for the same transfer does nothing. */
    record DebitForTransfer(String transferId, long amount) implements AccountCommand {}

    /** Puts {@code amount} cents in for transfer {@code transferId}; idempotent per transfer. */
    record CreditForTransfer(String transferId, long amount) implements AccountCommand {}

    /** Gives back {@code amount} cents debited for transfer {@code transferId} whose credit failed; idempotent. */
    record RefundTransfer(String transferId, long amount) implements AccountCommand {}

    /** Records that transfer {@code transferId}, debited here, reached its target; idempotent. */
    record SettleTransfer(String transferId) implements AccountCommand {}
}
