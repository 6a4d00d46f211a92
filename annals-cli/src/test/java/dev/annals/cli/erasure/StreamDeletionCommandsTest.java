package dev.annals.cli.erasure;

import dev.annals.cli.Cli;
import java.nio.file.Path;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class StreamDeletionCommandsTest {

    @TempDir
    Path data;

    private Cli withThreeEvents() {
        var cli = Cli.onSqlite(data);
        for (int i = 1; i <= 3; i++) {
            assertThat(cli.run("append", "account-1", "Deposited", "{\"amount\":" + i + "}")
                            .exitCode())
                    .isZero();
        }
        assertThat(cli.run("append", "account-2", "Deposited", "{\"amount\":9}").exitCode())
                .isZero();
        return cli;
    }

    @Test
    void soft_deletes_a_stream_that_an_append_can_recreate_and_keeps_its_events_in_global_reads() {
        var cli = withThreeEvents();

        var run = cli.run("delete", "account-1");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out())
                .isEqualTo("delete: stream 'account-1' soft-deleted: 3 event(s) hidden from stream reads"
                        + " (versions 0..2); it reads as empty; an append recreates it at version 3."
                        + " Global reads and subscriptions still deliver its events.\n");
        assertThat(cli.run("read", "account-1").out()).isEmpty();
        assertThat(cli.run("read", "$all").outLines()).hasSize(4);
        assertThat(cli.run("streams").outLines()).singleElement().asString().contains("account-2");
        assertThat(cli.run("append", "account-1", "Deposited", "{\"amount\":4}", "--expected-version", "no-stream")
                        .exitCode())
                .isZero();
        assertThat(cli.run("read", "account-1").outLines())
                .singleElement()
                .asString()
                .contains("\"version\":3");
        assertThat(cli.run("verify").out()).contains("verify: intact");
    }

    @Test
    void tombstones_a_stream_so_that_every_later_append_fails() {
        var cli = withThreeEvents();

        assertThat(cli.run("delete", "account-1", "--hard").out())
                .startsWith("delete: stream 'account-1' tombstoned: 3 event(s) hidden")
                .contains("never be written again");
        var append = cli.run("append", "account-1", "Deposited", "{\"amount\":4}");

        assertThat(append.exitCode()).isEqualTo(1);
        assertThat(append.errLines())
                .singleElement()
                .asString()
                .contains("stream 'account-1' is deleted for good (tombstoned)");
        assertThat(cli.run("delete", "account-1").errLines())
                .singleElement()
                .asString()
                .contains("tombstoned");
    }

    @Test
    void truncates_a_stream_before_a_version() {
        var cli = withThreeEvents();

        var run = cli.run("truncate", "account-1", "--before", "2");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out())
                .isEqualTo("truncate: stream 'account-1' now reads from version 2: 2 event(s) hidden"
                        + " from stream reads (versions 0..1); its last version is 2."
                        + " Global reads and subscriptions still deliver its events.\n");
        assertThat(cli.run("read", "account-1").outLines())
                .singleElement()
                .asString()
                .contains("\"amount\":3");
        assertThat(cli.run("truncate", "account-1", "--before", "1").out()).contains("no more events hidden");
    }

    @Test
    void refuses_an_unknown_stream_or_a_version_past_the_end_in_one_line() {
        var cli = withThreeEvents();

        var unknown = cli.run("delete", "account-9");
        var past = cli.run("truncate", "account-1", "--before", "7");
        var missing = cli.run("truncate", "account-1");

        assertThat(unknown.exitCode()).isEqualTo(1);
        assertThat(unknown.errLines()).singleElement().asString().contains("no stream 'account-9'");
        assertThat(past.exitCode()).isEqualTo(1);
        assertThat(past.errLines())
                .singleElement()
                .asString()
                .contains("cannot truncate stream 'account-1' before version 7")
                .contains("last version is 2");
        assertThat(missing.exitCode()).isEqualTo(2);
        assertThat(cli.run("read", "account-1").outLines()).hasSize(3);
    }
}
