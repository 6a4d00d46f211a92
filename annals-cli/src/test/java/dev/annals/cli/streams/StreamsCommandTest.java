package dev.annals.cli.streams;

import dev.annals.cli.Cli;
import dev.annals.event.EventData;
import dev.annals.store.ExpectedVersion;
import dev.annals.store.memory.InMemoryEventStore;
import java.nio.file.Path;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class StreamsCommandTest {

    private final InMemoryEventStore store = new InMemoryEventStore();

    @TempDir
    Path data;

    @Test
    void lists_every_stream_with_its_version_and_last_position_in_creation_order() {
        store.append("account-2", ExpectedVersion.any(), EventData.of("Opened", "{}"));
        store.append("account-1", ExpectedVersion.any(), EventData.of("Opened", "{}"), EventData.of("Deposited", "{}"));
        store.append("account-2", ExpectedVersion.any(), EventData.of("Deposited", "{}"));

        var run = Cli.on(store, data).run("streams");

        assertThat(run.exitCode()).isZero();
        assertThat(run.outLines())
                .containsExactly(
                        "{\"stream\":\"account-2\",\"version\":1,\"lastPosition\":4}",
                        "{\"stream\":\"account-1\",\"version\":1,\"lastPosition\":3}");
    }

    @Test
    void prints_nothing_for_an_empty_store() {
        var run = Cli.on(store, data).run("streams");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).isEmpty();
    }
}
