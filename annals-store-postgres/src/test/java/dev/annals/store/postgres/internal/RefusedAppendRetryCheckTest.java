package dev.annals.store.postgres.internal;

import dev.annals.store.postgres.TestDatabase;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The group function's check of its refused appends (migration V11, docs/adr/0042), on a schema written at
 * version 10 and upgraded in place: a refused append whose id is stored, or shared with an accepted append of
 * the same call, fails the call with AN001 having written nothing (the caller then takes the long way); refused
 * appends with new ids are told the stream's actual version.
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class RefusedAppendRetryCheckTest {

    private static final UUID STORED = UUID.randomUUID();

    @Test
    void a_version_10_schema_is_upgraded_and_refusals_are_checked_for_retries() throws SQLException {
        String schema = TestDatabase.newSchema();
        try (var pool = TestDatabase.smallPool()) {
            Migrations.flyway(pool, schema).target("10").load().migrate();
            try (var connection = pool.getConnection();
                    var statement = connection.createStatement()) {
                assertThat(outcomes(statement, schema, new long[] {-1}, new UUID[] {STORED}))
                        .isEqualTo("{0}");
            }
            Migrations.flyway(pool, schema).load().migrate();
            try (var connection = pool.getConnection();
                    var statement = connection.createStatement()) {
                var fresh = new UUID[] {UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID()};
                // The first racer wins; the others, expecting the same version, are told the new one.
                assertThat(outcomes(statement, schema, new long[] {0, 0, 0}, fresh))
                        .isEqualTo("{0,1,1}");
                assertThat(versions(statement, schema)).isEqualTo(1);

                var storedId = new UUID[] {UUID.randomUUID(), STORED};
                assertThatThrownBy(() -> outcomes(statement, schema, new long[] {1, 0}, storedId))
                        .isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getSQLState())
                                .isEqualTo(GroupCall.MAY_BE_RETRY));
                var sharedId = UUID.randomUUID();
                assertThatThrownBy(
                                () -> outcomes(statement, schema, new long[] {1, 1}, new UUID[] {sharedId, sharedId}))
                        .isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getSQLState())
                                .isEqualTo(GroupCall.MAY_BE_RETRY));
                // Neither failed call wrote its accepted append.
                assertThat(versions(statement, schema)).isEqualTo(1);
            }
        }
    }

    /** Calls append_group with one event per append, all to stream lamp-1, and returns its outcomes. */
    private static String outcomes(Statement statement, String schema, long[] expected, UUID[] ids)
            throws SQLException {
        int n = expected.length;
        var sql = new StringBuilder("SELECT outcomes::TEXT FROM " + schema + ".append_group(1, 2, 'annals_head', 0, ")
                .append(array(n, "'lamp-1'", "TEXT"))
                .append(", ")
                .append(array(n, "'lamp'", "TEXT"))
                .append(", ARRAY[");
        for (int i = 0; i < n; i++) {
            sql.append(i > 0 ? "," : "").append(expected[i]);
        }
        sql.append("]::BIGINT[], ").append(array(n, "1", "INTEGER")).append(", ARRAY[");
        for (int i = 0; i < n; i++) {
            sql.append(i > 0 ? "," : "").append(i + 1);
        }
        sql.append("]::INTEGER[], ARRAY[");
        for (int i = 0; i < n; i++) {
            sql.append(i > 0 ? "," : "").append('\'').append(ids[i]).append('\'');
        }
        sql.append("]::UUID[], ")
                .append(array(n, "'Lit'", "TEXT"))
                .append(", ")
                .append(array(n, "0", "BIGINT"))
                .append(", ")
                .append(array(n, "1", "INTEGER"))
                .append(", ")
                .append(array(n, "'\\x7b7d'", "BYTEA"))
                .append(", ")
                .append(array(n, "NULL", "BYTEA"))
                .append(')');
        try (var result = statement.executeQuery(sql.toString())) {
            result.next();
            return result.getString(1);
        }
    }

    private static String array(int n, String element, String type) {
        return "ARRAY[" + String.join(",", java.util.Collections.nCopies(n, element)) + "]::" + type + "[]";
    }

    private static long versions(Statement statement, String schema) throws SQLException {
        try (var result = statement.executeQuery("SELECT MAX(stream_version) FROM " + schema + ".events")) {
            result.next();
            return result.getLong(1);
        }
    }
}
