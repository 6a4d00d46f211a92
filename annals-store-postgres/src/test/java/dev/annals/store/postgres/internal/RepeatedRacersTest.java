package dev.annals.store.postgres.internal;

import dev.annals.event.EventData;
import dev.annals.store.AppendResult;
import dev.annals.store.ExpectedVersion;
import dev.annals.store.WrongExpectedVersionException;
import dev.annals.store.jdbc.append.PendingAppend;
import dev.annals.store.jdbc.append.VersionRefusal;
import dev.annals.store.postgres.TestDatabase;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A group's repeated racers (migration V13, docs/adr/0042): an append with the stream and the exact or
 * no-stream expectation of the last one of its stream that the group sends is not sent, only its ids; it is
 * refused from that one's outcome with the version the server would have told it, and an id of it that is
 * stored, or written by the call, fails the call with AN001 having written nothing.
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class RepeatedRacersTest {

    private com.zaxxer.hikari.HikariDataSource pool;
    private Connection connection;
    private GroupCall call;
    private String schema;

    @BeforeEach
    void migrate() throws SQLException {
        schema = TestDatabase.newSchema();
        pool = TestDatabase.smallPool();
        Migrations.flyway(pool, schema).load().migrate();
        connection = pool.getConnection();
        var dialect = new PostgresDialect(schema);
        call = new GroupCall(dialect, new PostgresAppender(dialect));
    }

    @AfterEach
    void close() throws SQLException {
        connection.close();
        pool.close();
    }

    @Test
    void only_the_first_of_racers_expecting_the_same_version_is_sent_and_the_others_are_told_its_outcome() {
        var group = List.of(
                append("lamp-1", ExpectedVersion.noStream()),
                append("lamp-1", ExpectedVersion.noStream()),
                append("lamp-2", ExpectedVersion.noStream()),
                append("lamp-1", ExpectedVersion.noStream()),
                append("lamp-1", ExpectedVersion.exact(0)),
                append("lamp-1", ExpectedVersion.any()),
                append("lamp-1", ExpectedVersion.exact(0)));

        assertThat(RepeatedRacers.of(group)).containsExactly(-1, 0, -1, 0, -1, -1, -1);
    }

    @Test
    void repeated_racers_are_refused_with_the_version_their_stream_was_at_when_their_turn_came() throws Exception {
        var first = call.write(
                connection,
                List.of(
                        append("lamp-1", ExpectedVersion.noStream()),
                        append("lamp-1", ExpectedVersion.noStream()),
                        append("lamp-2", ExpectedVersion.exact(3)),
                        append("lamp-2", ExpectedVersion.exact(3)),
                        append("lamp-1", ExpectedVersion.noStream())));

        assertThat(first[0]).isEqualTo(new AppendResult(0, 1));
        assertThat(first[1]).isInstanceOfSatisfying(VersionRefusal.class, refused -> assertThat(refused.actualVersion())
                .isZero());
        assertThat(first[2]).isInstanceOfSatisfying(VersionRefusal.class, refused -> assertThat(refused.actualVersion())
                .isEqualTo(-1));
        assertThat(first[3]).isInstanceOfSatisfying(VersionRefusal.class, refused -> assertThat(refused.actualVersion())
                .isEqualTo(-1));
        assertThat(first[4]).isInstanceOfSatisfying(VersionRefusal.class, refused -> assertThat(refused.actualVersion())
                .isZero());
        assertThat(storedEvents()).isEqualTo(1);

        // An append of another kind in between is sent, and the racer after it is judged by the server.
        var second = call.write(
                connection,
                List.of(
                        append("lamp-1", ExpectedVersion.exact(0)),
                        append("lamp-1", ExpectedVersion.any()),
                        append("lamp-1", ExpectedVersion.exact(0))));

        assertThat(second[0]).isEqualTo(new AppendResult(1, 2));
        assertThat(second[1]).isEqualTo(new AppendResult(2, 3));
        assertThat(second[2])
                .isInstanceOfSatisfying(VersionRefusal.class, refused -> assertThat(refused.actualVersion())
                        .isEqualTo(2));
        assertThat(storedEvents()).isEqualTo(3);
    }

    @Test
    void a_repeated_racer_holding_a_stored_id_or_one_the_call_writes_fails_the_call_and_nothing_is_written()
            throws Exception {
        var stored = append("lamp-1", ExpectedVersion.noStream());
        call.write(connection, List.of(stored, append("lamp-2", ExpectedVersion.noStream())));

        // An exact retry of the stored append, behind a racer: the long way must decide it.
        var retry = PendingAppend.of("lamp-1", ExpectedVersion.noStream(), stored.events());
        assertThatThrownBy(() -> call.write(connection, List.of(append("lamp-1", ExpectedVersion.noStream()), retry)))
                .isInstanceOfSatisfying(
                        SQLException.class, e -> assertThat(e.getSQLState()).isEqualTo(GroupCall.MAY_BE_RETRY));
        // The same events twice in one group, the second a repeat of the first.
        var twice = append("lamp-3", ExpectedVersion.noStream());
        assertThatThrownBy(() -> call.write(
                        connection,
                        List.of(twice, PendingAppend.of("lamp-3", ExpectedVersion.noStream(), twice.events()))))
                .isInstanceOfSatisfying(
                        SQLException.class, e -> assertThat(e.getSQLState()).isEqualTo(GroupCall.MAY_BE_RETRY));
        assertThat(storedEvents()).isEqualTo(2);
    }

    @Test
    void a_repeat_behind_an_exact_retry_of_an_old_append_is_told_the_version_the_stream_has_now() throws Exception {
        var writer = new BatchTransaction(pool, new PostgresDialect(schema), new SimpleMeterRegistry());
        var first = append("lamp-1", ExpectedVersion.noStream());
        writer.write(List.of(first));
        writer.write(List.of(append("lamp-1", ExpectedVersion.exact(0))));
        writer.write(List.of(append("lamp-1", ExpectedVersion.exact(1))));

        // The retry is answered with its original result (version 0); the racer behind it, expecting no stream as it
        // did, must learn the stream's version now (2), not the retry's, or its next try is refused once more.
        var retry = PendingAppend.of("lamp-1", ExpectedVersion.noStream(), first.events());
        var repeat = append("lamp-1", ExpectedVersion.noStream());
        writer.write(List.of(retry, repeat));

        assertThat(retry.await()).isEqualTo(first.await());
        assertThatThrownBy(repeat::await)
                .isInstanceOfSatisfying(WrongExpectedVersionException.class, e -> assertThat(e.actualVersion())
                        .isEqualTo(2));
    }

    private static PendingAppend append(String stream, ExpectedVersion expected) {
        return PendingAppend.of(
                stream, expected, List.of(EventData.of("Lit", "{\"id\":\"" + UUID.randomUUID() + "\"}")));
    }

    private long storedEvents() throws SQLException {
        try (var statement = connection.createStatement();
                var rows = statement.executeQuery("SELECT COUNT(*) FROM " + schema + ".events")) {
            rows.next();
            return rows.getLong(1);
        }
    }
}
