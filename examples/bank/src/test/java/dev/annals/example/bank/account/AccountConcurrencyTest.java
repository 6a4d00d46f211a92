package dev.annals.example.bank.account;

import dev.annals.decider.CommandOutcome;
import dev.annals.decider.RetriesExhaustedException;
import dev.annals.decider.RetryPolicy;
import dev.annals.event.RecordedEvent;
import dev.annals.example.bank.Bank;
import dev.annals.example.bank.account.AccountCommand.Deposit;
import dev.annals.example.bank.account.AccountCommand.OpenAccount;
import dev.annals.example.bank.account.AccountCommand.Withdraw;
import dev.annals.store.memory.InMemoryEventStore;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Many handlers race on one account over one store: optimistic concurrency must apply each accepted
 * command exactly once, on the state it was decided on, and never let two appends succeed from the same
 * version.
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class AccountConcurrencyTest {

    private static final int THREADS = 8;
    private static final int COMMANDS_PER_THREAD = 25;
    private static final String ACCOUNT = "account-1";
    private static final long OPENING_DEPOSIT = 50_00;

    private final InMemoryEventStore store = new InMemoryEventStore();
    private final ConcurrentLinkedQueue<Applied> applied = new ConcurrentLinkedQueue<>();
    private final AtomicInteger rejected = new AtomicInteger();
    private final AtomicInteger exhausted = new AtomicInteger();

    private record Applied(AccountCommand command, CommandOutcome.Accepted<AccountEvent> outcome) {}

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void racing_handlers_apply_every_accepted_command_once_and_the_balance_adds_up() throws Exception {
        var setup = Bank.ACCOUNTS.handler(store);
        setup.handle(ACCOUNT, new OpenAccount("Ann"));
        setup.handle(ACCOUNT, new Deposit(OPENING_DEPOSIT));

        race();

        var stream = readStream();
        var accepted = List.copyOf(applied);
        assertThat(accepted.size() + rejected.get() + exhausted.get()).isEqualTo(THREADS * COMMANDS_PER_THREAD);
        assertThat(rejected.get()).as("overdrafts refused").isPositive();
        assertThat(accepted.stream().mapToInt(a -> a.outcome().attempts() - 1).sum())
                .as("conflicts met and retried")
                .isPositive();

        // Applied once: each accepted command's event is in the stream exactly once, and nothing else is.
        var idsInStream = stream.stream().map(RecordedEvent::eventId).toList();
        var acceptedIds =
                accepted.stream().flatMap(a -> a.outcome().eventIds().stream()).toList();
        assertThat(idsInStream).doesNotHaveDuplicates().hasSize(2 + acceptedIds.size());
        assertThat(idsInStream.subList(2, idsInStream.size())).containsExactlyInAnyOrderElementsOf(acceptedIds);

        // Never two successes from the same version: every accepted append has its own new version.
        assertThat(accepted.stream().map(a -> a.outcome().streamVersion()).toList())
                .doesNotHaveDuplicates();

        long expectedBalance = OPENING_DEPOSIT
                + accepted.stream().mapToLong(a -> signedAmount(a.command())).sum();
        var folded = Bank.ACCOUNTS.states(store).current(ACCOUNT);
        assertThat(folded.state().balance()).isEqualTo(expectedBalance);
        assertThat(folded.version()).isEqualTo(stream.size() - 1);
        assertNeverOverdrawn(stream);
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void threads_sharing_one_handler_queue_their_commands_on_an_account_instead_of_racing() throws Exception {
        var shared = Bank.ACCOUNTS.handler(store, new RetryPolicy(1_000));
        shared.handle(ACCOUNT, new OpenAccount("Ann"));
        shared.handle(ACCOUNT, new Deposit(OPENING_DEPOSIT));

        race(() -> shared);

        var accepted = List.copyOf(applied);
        assertThat(accepted.size() + rejected.get()).isEqualTo(THREADS * COMMANDS_PER_THREAD);
        assertThat(accepted)
                .as("no command lost a race")
                .allSatisfy(a -> assertThat(a.outcome().attempts()).isOne());
        long expectedBalance = OPENING_DEPOSIT
                + accepted.stream().mapToLong(a -> signedAmount(a.command())).sum();
        assertThat(Bank.ACCOUNTS.states(store).current(ACCOUNT).state().balance())
                .isEqualTo(expectedBalance);
        assertNeverOverdrawn(readStream());
    }

    private void race() throws Exception {
        // A handler per thread, as separate processes would each have their own.
        race(() -> Bank.ACCOUNTS.handler(store, new RetryPolicy(1_000)));
    }

    private void race(
            java.util.function.Supplier<dev.annals.decider.CommandHandler<AccountCommand, ?, AccountEvent>> handlers)
            throws Exception {
        var start = new CountDownLatch(1);
        try (var pool = Executors.newFixedThreadPool(THREADS)) {
            var futures = new ArrayList<Future<?>>();
            for (int t = 0; t < THREADS; t++) {
                var random = new Random(t);
                var handler = handlers.get();
                futures.add(pool.submit(() -> {
                    start.await();
                    for (int i = 0; i < COMMANDS_PER_THREAD; i++) {
                        AccountCommand command = random.nextBoolean()
                                ? new Deposit(1 + random.nextInt(10_00))
                                : new Withdraw(1 + random.nextInt(20_00));
                        try {
                            switch (handler.handle(ACCOUNT, command)) {
                                case CommandOutcome.Accepted<AccountEvent> ok -> applied.add(new Applied(command, ok));
                                case CommandOutcome.Rejected<AccountEvent> no -> rejected.incrementAndGet();
                            }
                        } catch (RetriesExhaustedException e) {
                            exhausted.incrementAndGet();
                        }
                    }
                    return null;
                }));
            }
            start.countDown();
            for (var future : futures) {
                future.get(60, TimeUnit.SECONDS);
            }
        }
    }

    private static long signedAmount(AccountCommand command) {
        return switch (command) {
            case Deposit deposit -> deposit.amount();
            case Withdraw withdraw -> -withdraw.amount();
            default -> throw new IllegalArgumentException("not raced: " + command);
        };
    }

    private void assertNeverOverdrawn(List<RecordedEvent> stream) {
        long balance = 0;
        for (var recorded : stream) {
            for (var event : AccountEvents.codec().decode(recorded)) {
                balance += switch (event) {
                    case AccountEvent.Deposited d -> d.amount();
                    case AccountEvent.Withdrawn w -> -w.amount();
                    default -> 0;
                };
                assertThat(balance)
                        .as("balance after version %d", recorded.streamVersion())
                        .isNotNegative();
            }
        }
    }

    private List<RecordedEvent> readStream() {
        try (var events = store.readStream(ACCOUNT)) {
            return events.toList();
        }
    }
}
