package dev.annals.example.bank.account;

/** Where an account is in its life. */
public enum AccountStatus {
    /** No account has been opened on this stream. */
    NOT_OPENED,
    /** Open: money may move. */
    OPEN,
    /** Frozen: no money moves until it is unfrozen. */
    FROZEN,
    /** Closed for good. */
    CLOSED
}
