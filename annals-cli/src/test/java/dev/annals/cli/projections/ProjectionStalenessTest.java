package dev.annals.cli.projections;

import dev.annals.cli.Cli;
import dev.annals.projection.ProjectionHealth;
import dev.annals.projection.ProjectionState;
import dev.annals.store.sqlite.SqliteEventStore;
import dev.annals.store.sqlite.SqliteProjections;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code annals projections} on statuses a runner reported and then stopped reporting, as a killed server
 * leaves them: written straight to the store's bookkeeping with the time they were measured.
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class ProjectionStalenessTest {

    @TempDir
    Path data;

    @BeforeEach
    void an_empty_store() {
        SqliteEventStore.open(data).close();
    }

    private void reported(String projection, ProjectionState state, Duration ago) {
        try (var states = SqliteProjections.states(data)) {
            states.report(new ProjectionHealth(
                    projection, state, 0, 0, 0, 0, 0, "", Instant.now().minus(ago)));
        }
    }

    @Test
    void shows_when_each_status_was_reported() {
        reported("balances", ProjectionState.RUNNING, Duration.ofSeconds(2));

        var run = Cli.onSqlite(data).run("projections");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.outLines().getFirst()).endsWith("REPORTED");
        assertThat(run.out()).containsPattern("balances\\s+RUNNING\\s+0\\s+0\\s+0\\.000\\s+0\\s+[23]s ago");
    }

    @Test
    void marks_a_running_projection_not_reported_for_longer_than_the_limit_as_stale() {
        reported("balances", ProjectionState.RUNNING, Duration.ofMinutes(5));

        var run = Cli.onSqlite(data).run("projections");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out())
                .containsPattern("balances\\s+STALE\\s+.*\\s+5m ago")
                .contains("stale: last reported RUNNING at ")
                .contains("more than 30 s ago; its runner may have stopped")
                .doesNotContainPattern("balances\\s+RUNNING");
        assertThat(Cli.onSqlite(data).run("projections", "--stale-after", "600").out())
                .containsPattern("balances\\s+RUNNING\\s+");
    }

    @Test
    void a_projection_that_reported_stopping_is_stopped_not_stale() {
        reported("balances", ProjectionState.STOPPED, Duration.ofDays(3));

        var run = Cli.onSqlite(data).run("projections");

        assertThat(run.out())
                .containsPattern("balances\\s+STOPPED\\s+.*\\s+3d ago")
                .doesNotContain("STALE");
    }
}
