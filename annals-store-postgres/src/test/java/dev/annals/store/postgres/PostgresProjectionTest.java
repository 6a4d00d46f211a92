package dev.annals.store.postgres;

import dev.annals.event.EventData;
import dev.annals.projection.DeadLetterStatus;
import dev.annals.projection.ProjectionOptions;
import dev.annals.projection.ProjectionRunner;
import dev.annals.projection.RetrySchedule;
import dev.annals.store.ExpectedVersion;
import dev.annals.store.jdbc.projection.JdbcProjectionStates;
import dev.annals.store.jdbc.projection.JdbcReadModelStore;
import dev.annals.store.jdbc.projection.SqlContext;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.sql.SQLException;
import java.time.Duration;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Projections on PostgreSQL: the read model and its checkpoint in the store's schema, and an operator in
 * "another process" (its own plain connection, as the CLI has) reading checkpoints and handling dead letters.
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class PostgresProjectionTest {

    private PostgresOptions options;
    private PostgresEventStore store;
    private JdbcReadModelStore readModel;
    private JdbcProjectionStates operator;
    private ProjectionRunner<SqlContext> runner;

    @BeforeEach
    void open() {
        options = TestDatabase.newOptions();
        store = PostgresEventStore.open(TestDatabase.URL, options);
        readModel = PostgresProjections.readModel(store, Tally.TABLES);
        operator = PostgresProjections.states(new PostgresAddress(TestDatabase.URL, options.schema()));
    }

    @AfterEach
    void close() {
        if (runner != null) {
            runner.close();
        }
        readModel.close();
        operator.close();
        store.close();
    }

    private ProjectionOptions projectionOptions() {
        return ProjectionOptions.defaults().withMeterRegistry(new SimpleMeterRegistry())
                .withRetry(new RetrySchedule(3, Duration.ofMillis(1), Duration.ofMillis(5), 0.2))
                .withControlInterval(Duration.ofMillis(100));
    }

    private long append(String stream, EventData event) {
        return store.append(stream, ExpectedVersion.any(), event).position();
    }

    @Test
    void builds_the_read_model_in_postgresql_and_commits_the_checkpoint_with_it() throws SQLException {
        append("tally-a", Tally.added(5));
        append("other-x", Tally.added(99));
        runner = ProjectionRunner.start(Tally.projection("tally"), store, readModel, projectionOptions());
        append("tally-b", Tally.added(7));
        long last = append("tally-a", Tally.added(1));

        runner.awaitPosition(last, Duration.ofSeconds(20));

        assertThat(tallies()).containsEntry("tally-a", 6L).containsEntry("tally-b", 7L).hasSize(2);
        assertThat(operator.checkpoint("tally")).isEqualTo(last);
    }

    @Test
    void parks_a_poison_event_that_an_operator_elsewhere_retries_and_skips() {
        append("tally-a", Tally.added(1));
        long poison = append("tally-a", Tally.refused("no"));
        long last = append("tally-a", Tally.added(2));
        runner = ProjectionRunner.start(Tally.projection("tally"), store, readModel, projectionOptions());

        runner.awaitPosition(last, Duration.ofSeconds(20));

        var letter = operator.deadLetters(Optional.of("tally")).getFirst();
        assertThat(letter.position()).isEqualTo(poison);
        assertThat(letter.attempts()).isEqualTo(3);
        assertThat(letter.error()).contains("refused: no");
        operator.requestRetry(letter.id());
        await().atMost(Duration.ofSeconds(20)).until(() -> operator.deadLetter(letter.id()).orElseThrow().attempts() == 4);
        assertThat(operator.deadLetter(letter.id()).orElseThrow().status()).isEqualTo(DeadLetterStatus.PARKED);
        operator.skip(letter.id());
        assertThat(operator.deadLetters(Optional.empty())).isEmpty();
    }

    private TreeMap<String, Long> tallies() throws SQLException {
        var totals = new TreeMap<String, Long>();
        try (var connection = TestDatabase.connect(); var statement = connection.createStatement()) {
            // The read model's tables are versioned; find the live one by name.
            String table;
            try (var rows = statement.executeQuery("SELECT table_name FROM information_schema.tables"
                    + " WHERE table_schema = '" + options.schema() + "' AND table_name LIKE 'tallies%'")) {
                assertThat(rows.next()).as("a tallies table").isTrue();
                table = rows.getString(1);
            }
            try (var rows = statement.executeQuery("SELECT stream, total FROM " + options.schema() + "." + table)) {
                while (rows.next()) {
                    totals.put(rows.getString(1), rows.getLong(2));
                }
            }
        }
        return totals;
    }
}
