package dev.annals.example.bank.account;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static java.util.Objects.requireNonNull;

/**
 * What a decision about an account needs to know.
 *
 * @param status  where the account is in its life
 * @param owner   who it belongs to; empty until it is opened
 * @param balance       its balance in cents, never negative
 * @param transferSteps the transfer steps already applied ({@code debit:ID}, {@code credit:ID},
 *                      {@code refund:ID}, {@code settle:ID}), so that a step delivered again changes nothing
 */
public record AccountState(
        AccountStatus status,
        String owner,
        long balance,
        @JsonInclude(JsonInclude.Include.NON_EMPTY) Set<String> transferSteps) {

    /** The state of an account that has not been opened. */
    public static final AccountState NOT_OPENED = new AccountState(AccountStatus.NOT_OPENED, "", 0);

    public AccountState {
        requireNonNull(status, "status");
        requireNonNull(owner, "owner");
        transferSteps = Set.copyOf(transferSteps);
    }

    /** A state that has taken part in no transfer. */
    public AccountState(AccountStatus status, String owner, long balance) {
        this(status, owner, balance, Set.of());
    }

    /** This state with {@code newStatus}. */
    public AccountState withStatus(AccountStatus newStatus) {
        return new AccountState(newStatus, owner, balance, transferSteps);
    }

    /** This state with {@code newBalance} cents. */
    public AccountState withBalance(long newBalance) {
        return new AccountState(status, owner, newBalance, transferSteps);
    }

    /** True when transfer step {@code step} ({@code debit:ID}...) was applied already. */
    public boolean applied(String step) {
        return transferSteps.contains(step);
    }

    /**
     * The transfers debited from this account that are still in flight: neither refunded nor settled, so
     * their money may yet have to come back here. Sorted by id.
     */
    public List<String> transfersInFlight() {
        return transferSteps.stream()
                .filter(step -> step.startsWith("debit:"))
                .map(step -> step.substring(6))
                .filter(id -> !applied("refund:" + id) && !applied("settle:" + id))
                .sorted()
                .toList();
    }

    /** This state with {@code newBalance} cents after transfer step {@code step}. */
    public AccountState afterTransferStep(String step, long newBalance) {
        var steps = new HashSet<>(transferSteps);
        steps.add(step);
        return new AccountState(status, owner, newBalance, steps);
    }
}
