package dev.annals.store.sqlite.internal;

import dev.annals.store.Direction;
import dev.annals.store.ReadSource;
import java.sql.DriverManager;
import java.sql.SQLException;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class TailPositionsTest {

    private final TailPositions tail = new TailPositions();

    @Test
    void keeps_the_newest_position_of_each_stream_until_it_is_indexed() {
        tail.written("account-1", 7);
        tail.written("account-2", 8);
        tail.written("account-1", 9);
        // A batch rolled back and written again may report an older position last: the newest stays.
        tail.written("account-1", 5);

        assertThat(tail.end("account-1")).isEqualTo(9);
        assertThat(tail.end("account-2")).isEqualTo(8);
        assertThat(tail.end("account-3")).isZero();

        tail.indexed(8);

        assertThat(tail.end("account-1")).isEqualTo(9);
        assertThat(tail.end("account-2")).isZero();
    }

    @Test
    void the_open_stores_dialect_binds_where_a_stream_ends_in_the_tail() throws SQLException {
        tail.written("account-1", 42);
        var dialect = new SqliteDialect(tail);
        try (var connection = DriverManager.getConnection("jdbc:sqlite::memory:");
                var statement = connection.prepareStatement("SELECT ?4")) {
            dialect.bindReadExtras(statement, new ReadSource.StreamOf("account-1"), 4);
            assertThat(single(statement)).isEqualTo(42);
            dialect.bindReadExtras(statement, new ReadSource.StreamOf("order-1"), 4);
            assertThat(single(statement)).isZero();
        }
        assertThat(new SqliteDialect().readPage(new ReadSource.StreamOf("account-1"), Direction.FORWARD))
                .as("a dialect outside the open store takes no fourth parameter")
                .doesNotContain("?4");
    }

    private static long single(java.sql.PreparedStatement statement) throws SQLException {
        try (var row = statement.executeQuery()) {
            assertThat(row.next()).isTrue();
            return row.getLong(1);
        }
    }
}
