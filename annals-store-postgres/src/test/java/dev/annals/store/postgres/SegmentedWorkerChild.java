package dev.annals.store.postgres;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.annals.projection.ProjectionOptions;
import dev.annals.projection.segment.SegmentOptions;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;

/**
 * A worker process of {@link SegmentedWorkersCrashTest}: runs the ledger projection's segments it can claim
 * on the schema {@code args[1]} of the database {@code args[0]} as worker {@code args[2]}, with leases of
 * {@code args[3]} milliseconds. Prints {@code STARTED}; stops cleanly (releasing its leases) when its
 * standard input closes, unless it is killed first.
 */
public final class SegmentedWorkerChild {

    private SegmentedWorkerChild() {}

    public static void main(String[] args) throws Exception {
        var config = new HikariConfig();
        config.setJdbcUrl(args[0]);
        config.setMaximumPoolSize(24);
        config.setMinimumIdle(1);
        config.setPoolName("worker-" + args[2]);
        try (var pool = new HikariDataSource(config);
                var store =
                        PostgresEventStore.open(pool, PostgresOptions.defaults().withSchema(args[1]))) {
            var options = SegmentOptions.of(Ledger.SEGMENTS)
                    .withLeaseTtl(Duration.ofMillis(Long.parseLong(args[3])))
                    .withWorker(args[2])
                    .withRunner(ProjectionOptions.defaults()
                            .withMeterRegistry(new SimpleMeterRegistry())
                            .withControlInterval(Duration.ofMillis(200)));
            var worker = PostgresProjections.startWorker(
                    store, Ledger.projection("ledger", "ledger", true), Ledger.tables("ledger"), options);
            System.out.println("STARTED");
            System.out.flush();
            while (System.in.read() != -1) {
                // Runs until the test closes our standard input.
            }
            worker.close();
        }
        System.out.println("STOPPED");
        System.out.flush();
    }
}
