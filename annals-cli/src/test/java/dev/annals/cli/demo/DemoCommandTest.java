package dev.annals.cli.demo;

import dev.annals.cli.Cli;
import dev.annals.store.StreamInfo;
import dev.annals.store.memory.InMemoryEventStore;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class DemoCommandTest {

    @TempDir
    Path data;

    @Test
    void runs_the_bank_demo_on_any_store() {
        var store = new InMemoryEventStore();

        var run = Cli.on(store, data).run("demo");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("rejected: insufficient funds").contains("Temporal query: account-1");
        assertThat(store.streams().map(StreamInfo::stream)).containsExactly("account-1", "account-2");
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void on_sqlite_shows_the_projections_catching_up_a_transfer_and_a_compensated_transfer() {
        var run = Cli.onSqlite(data).run("demo");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out())
                .contains("...caught up:")
                .contains("transfer-1 is COMPLETED")
                .contains("transfer-1-b is COMPENSATED")
                .contains("TransferCreditRejected {\"reason\":\"account is frozen\"}")
                .contains("account-1 | Alice | 2250 | OPEN")
                .contains("account-2 | Bob | 4500 | FROZEN");

        var again = Cli.onSqlite(data).run("demo");
        assertThat(again.exitCode()).as(again.err()).isZero();
        assertThat(again.out()).contains("transfer-3 is COMPLETED");
    }
}
