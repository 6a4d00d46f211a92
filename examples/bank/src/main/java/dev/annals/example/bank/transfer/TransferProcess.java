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
import dev.annals.example.bank.transfer.TransferCommand.RecordCredit;
import dev.annals.example.bank.transfer.TransferCommand.RecordCreditRejected;
import dev.annals.example.bank.transfer.TransferCommand.RecordDebit;
import dev.annals.example.bank.transfer.TransferCommand.RecordDebitRejected;
import dev.annals.example.bank.transfer.TransferCommand.RecordRefund;
import dev.annals.example.bank.transfer.TransferEvent.CreditRejected;
import dev.annals.example.bank.transfer.TransferEvent.SourceDebited;
import dev.annals.example.bank.transfer.TransferEvent.TransferRequested;
import dev.annals.projection.Projection;
import dev.annals.store.EventStore;
import dev.annals.store.ReadSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.function.Function;

import static java.util.Objects.requireNonNull;

/**
 * The process manager of transfers: it reads transfer events and sends the accounts what comes next.
 *
 * <pre>
 * TransferRequested -> debit the source   -> accepted: SourceDebited   | rejected: DebitRejected (failed)
 * SourceDebited     -> credit the target  -> accepted: TransferCompleted | rejected: CreditRejected
 * CreditRejected    -> refund the source  -> SourceRefunded (compensated)
 * </pre>
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
                .on(TransferRequested.class, (event, context) -> debit(envelope.apply(context).stream(), event))
                .on(SourceDebited.class, (event, context) -> credit(envelope.apply(context).stream()))
                .on(CreditRejected.class, (event, context) -> refund(envelope.apply(context).stream()))
                .build();
    }

    private void debit(String transfer, TransferRequested requested) {
        var outcome = send(requested.source(), new AccountCommand.DebitForTransfer(transfer, requested.amount()), transfer);
        record(transfer, switch (outcome) {
            case CommandOutcome.Accepted<AccountEvent> accepted -> new RecordDebit();
            case CommandOutcome.Rejected<AccountEvent> rejected -> new RecordDebitRejected(rejected.reason());
        });
    }

    private void credit(String transfer) {
        var state = transferStates.current(transfer).state();
        var outcome = send(state.target(), new AccountCommand.CreditForTransfer(transfer, state.amount()), transfer);
        record(transfer, switch (outcome) {
            case CommandOutcome.Accepted<AccountEvent> accepted -> new RecordCredit();
            case CommandOutcome.Rejected<AccountEvent> rejected -> new RecordCreditRejected(rejected.reason());
        });
    }

    private void refund(String transfer) {
        var state = transferStates.current(transfer).state();
        var outcome = send(state.source(), new AccountCommand.RefundTransfer(transfer, state.amount()), transfer);
        if (outcome instanceof CommandOutcome.Rejected<AccountEvent> rejected) {
            // Thrown so that the event is retried and, failing that, parked for a person to look at.
            throw new IllegalStateException("refund of " + transfer + " to " + state.source() + " refused: "
                    + rejected.reason());
        }
        record(transfer, new RecordRefund());
    }

    private CommandOutcome<AccountEvent> send(String account, AccountCommand command, String transfer) {
        var outcome = accounts.handle(account, CommandMessage.of(command, Metadata.empty().withCorrelationId(transfer)));
        LOG.debug("transfer {}: {} on {} -> {}", transfer, command, account, outcome);
        return outcome;
    }

    private void record(String transfer, TransferCommand command) {
        transfers.handle(transfer, CommandMessage.of(command, Metadata.empty().withCorrelationId(transfer)));
    }
}
