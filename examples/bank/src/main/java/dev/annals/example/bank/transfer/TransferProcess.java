package dev.annals.example.bank.transfer;

import dev.annals.decider.CommandHandler;
import dev.annals.decider.CommandMessage;
import dev.annals.decider.CommandOutcome;
import dev.annals.decider.StateLoader;
import dev.annals.event.Metadata;
import dev.annals.event.RecordedEvent;
import dev.annals.example.bank.Bank;
import dev.annals.example.bank.account.AccountCommand;
import dev.annals.example.bank.account.AccountEvent;
import dev.annals.example.bank.account.AccountState;
import dev.annals.example.bank.account.AccountStreams;
import dev.annals.example.bank.transfer.TransferCommand.RecordCredit;
import dev.annals.example.bank.transfer.TransferCommand.RecordCreditRejected;
import dev.annals.example.bank.transfer.TransferCommand.RecordDebit;
import dev.annals.example.bank.transfer.TransferCommand.RecordDebitRejected;
import dev.annals.example.bank.transfer.TransferCommand.RecordRefund;
import dev.annals.example.bank.transfer.TransferEvent.CreditRejected;
import dev.annals.example.bank.transfer.TransferEvent.SourceDebited;
import dev.annals.example.bank.transfer.TransferEvent.TransferCompleted;
import dev.annals.example.bank.transfer.TransferEvent.TransferRequested;
import dev.annals.projection.Projection;
import dev.annals.store.EventStore;
import dev.annals.store.ReadSource;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import static java.util.Objects.requireNonNull;

/**
 * The process manager of transfers: it reads transfer events and sends the accounts what comes next.
 *
 * <pre>
 * TransferRequested -> debit the source   -> accepted: SourceDebited   | rejected: DebitRejected (failed)
 * SourceDebited     -> credit the target  -> accepted: TransferCompleted | rejected: CreditRejected
 * CreditRejected    -> refund the source  -> SourceRefunded (compensated)
 * TransferCompleted -> settle the source  (the source may close again once nothing of it is in flight)
 * </pre>
 *
 * <p>Compensation cannot be refused: the source refuses to close while a transfer from it is in flight
 * (ADR 0021), and a transfer names two account streams or is not requested at all. A transfer recorded
 * before that check, whose source or target is no account, fails (or, once debited, is refunded) with
 * the reason rather than being parked.
 *
 * <p>Idempotent under redelivery, so it runs as an at-least-once projection with no read model of its
 * own: the accounts remember which transfer steps they applied (a repeated step writes nothing), and
 * the transfer decider accepts a step it is already past with no events. A crash between the account's
 * write and the transfer's record is therefore repaired by the next delivery.
 */
public final class TransferProcess {

    /** The projection name, for checkpoints and the CLI. */
    public static final String NAME = "transfer-process";

    private static final Logger LOG = LoggerFactory.getLogger(TransferProcess.class);

    private final CommandHandler<AccountCommand, AccountState, AccountEvent> accounts;
    private final CommandHandler<TransferCommand, TransferState, TransferEvent> transfers;
    private final StateLoader<TransferState, TransferEvent> transferStates;

    /** A process manager sending its commands to {@code store}. */
    public TransferProcess(EventStore store) {
        requireNonNull(store, "store");
        this.accounts = Bank.ACCOUNTS.handler(store);
        this.transfers = Bank.TRANSFERS.handler(store);
        this.transferStates = Bank.TRANSFERS.states(store);
    }

    /**
     * The process manager as a projection whose handlers get context {@code C}; {@code envelope} finds the
     * recorded event in it ({@code c -> c} for the recorded event itself, {@code SqlContext::event} for JDBC).
     */
    public <C> Projection<C> projection(Function<C, RecordedEvent> envelope) {
        requireNonNull(envelope, "envelope");
        return Projection.<C>builder(NAME)
                .source(new ReadSource.Category(Bank.TRANSFERS.category()))
                .events(TransferEvents.codec())
                .on(TransferRequested.class, (event, context) -> debit(envelope.apply(context), event))
                .on(SourceDebited.class, (event, context) -> credit(envelope.apply(context)))
                .on(CreditRejected.class, (event, context) -> refund(envelope.apply(context)))
                .on(TransferCompleted.class, (event, context) -> settle(envelope.apply(context)))
                .build();
    }

    private void debit(RecordedEvent cause, TransferRequested requested) {
        String transfer = cause.stream();
        var notAnAccount = TransferDecider.notAnAccount(requested.source(), requested.target());
        if (notAnAccount.isPresent()) {
            record(cause, new RecordDebitRejected(notAnAccount.get()));
            return;
        }
        var outcome =
                send(requested.source(), new AccountCommand.DebitForTransfer(transfer, requested.amount()), cause);
        record(
                cause,
                switch (outcome) {
                    case CommandOutcome.Accepted<AccountEvent> accepted -> new RecordDebit();
                    case CommandOutcome.Rejected<AccountEvent> rejected -> new RecordDebitRejected(rejected.reason());
                });
    }

    private void credit(RecordedEvent cause) {
        String transfer = cause.stream();
        var state = transferStates.current(transfer).state();
        var notAnAccount = AccountStreams.problem("target", state.target());
        if (notAnAccount.isPresent()) {
            record(cause, new RecordCreditRejected(notAnAccount.get()));
            return;
        }
        var outcome = send(state.target(), new AccountCommand.CreditForTransfer(transfer, state.amount()), cause);
        record(
                cause,
                switch (outcome) {
                    case CommandOutcome.Accepted<AccountEvent> accepted -> new RecordCredit();
                    case CommandOutcome.Rejected<AccountEvent> rejected -> new RecordCreditRejected(rejected.reason());
                });
    }

    private void refund(RecordedEvent cause) {
        String transfer = cause.stream();
        var state = transferStates.current(transfer).state();
        var outcome = send(state.source(), new AccountCommand.RefundTransfer(transfer, state.amount()), cause);
        if (outcome instanceof CommandOutcome.Rejected<AccountEvent> rejected) {
            // Thrown so that the event is retried and, failing that, parked for a person to look at.
            throw new IllegalStateException(
                    "refund of " + transfer + " to " + state.source() + " refused: " + rejected.reason());
        }
        record(cause, new RecordRefund());
    }

    private void settle(RecordedEvent cause) {
        String transfer = cause.stream();
        var state = transferStates.current(transfer).state();
        var outcome = send(state.source(), new AccountCommand.SettleTransfer(transfer), cause);
        if (outcome instanceof CommandOutcome.Rejected<AccountEvent> rejected) {
            // Only a history that broke the rules gets here (a debit the source never recorded): park it.
            throw new IllegalStateException(
                    "settlement of " + transfer + " on " + state.source() + " refused: " + rejected.reason());
        }
    }

    private CommandOutcome<AccountEvent> send(String account, AccountCommand command, RecordedEvent cause) {
        var outcome = accounts.handle(account, CommandMessage.of(command, causedBy(cause)));
        LOG.debug(
                "transfer {}: {} on {} caused by event {} -> {}",
                cause.stream(),
                command,
                account,
                cause.eventId(),
                outcome);
        return outcome;
    }

    private void record(RecordedEvent cause, TransferCommand command) {
        transfers.handle(cause.stream(), CommandMessage.of(command, causedBy(cause)));
    }

    /**
     * Every command the process sends carries on the correlation of the transfer event it reacts to (or,
     * for an event without one, the transfer's stream) and is caused by that event, so that the events it
     * leads to link back to it and the whole transfer shares one correlation id.
     */
    private static Metadata causedBy(RecordedEvent cause) {
        return Metadata.empty()
                .withCorrelationId(cause.metadata().correlationId().orElse(cause.stream()))
                .withCausationId(cause.eventId().toString());
    }
}
