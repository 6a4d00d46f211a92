package dev.annals.example.bank.projection;

import dev.annals.example.bank.transfer.TransferProcess;
import dev.annals.projection.ProjectionOptions;
import dev.annals.projection.ProjectionRunner;
import dev.annals.projection.ReadModelStore;
import dev.annals.store.EventStore;
import dev.annals.store.jdbc.projection.JdbcCheckpointStore;
import dev.annals.store.jdbc.projection.JdbcReadModels;
import dev.annals.store.jdbc.projection.ReadModelDefinition;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * The bank's read side, running: the balances, account history and daily totals read models, and the
 * transfer process manager, each with its own runner and read-model store in the store's database.
 */
public final class BankReadSide implements AutoCloseable {

    private final List<ProjectionRunner<?>> runners = new ArrayList<>();
    private final List<ReadModelStore<?>> stores = new ArrayList<>();

    private BankReadSide() {}

    /** Starts every projection of the bank on {@code store}, with read models in {@code database}. */
    public static BankReadSide start(EventStore store, JdbcReadModels database, ProjectionOptions options) {
        requireNonNull(store, "store");
        requireNonNull(database, "database");
        requireNonNull(options, "options");
        var side = new BankReadSide();
        try {
            for (var readModel : readModels()) {
                side.run(store, database, options, readModel);
            }
            // Not in a read-model transaction: it appends to the store, which needs SQLite's write lock.
            var checkpoints = new JdbcCheckpointStore(database);
            side.stores.add(checkpoints);
            side.runners.add(ProjectionRunner.start(
                    new TransferProcess(store).projection(event -> event), store, checkpoints, options));
        } catch (RuntimeException e) {
            side.close();
            throw e;
        }
        return side;
    }

    /**
     * The bank's read models, by which tools such as {@code annals replay} find them: balances,
     * account-history, daily-totals. The transfer process is not among them: it appends events, so it is
     * no read model to replay.
     */
    public static List<ReadModelDefinition> readModels() {
        return List.of(
                new ReadModelDefinition(BalancesProjection.projection(), BalancesProjection.TABLES),
                new ReadModelDefinition(AccountHistoryProjection.projection(), AccountHistoryProjection.TABLES),
                new ReadModelDefinition(DailyTotalsProjection.projection(), DailyTotalsProjection.TABLES));
    }

    private void run(
            EventStore store, JdbcReadModels database, ProjectionOptions options, ReadModelDefinition definition) {
        var readModel = database.store(definition.tables());
        stores.add(readModel);
        runners.add(ProjectionRunner.start(definition.projection(), store, readModel, options));
    }

    /** The runners: balances, account-history, daily-totals, transfer-process. */
    public List<ProjectionRunner<?>> runners() {
        return List.copyOf(runners);
    }

    /**
     * Returns once every projection has processed {@code position}.
     *
     * @throws dev.annals.projection.ProjectionLagException naming the first that did not within {@code timeout}
     */
    public void awaitPosition(long position, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        for (var runner : runners) {
            runner.awaitPosition(position, Duration.ofNanos(Math.max(0, deadline - System.nanoTime())));
        }
    }

    /**
     * Returns once every projection has processed everything and the process manager has stopped writing:
     * the head did not move while they caught up with it.
     *
     * @throws dev.annals.projection.ProjectionLagException when that takes longer than {@code timeout}
     */
    public void awaitQuiet(EventStore store, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        long head;
        do {
            head = store.headPosition();
            awaitPosition(head, Duration.ofNanos(Math.max(0, deadline - System.nanoTime())));
        } while (store.headPosition() != head);
    }

    /** Stops every runner, then closes their read-model stores. */
    @Override
    public void close() {
        runners.forEach(ProjectionRunner::close);
        stores.forEach(ReadModelStore::close);
    }
}
