package dev.annals.store.sqlite.projection;

import dev.annals.projection.ProjectionOptions;
import dev.annals.projection.ProjectionRunner;
import dev.annals.store.jdbc.projection.Tally;
import dev.annals.store.sqlite.SqliteEventStore;
import dev.annals.store.sqlite.SqliteProjections;
import dev.annals.subscription.SubscriptionOptions;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/**
 * The process {@link ProjectionCrashTest} kills: runs the tally projection on the store in {@code args[0]}
 * and prints {@code STARTED} once delivering; it never stops by itself.
 */
public final class ProjectionCrashChild {

    private ProjectionCrashChild() {}

    public static void main(String[] args) throws Exception {
        var store = SqliteEventStore.open(Path.of(args[0]));
        var readModel = SqliteProjections.readModel(store, Tally.TABLES);
        var started = new CountDownLatch(1);
        ProjectionRunner.start(
                Tally.projection("tally", tx -> started.countDown()),
                store,
                readModel,
                ProjectionOptions.defaults()
                        .withMeterRegistry(new SimpleMeterRegistry())
                        .withSubscription(
                                SubscriptionOptions.defaults().withMaxBatch(200).withPageSize(200)));
        started.await();
        System.out.println("STARTED");
        System.out.flush();
        new CountDownLatch(1).await();
    }
}
