package dev.annals.example.bank.transfer;

/** Where a transfer is in its life. */
public enum TransferStatus {
    NOT_REQUESTED,
    REQUESTED,
    DEBITED,
    COMPLETED,
    FAILED,
    CREDIT_REJECTED,
    COMPENSATED
}
