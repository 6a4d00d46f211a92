package dev.annals.example.bank.account;

import static java.util.Objects.requireNonNull;

/**
 * What a decision about an account needs to know.
 *
 * @param status  where the account is in its life
 * @param owner   who it belongs to; empty until it is opened
 * @param balance its balance in cents, never negative
 */
public record AccountState(AccountStatus status, String owner, long balance) {

    /** The state of an account that has not been opened. */
    public static final AccountState NOT_OPENED = new AccountState(AccountStatus.NOT_OPENED, "", 0);

    public AccountState {
        requireNonNull(status, "status");
        requireNonNull(owner, "owner");
    }

    /** This state with {@code newStatus}. */
    public AccountState withStatus(AccountStatus newStatus) {
        return new AccountState(newStatus, owner, balance);
    }

    /** This state with {@code newBalance} cents. */
    public AccountState withBalance(long newBalance) {
        return new AccountState(status, owner, newBalance);
    }
}
