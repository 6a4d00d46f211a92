package dev.annals.example.bank.transfer;

/**
 * What can be asked of a transfer. Only {@link RequestTransfer} comes from people; the others are the
 * {@link TransferProcess} recording what the accounts answered.
 */
public sealed interface TransferCommand {

    /** Move {@code amount} cents from account stream {@code source} to account stream {@code target}. */
    record RequestTransfer(String source, String target, long amount) implements TransferCommand {}

    /** The source account was debited. */
    record RecordDebit() implements TransferCommand {}

    /** The source account refused the debit, for {@code reason}. */
    record RecordDebitRejected(String reason) implements TransferCommand {}

    /** The target account was credited. */
    record RecordCredit() implements TransferCommand {}

    /** The target account refused the credit, for {@code reason}. */
    record RecordCreditRejected(String reason) implements TransferCommand {}

    /** The source account got its money back. */
    record RecordRefund() implements TransferCommand {}
}
