package dev.annals.example.bank.account;

/**
 * What has happened to a bank account. Amounts are in minor units (cents).
 *
 * <p>Stored names and schema versions are declared in {@link AccountEvents}, not taken from these
 * class names.
 */
public sealed interface AccountEvent {

    /** The account was opened for {@code owner}. Schema v2; v1 also carried an initial deposit. */
    record AccountOpened(String owner) implements AccountEvent {}

    /** {@code amount} cents were deposited. Schema v2; v1 called the field {@code cents}. */
    record Deposited(long amount) implements AccountEvent {}

    /** {@code amount} cents were withdrawn. */
    record Withdrawn(long amount) implements AccountEvent {}

    /** The account was frozen for {@code reason}. */
    record AccountFrozen(String reason) implements AccountEvent {}

    /** The account was unfrozen. */
    record AccountUnfrozen() implements AccountEvent {}

    /** The account was closed. */
    record AccountClosed() implements AccountEvent {}

    /** {@code amount} cents left the account for transfer {@code transferId}. */
    record TransferDebited(String transferId, long amount) implements AccountEvent {}

    /** {@code amount} cents arrived by transfer {@code transferId}. */
    record TransferCredited(String transferId, long amount) implements AccountEvent {}

    /** {@code amount} cents debited for transfer {@code transferId} came back because its credit failed. */
    record TransferRefunded(String transferId, long amount) implements AccountEvent {}

    /**
     * Transfer {@code transferId}, debited from this account, was credited to its target: it can no longer
     * come back as a refund, so it no longer holds the account open. Moves no money.
     */
    record TransferSettled(String transferId) implements AccountEvent {}
}
