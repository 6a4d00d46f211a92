package dev.annals.example.bank.demo;

import dev.annals.decider.CommandHandler;
import dev.annals.decider.CommandMessage;
import dev.annals.decider.CommandOutcome;
import dev.annals.decider.StateJson;
import dev.annals.decider.StateLoader;
import dev.annals.event.Metadata;
import dev.annals.event.RecordedEvent;
import dev.annals.example.bank.Bank;
import dev.annals.example.bank.account.AccountCommand;
import dev.annals.example.bank.account.AccountCommand.Deposit;
import dev.annals.example.bank.account.AccountCommand.OpenAccount;
import dev.annals.example.bank.account.AccountCommand.Withdraw;
import dev.annals.example.bank.account.AccountEvent;
import dev.annals.example.bank.account.AccountState;
import dev.annals.store.Direction;
import dev.annals.store.EventStore;
import dev.annals.store.jdbc.projection.JdbcReadModels;
import java.io.PrintStream;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * The bank scenario that {@code annals demo} runs, on any event store: two accounts are opened, money
 * is deposited and withdrawn, an overdraft is rejected with its reason, and the first account is shown
 * as it was before its last withdrawal. Every command is printed with its events and their positions.
 * Given a read-model database, it goes on with the read side: projections catching up, a transfer,
 * and a transfer compensated because its target account is frozen.
 *
 * <p>The demo can run again on a store that already holds it: it takes the first pair of account
 * numbers whose streams are still empty ({@code account-1} and {@code account-2} on a fresh store).
 */
public final class BankDemo {

    private final EventStore store;
    private final PrintStream out;
    private final CommandHandler<AccountCommand, AccountState, AccountEvent> accounts;
    private final StateLoader<AccountState, AccountEvent> states;
    private final Optional<JdbcReadModels> readModels;

    /** A demo that runs on {@code store} and prints to {@code out}. */
    public BankDemo(EventStore store, PrintStream out) {
        this(store, out, Optional.empty());
    }

    /**
     * A demo that also runs the read side, with read models in {@code readModels}: the projections catch
     * up, then a transfer completes and another, to a frozen account, is compensated.
     */
    public BankDemo(EventStore store, PrintStream out, JdbcReadModels readModels) {
        this(store, out, Optional.of(requireNonNull(readModels, "readModels")));
    }

    private BankDemo(EventStore store, PrintStream out, Optional<JdbcReadModels> readModels) {
        this.store = requireNonNull(store, "store");
        this.out = requireNonNull(out, "out");
        this.accounts = Bank.ACCOUNTS.handler(store);
        this.states = Bank.ACCOUNTS.states(store);
        this.readModels = readModels;
    }

    /** Runs the scenario and returns what it found; prints as it goes. */
    public DemoSummary run() {
        int first = firstFreeAccountNumber();
        String alice = Bank.ACCOUNTS.stream(Integer.toString(first));
        String bob = Bank.ACCOUNTS.stream(Integer.toString(first + 1));
        out.println("Annals bank demo: amounts are in cents; each event shows stream@version and #position");
        var metadata = Metadata.empty().withUser("demo");
        send(alice, new OpenAccount("Alice"), metadata);
        send(bob, new OpenAccount("Bob"), metadata);
        send(alice, new Deposit(100_00), metadata);
        send(bob, new Deposit(25_00), metadata);
        send(alice, new Withdraw(30_00), metadata);
        send(alice, new Deposit(12_50), metadata);
        var lastWithdrawal = send(alice, new Withdraw(40_00), metadata);
        var overdraft = send(bob, new Withdraw(500_00), metadata);

        long withdrawalVersion = ((CommandOutcome.Accepted<AccountEvent>) lastWithdrawal).streamVersion();
        out.println();
        out.println("Temporal query: " + alice + " as it was before its last withdrawal (version " + withdrawalVersion
                + "):");
        var before = states.stateAtVersion(alice, withdrawalVersion - 1);
        out.println("  " + StateJson.render(before));
        var instant = recordedAt(alice, before.version());
        out.println("The same by time: " + alice + " as of " + instant + ", when version " + before.version()
                + " was recorded:");
        out.println("  " + StateJson.render(states.stateAt(alice, instant)));
        out.println(alice + " now:");
        var now = states.current(alice);
        out.println("  " + StateJson.render(now));
        readModels.ifPresent(database -> new TransferDemo(store, out, database).run(alice, bob));
        return new DemoSummary(alice, bob, ((CommandOutcome.Rejected<AccountEvent>) overdraft).reason(), before, now);
    }

    private CommandOutcome<AccountEvent> send(String stream, AccountCommand command, Metadata metadata) {
        out.println();
        out.println("> " + stream + ": " + command);
        var outcome = accounts.handle(stream, CommandMessage.of(command, metadata));
        switch (outcome) {
            case CommandOutcome.Accepted<AccountEvent> accepted -> {
                out.println("  accepted: " + stream + " is now at version " + accepted.streamVersion() + ", position "
                        + accepted.position());
                for (RecordedEvent event : written(accepted)) {
                    out.println("    " + event.stream() + "@" + event.streamVersion() + " #" + event.position() + " "
                            + event.type() + " " + event.payloadAsString());
                }
            }
            case CommandOutcome.Rejected<AccountEvent> rejected ->
                out.println("  rejected: " + rejected.reason() + " (nothing written)");
        }
        return outcome;
    }

    private List<RecordedEvent> written(CommandOutcome.Accepted<AccountEvent> accepted) {
        try (var events = store.readStream(
                accepted.stream(),
                Direction.FORWARD,
                accepted.firstVersion(),
                accepted.events().size())) {
            return events.toList();
        }
    }

    private Instant recordedAt(String stream, long version) {
        try (var events = store.readStream(stream, Direction.FORWARD, version, 1)) {
            return events.findFirst().orElseThrow().recordedAt();
        }
    }

    private int firstFreeAccountNumber() {
        int number = 1;
        while (!states.current(Bank.ACCOUNTS.stream(Integer.toString(number))).isInitial()
                || !states.current(Bank.ACCOUNTS.stream(Integer.toString(number + 1)))
                        .isInitial()) {
            number += 2;
        }
        return number;
    }
}
