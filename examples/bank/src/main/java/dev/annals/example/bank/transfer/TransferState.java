package dev.annals.example.bank.transfer;

import static java.util.Objects.requireNonNull;

/**
 * What the transfer decider knows.
 *
 * @param status where the transfer is
 * @param source the account stream debited
 * @param target the account stream credited
 * @param amount cents
 * @param reason why it failed or was compensated; empty otherwise
 */
public record TransferState(TransferStatus status, String source, String target, long amount, String reason) {

    /** A transfer not requested yet. */
    public static final TransferState NONE = new TransferState(TransferStatus.NOT_REQUESTED, "", "", 0, "");

    public TransferState {
        requireNonNull(status, "status");
        requireNonNull(source, "source");
        requireNonNull(target, "target");
        requireNonNull(reason, "reason");
    }

    TransferState with(TransferStatus newStatus, String newReason) {
        return new TransferState(newStatus, source, target, amount, newReason);
    }
}
