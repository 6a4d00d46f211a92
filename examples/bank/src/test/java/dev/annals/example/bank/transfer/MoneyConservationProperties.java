package dev.annals.example.bank.transfer;

import dev.annals.decider.CommandOutcome;
import dev.annals.example.bank.Bank;
import dev.annals.example.bank.account.AccountCommand;
import dev.annals.example.bank.account.AccountEvent;
import dev.annals.example.bank.projection.BalancesQuery;
import dev.annals.example.bank.projection.BankReadSide;
import dev.annals.example.bank.transfer.TransferCommand.RequestTransfer;
import dev.annals.projection.ProjectionOptions;
import dev.annals.store.EventStore;
import dev.annals.store.jdbc.projection.JdbcReadModels;
import dev.annals.store.sqlite.SqliteEventStore;
import dev.annals.store.sqlite.SqliteProjections;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;
import net.jqwik.api.Tuple;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The bank keeps its money under random commands sent by several threads at once, on a real SQLite store
 * with the transfer process and the read models running: once the process manager has caught up, every
 * transfer has completed, failed (nothing moved) or been refunded, no event is parked, and the accounts'
 * balances plus the money in flight equal what was deposited minus what was withdrawn.
 *
 * <p>Closes race with transfers that take a whole balance, and some targets are no account at all
 * ({@code transfer-1}, {@code $all}, {@code ""}) or one never opened: the two ways the bank used to lose
 * money (ADR 0021).
 */
class MoneyConservationProperties {

    private static final int ACCOUNTS = 4;
    private static final int THREADS = 4;
    private static final long OPENING_DEPOSIT = 100_00;
    private static final Set<TransferStatus> ENDED =
            Set.of(TransferStatus.COMPLETED, TransferStatus.FAILED, TransferStatus.COMPENSATED);

    /** One thing a customer does, on accounts numbered 1 to {@value #ACCOUNTS}. */
    sealed interface Step {}

    record Deposit(int account, long amount) implements Step {}

    record Withdraw(int account, long amount) implements Step {}

    record Transfer(int source, String target, long amount) implements Step {}

    /** A transfer of the source's whole balance, which a close of the source may race. */
    record TransferAll(int source, int target) implements Step {}

    /** Withdraw whatever is left, then close. */
    record Close(int account) implements Step {}

    record Freeze(int account) implements Step {}

    record Unfreeze(int account) implements Step {}

    // Threads make a run irreproducible, so shrinking would chase a different interleaving each time.
    @Property(tries = 8, shrinking = ShrinkingMode.OFF)
    void money_is_conserved_and_no_transfer_is_stuck(@ForAll("steps") List<Step> steps) throws Exception {
        Path data = Files.createTempDirectory("bank-money");
        try (var store = SqliteEventStore.open(data)) {
            var readModels = SqliteProjections.readModels(data);
            try (var readSide = BankReadSide.start(
                    store,
                    readModels,
                    ProjectionOptions.defaults()
                            .withMeterRegistry(new SimpleMeterRegistry())
                            .withControlInterval(Duration.ofMillis(100)))) {
                var bank = new Customers(store);
                bank.openAccounts();
                bank.runConcurrently(steps);

                awaitTheProcessManager(store, readModels, readSide, bank.transfers);

                assertNothingParked(readModels);
                assertEveryTransferEnded(store, bank.transfers);
                assertMoneyIsConserved(store, readModels, bank);
            }
        } finally {
            deleteRecursively(data);
        }
    }

    @Provide
    Arbitrary<List<Step>> steps() {
        Arbitrary<Integer> account = Arbitraries.integers().between(1, ACCOUNTS);
        Arbitrary<Long> amount = Arbitraries.longs().between(1, 60_00);
        Arbitrary<String> target = Arbitraries.frequencyOf(
                Tuple.of(8, account.map(n -> "account-" + n)),
                Tuple.of(2, Arbitraries.of("transfer-1", "$all", "", "account-99")));
        Arbitrary<Step> step = Arbitraries.frequencyOf(
                Tuple.of(3, Combinators.combine(account, amount).as(Deposit::new)),
                Tuple.of(2, Combinators.combine(account, amount).as(Withdraw::new)),
                Tuple.of(5, Combinators.combine(account, target, amount).as(Transfer::new)),
                Tuple.of(3, Combinators.combine(account, account).as(TransferAll::new)),
                Tuple.of(3, account.map(Close::new)),
                Tuple.of(1, account.map(Freeze::new)),
                Tuple.of(1, account.map(Unfreeze::new)));
        return step.list().ofMinSize(10).ofMaxSize(50);
    }

    /** Waits until the process manager is done, or until something is parked (which fails the property). */
    private static void awaitTheProcessManager(
            EventStore store, JdbcReadModels readModels, BankReadSide readSide, List<String> transfers) {
        var states = Bank.TRANSFERS.states(store);
        try (var bookkeeping = readModels.states()) {
            await().atMost(Duration.ofSeconds(60))
                    .until(() -> !bookkeeping.deadLetters(Optional.empty()).isEmpty()
                            || transfers.stream()
                                    .allMatch(t -> ENDED.contains(
                                            states.current(t).state().status())));
        }
        readSide.awaitQuiet(store, Duration.ofSeconds(30));
    }

    private static void assertNothingParked(JdbcReadModels readModels) {
        try (var bookkeeping = readModels.states()) {
            assertThat(bookkeeping.deadLetters(Optional.empty()))
                    .as("dead letters")
                    .isEmpty();
        }
    }

    private static void assertEveryTransferEnded(EventStore store, List<String> transfers) {
        var states = Bank.TRANSFERS.states(store);
        for (String transfer : transfers) {
            assertThat(states.current(transfer).state().status()).as(transfer).isIn(ENDED);
        }
    }

    private static void assertMoneyIsConserved(EventStore store, JdbcReadModels readModels, Customers bank) {
        var accounts = Bank.ACCOUNTS.states(store);
        long balances = 0;
        for (String account : Customers.names()) {
            var state = accounts.current(account).state();
            assertThat(state.transfersInFlight())
                    .as("transfers in flight from " + account)
                    .isEmpty();
            balances += state.balance();
        }
        var transfers = Bank.TRANSFERS.states(store);
        long inFlight = bank.transfers.stream()
                .map(t -> transfers.current(t).state())
                .filter(t -> t.status() == TransferStatus.DEBITED || t.status() == TransferStatus.CREDIT_REJECTED)
                .mapToLong(TransferState::amount)
                .sum();

        assertThat(balances + inFlight)
                .as("balances + in flight")
                .isEqualTo(bank.deposited.get() - bank.withdrawn.get());
        // The balances read model tells the same story as the accounts' own streams.
        long readModel = new BalancesQuery(readModels)
                .all().stream().mapToLong(b -> b.balance()).sum();
        assertThat(readModel).as("balances read model").isEqualTo(balances);
    }

    /** Sends the steps and keeps the books: what was deposited and withdrawn, and which transfers exist. */
    private static final class Customers {

        private final EventStore store;
        private final AtomicLong deposited = new AtomicLong();
        private final AtomicLong withdrawn = new AtomicLong();
        private final AtomicInteger transferIds = new AtomicInteger();
        private final List<String> transfers = new ArrayList<>();
        private final ConcurrentLinkedQueue<String> requested = new ConcurrentLinkedQueue<>();

        Customers(EventStore store) {
            this.store = store;
        }

        static List<String> names() {
            return IntStream.rangeClosed(1, ACCOUNTS).mapToObj(Customers::name).toList();
        }

        static String name(int account) {
            return "account-" + account;
        }

        void openAccounts() {
            for (String account : names()) {
                Bank.ACCOUNTS.handler(store).handle(account, new AccountCommand.OpenAccount("owner of " + account));
                deposit(account, OPENING_DEPOSIT);
            }
        }

        /** Deals the steps out to {@value #THREADS} threads, in turn, and runs them at once. */
        void runConcurrently(List<Step> steps) throws Exception {
            var start = new CountDownLatch(1);
            try (var pool = Executors.newFixedThreadPool(THREADS)) {
                var running = new ArrayList<Future<?>>();
                for (int t = 0; t < THREADS; t++) {
                    int thread = t;
                    running.add(pool.submit(() -> {
                        start.await();
                        for (int i = thread; i < steps.size(); i += THREADS) {
                            run(steps.get(i));
                        }
                        return null;
                    }));
                }
                start.countDown();
                for (var future : running) {
                    future.get();
                }
            }
            transfers.addAll(requested);
        }

        private void run(Step step) {
            switch (step) {
                case Deposit d -> deposit(name(d.account()), d.amount());
                case Withdraw w -> withdraw(name(w.account()), w.amount());
                case Transfer t -> transfer(name(t.source()), t.target(), t.amount());
                case TransferAll t ->
                    transfer(name(t.source()), name(t.target()), Math.max(1, balance(name(t.source()))));
                case Close c -> {
                    long left = balance(name(c.account()));
                    if (left > 0) {
                        withdraw(name(c.account()), left);
                    }
                    send(name(c.account()), new AccountCommand.CloseAccount());
                }
                case Freeze f -> send(name(f.account()), new AccountCommand.FreezeAccount("property test"));
                case Unfreeze u -> send(name(u.account()), new AccountCommand.UnfreezeAccount());
            }
        }

        private void deposit(String account, long amount) {
            if (send(account, new AccountCommand.Deposit(amount))) {
                deposited.addAndGet(amount);
            }
        }

        private void withdraw(String account, long amount) {
            if (send(account, new AccountCommand.Withdraw(amount))) {
                withdrawn.addAndGet(amount);
            }
        }

        private void transfer(String source, String target, long amount) {
            String transfer = Bank.TRANSFERS.stream(Integer.toString(transferIds.incrementAndGet()));
            var outcome = Bank.TRANSFERS.handler(store).handle(transfer, new RequestTransfer(source, target, amount));
            if (outcome instanceof CommandOutcome.Accepted<TransferEvent>) {
                requested.add(transfer);
            }
        }

        private boolean send(String account, AccountCommand command) {
            return Bank.ACCOUNTS.handler(store).handle(account, command)
                    instanceof CommandOutcome.Accepted<AccountEvent>;
        }

        private long balance(String account) {
            return Bank.ACCOUNTS.states(store).current(account).state().balance();
        }
    }

    private static void deleteRecursively(Path directory) throws IOException {
        try (Stream<Path> paths = Files.walk(directory)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}
