package dev.annals.example.bank.transfer;

/** What has happened to a transfer; stored names are declared in {@link TransferEvents}. */
public sealed interface TransferEvent {

    /** A transfer of {@code amount} cents from {@code source} to {@code target} was asked for. */
    record TransferRequested(String source, String target, long amount) implements TransferEvent {}

    /** The source was debited. */
    record SourceDebited() implements TransferEvent {}

    /** The source refused the debit; the transfer failed and nothing moved. */
    record DebitRejected(String reason) implements TransferEvent {}

    /** The target was credited: the transfer is done. */
    record TransferCompleted() implements TransferEvent {}

    /** The target refused the credit (closed or frozen); the source is to be refunded. */
    record CreditRejected(String reason) implements TransferEvent {}

    /** The source got its money back: the transfer was compensated. */
    record SourceRefunded() implements TransferEvent {}
}
