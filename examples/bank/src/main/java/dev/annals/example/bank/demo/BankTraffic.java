package dev.annals.example.bank.demo;

import dev.annals.decider.CommandHandler;
import dev.annals.decider.CommandMessage;
import dev.annals.event.Metadata;
import dev.annals.example.bank.Bank;
import dev.annals.example.bank.account.AccountCommand;
import dev.annals.example.bank.account.AccountEvent;
import dev.annals.example.bank.account.AccountState;
import dev.annals.example.bank.transfer.TransferCommand.RequestTransfer;
import dev.annals.store.EventStore;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.random.RandomGenerator;
import java.util.stream.IntStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import static java.util.Objects.requireNonNull;

/**
 * Sample traffic for the demo server: a few accounts ({@code account-t1}...) receive deposits, withdrawals
 * and transfers between them at a steady rate, so that the console has something live to show. Runs on
 * the calling thread until that thread is interrupted; a withdrawal or transfer may be refused (too
 * little money), as in life, and counts as a command sent.
 */
public final class BankTraffic implements Runnable {

    /** The highest rate accepted, in commands per second. */
    public static final double MAX_RATE = 10_000;

    private static final Logger LOG = LoggerFactory.getLogger(BankTraffic.class);
    private static final List<String> OWNERS = List.of("Ada", "Grace", "Alan", "Edsger", "Barbara", "Ken");
    private static final Metadata TRAFFIC = Metadata.empty().withUser("traffic");

    private final EventStore store;
    private final double rate;
    private final RandomGenerator random;
    private final CommandHandler<AccountCommand, AccountState, AccountEvent> accounts;
    private final List<String> names;
    private final String runId = Long.toString(System.currentTimeMillis(), 36);
    private final AtomicLong sent = new AtomicLong();

    /**
     * Traffic of {@code rate} commands per second on {@code store}, chosen by {@code random}.
     *
     * @throws IllegalArgumentException when {@code rate} is not above 0 and at most {@link #MAX_RATE}
     */
    public BankTraffic(EventStore store, double rate, RandomGenerator random) {
        this.store = requireNonNull(store, "store");
        this.random = requireNonNull(random, "random");
        if (!(rate > 0 && rate <= MAX_RATE)) {
            throw new IllegalArgumentException(
                    "traffic rate must be above 0 and at most " + MAX_RATE + " commands per second, was " + rate);
        }
        this.rate = rate;
        this.accounts = Bank.ACCOUNTS.handler(store);
        this.names = IntStream.rangeClosed(1, OWNERS.size())
                .mapToObj(i -> Bank.ACCOUNTS.stream("t" + i))
                .toList();
    }

    /** How many commands were sent so far. */
    public long sent() {
        return sent.get();
    }

    @Override
    public void run() {
        long interval = (long) (TimeUnit.SECONDS.toNanos(1) / rate);
        LOG.info("demo traffic: {} commands/s on accounts {}", rate, names);
        try {
            openAccounts();
            long next = System.nanoTime();
            while (!Thread.currentThread().isInterrupted()) {
                next += interval;
                long wait = next - System.nanoTime();
                if (wait > 0) {
                    TimeUnit.NANOSECONDS.sleep(wait);
                }
                sendOne();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        LOG.info("demo traffic stopped after {} commands", sent.get());
    }

    private void openAccounts() {
        for (int i = 0; i < names.size(); i++) {
            if (Bank.ACCOUNTS.states(store).current(names.get(i)).isInitial()) {
                accounts.handle(
                        names.get(i), CommandMessage.of(new AccountCommand.OpenAccount(OWNERS.get(i)), TRAFFIC));
                accounts.handle(names.get(i), CommandMessage.of(new AccountCommand.Deposit(500_00), TRAFFIC));
            }
        }
    }

    private void sendOne() {
        String account = names.get(random.nextInt(names.size()));
        long amount = 100 * (1 + random.nextInt(50));
        int dice = random.nextInt(4);
        try {
            if (dice == 0) {
                String target = names.get(random.nextInt(names.size()));
                String transfer = Bank.TRANSFERS.stream(runId + "x" + sent.get());
                if (!target.equals(account)) {
                    Bank.TRANSFERS
                            .handler(store)
                            .handle(transfer, CommandMessage.of(new RequestTransfer(account, target, amount), TRAFFIC));
                }
            } else {
                AccountCommand command =
                        dice == 1 ? new AccountCommand.Withdraw(amount) : new AccountCommand.Deposit(amount);
                accounts.handle(account, CommandMessage.of(command, TRAFFIC));
            }
        } catch (RuntimeException e) {
            if (Thread.currentThread().isInterrupted()) {
                return;
            }
            // A failed command must not end the traffic: the store may be busy.
            LOG.warn("demo traffic: a command on {} failed: {}", account, e.toString());
        }
        sent.incrementAndGet();
    }
}
