package dev.annals.example.bank.transfer;

import dev.annals.decider.Decider;
import dev.annals.decider.Decision;
import dev.annals.example.bank.account.AccountStreams;
import dev.annals.example.bank.transfer.TransferCommand.RecordCredit;
import dev.annals.example.bank.transfer.TransferCommand.RecordCreditRejected;
import dev.annals.example.bank.transfer.TransferCommand.RecordDebit;
import dev.annals.example.bank.transfer.TransferCommand.RecordDebitRejected;
import dev.annals.example.bank.transfer.TransferCommand.RecordRefund;
import dev.annals.example.bank.transfer.TransferCommand.RequestTransfer;
import dev.annals.example.bank.transfer.TransferEvent.CreditRejected;
import dev.annals.example.bank.transfer.TransferEvent.DebitRejected;
import dev.annals.example.bank.transfer.TransferEvent.SourceDebited;
import dev.annals.example.bank.transfer.TransferEvent.SourceRefunded;
import dev.annals.example.bank.transfer.TransferEvent.TransferCompleted;
import dev.annals.example.bank.transfer.TransferEvent.TransferRequested;
import java.util.Optional;

import static dev.annals.decider.Decision.accept;
import static dev.annals.decider.Decision.reject;
import static dev.annals.example.bank.transfer.TransferStatus.COMPENSATED;
import static dev.annals.example.bank.transfer.TransferStatus.COMPLETED;
import static dev.annals.example.bank.transfer.TransferStatus.CREDIT_REJECTED;
import static dev.annals.example.bank.transfer.TransferStatus.DEBITED;
import static dev.annals.example.bank.transfer.TransferStatus.FAILED;
import static dev.annals.example.bank.transfer.TransferStatus.NOT_REQUESTED;
import static dev.annals.example.bank.transfer.TransferStatus.REQUESTED;

/**
 * The life of a transfer: requested, then debited or failed, then completed or credit-rejected, then
 * compensated. A step recorded again once the transfer is past it is accepted with no events, so the
 * process manager may repeat itself after a redelivery.
 */
public final class TransferDecider implements Decider<TransferCommand, TransferState, TransferEvent> {

    @Override
    public TransferState initialState() {
        return TransferState.NONE;
    }

    @Override
    public Decision<TransferEvent> decide(TransferCommand command, TransferState state) {
        return switch (command) {
            case RequestTransfer request -> request(request, state);
            case RecordDebit debit -> step(state, REQUESTED, new SourceDebited());
            case RecordDebitRejected rejected -> step(state, REQUESTED, new DebitRejected(rejected.reason()));
            case RecordCredit credit -> step(state, DEBITED, new TransferCompleted());
            case RecordCreditRejected rejected -> step(state, DEBITED, new CreditRejected(rejected.reason()));
            case RecordRefund refund -> step(state, CREDIT_REJECTED, new SourceRefunded());
        };
    }

    private static Decision<TransferEvent> request(RequestTransfer request, TransferState state) {
        if (state.status() != NOT_REQUESTED) {
            return reject("transfer was already requested");
        }
        if (request.amount() <= 0) {
            return reject("amount must be positive, was " + request.amount());
        }
        // Checked here, before anything moves: a debited transfer whose target cannot hold an account
        // would have nowhere to put the money.
        var notAnAccount = notAnAccount(request.source(), request.target());
        if (notAnAccount.isPresent()) {
            return reject(notAnAccount.get());
        }
        if (request.source().equals(request.target())) {
            return reject("source and target must differ");
        }
        return accept(new TransferRequested(request.source(), request.target(), request.amount()));
    }

    /** Why {@code source} or {@code target} is not an account's stream; empty when both are. */
    static Optional<String> notAnAccount(String source, String target) {
        return AccountStreams.problem("source", source).or(() -> AccountStreams.problem("target", target));
    }

    /** {@code event} when the transfer is at {@code expected}; nothing when it is already past it. */
    private static Decision<TransferEvent> step(TransferState state, TransferStatus expected, TransferEvent event) {
        if (state.status() == expected) {
            return accept(event);
        }
        if (state.status().ordinal() > expected.ordinal()) {
            return accept();
        }
        return reject("transfer is " + state.status() + ", not " + expected);
    }

    @Override
    public TransferState evolve(TransferState state, TransferEvent event) {
        return switch (event) {
            case TransferRequested requested ->
                new TransferState(REQUESTED, requested.source(), requested.target(), requested.amount(), "");
            case SourceDebited debited -> state.with(DEBITED, "");
            case DebitRejected rejected -> state.with(FAILED, rejected.reason());
            case TransferCompleted completed -> state.with(COMPLETED, "");
            case CreditRejected rejected -> state.with(CREDIT_REJECTED, rejected.reason());
            case SourceRefunded refunded -> state.with(COMPENSATED, state.reason());
        };
    }
}
