package dev.annals.cli.snapshot;

import dev.annals.cli.Cli;
import java.nio.file.Path;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class SnapshotCommandTest {

    @TempDir
    Path data;

    private Cli withAccount() {
        var cli = Cli.onSqlite(data);
        cli.run("append", "account-1", "AccountOpened", "{\"owner\":\"Ada\",\"initialDeposit\":100}");
        cli.run("append", "account-1", "Withdrawn", "{\"amount\":30}");
        return cli;
    }

    @Test
    void takes_lists_and_drops_the_snapshots_of_a_stream() {
        var cli = withAccount();

        var take = cli.run("snapshot", "take", "account-1");
        assertThat(take.exitCode()).isZero();
        assertThat(take.out()).isEqualTo("snapshot take: account-1 at version 1, position 2, state v1\n");

        var list = cli.run("snapshot", "list", "account-1");
        assertThat(list.exitCode()).isZero();
        assertThat(list.outLines()).hasSize(2);
        assertThat(list.outLines().getFirst()).startsWith("version 1  position 2  state v1  taken ");
        assertThat(list.outLines().getLast()).isEqualTo("snapshot list: 1 snapshot(s) of account-1");

        var drop = cli.run("snapshot", "drop", "account-1");
        assertThat(drop.out()).isEqualTo("snapshot drop: dropped 1 snapshot(s) of account-1\n");
        assertThat(cli.run("snapshot", "list", "account-1").out())
                .isEqualTo("snapshot list: 0 snapshot(s) of account-1\n");
    }

    @Test
    void refuses_to_snapshot_a_stream_without_events_in_one_line() {
        var cli = withAccount();

        var take = cli.run("snapshot", "take", "account-2");

        assertThat(take.exitCode()).isEqualTo(1);
        assertThat(take.errLines()).singleElement().asString().contains("account-2 has no events");
    }

    @Test
    void refuses_a_stream_of_an_unknown_entity_type() {
        var take = withAccount().run("snapshot", "take", "planet-1");

        assertThat(take.exitCode()).isEqualTo(1);
        assertThat(take.errLines()).singleElement().asString().contains("planet");
    }
}
