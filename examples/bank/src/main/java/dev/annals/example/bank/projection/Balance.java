package dev.annals.example.bank.projection;

import static java.util.Objects.requireNonNull;

/**
 * One row of the {@code balances} read model.
 *
 * @param account the account's stream, such as {@code account-1}
 * @param owner   who it belongs to
 * @param balance its balance in cents
 * @param status  {@code OPEN}, {@code FROZEN} or {@code CLOSED}
 */
public record Balance(String account, String owner, long balance, String status) {

    public Balance {
        requireNonNull(account, "account");
        requireNonNull(owner, "owner");
        requireNonNull(status, "status");
    }
}
