package dev.annals.cli.demo;

import dev.annals.cli.Cli;
import dev.annals.event.RecordedEvent;
import dev.annals.store.memory.InMemoryEventStore;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class DemoCommandTest {

    private final InMemoryEventStore store = new InMemoryEventStore();

    @TempDir
    Path data;

    @Test
    void appends_three_events_refuses_a_stale_write_and_reads_them_back() {
        var run = Cli.on(store, data).run("demo");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(store.readAll(0).map(RecordedEvent::type))
                .containsExactly("AccountOpened", "Deposited", "Withdrawn");
        assertThat(run.out())
                .contains("refused: wrong expected version for stream 'account-")
                .contains("version 2  position 3      Withdrawn      {\"amountCents\":2500}")
                .contains("The store now holds 3 events.");
    }

    @Test
    void runs_again_on_the_same_store_with_a_new_stream() {
        Cli.on(store, data).run("demo");

        var again = Cli.on(store, data).run("demo");

        assertThat(again.exitCode()).isZero();
        assertThat(store.streams()).hasSize(2);
    }
}
