package dev.annals.store.postgres.internal;

import dev.annals.event.EventData;
import dev.annals.store.ExpectedVersion;
import dev.annals.store.postgres.PostgresEventStore;
import dev.annals.store.postgres.TestDatabase;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A schema written at version 9 (append_group only) or 11 (append_event) is upgraded in place when a store
 * of this build opens it, and the lone append's own function (V10, then V12's append_one_event,
 * docs/adr/0041) goes on from what the old one wrote; a process of the version 11 build still appends to a
 * schema at version 12.
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class AppendFunctionUpgradeTest {

    @Test
    void a_version_9_schema_is_upgraded_in_place_and_its_streams_go_on() throws SQLException {
        var options = TestDatabase.newOptions().withListen(false);
        String schema = options.schema();
        try (var pool = TestDatabase.smallPool()) {
            Migrations.flyway(pool, schema).target("9").load().migrate();
            try (var connection = pool.getConnection();
                    var statement = connection.createStatement()) {
                // As a process of the version 9 build writes a lone event.
                statement.execute("SELECT * FROM " + schema + ".append_group(1, 2, 'annals_head', 0,"
                        + " ARRAY['lamp-1'], ARRAY['lamp'], ARRAY[-1::BIGINT], ARRAY[1], ARRAY[1],"
                        + " ARRAY[gen_random_uuid()], ARRAY['Lit'], ARRAY[0::BIGINT], ARRAY[1],"
                        + " ARRAY['\\x7b7d'::BYTEA], ARRAY[NULL::BYTEA])");
            }

            try (var store = PostgresEventStore.open(pool, options)) {
                var dimmed = store.append("lamp-1", ExpectedVersion.exact(0), EventData.of("Dimmed", "{}"));
                var lit = store.append("lamp-1", ExpectedVersion.exact(1), EventData.of("Lit", "{}"));

                assertThat(dimmed.streamVersion()).isEqualTo(1);
                assertThat(dimmed.position()).isEqualTo(2);
                assertThat(lit.position()).isEqualTo(3);
            }
            try (var connection = pool.getConnection();
                    var statement = connection.createStatement();
                    var types =
                            statement.executeQuery("SELECT name FROM " + schema + ".event_types ORDER BY type_id")) {
                var names = new ArrayList<String>();
                while (types.next()) {
                    names.add(types.getString(1));
                }
                // The type the old function created is found, not created twice.
                assertThat(names).containsExactly("Lit", "Dimmed");
            }
        }
    }

    @Test
    void a_version_11_schema_is_upgraded_in_place_and_the_old_function_still_appends() throws SQLException {
        var options = TestDatabase.newOptions().withListen(false);
        String schema = options.schema();
        try (var pool = TestDatabase.smallPool()) {
            Migrations.flyway(pool, schema).target("11").load().migrate();
            try (var connection = pool.getConnection()) {
                // As a process of the version 11 build writes a lone event, creating its type.
                assertThat(callAppendEvent(connection, schema, -1, 0)).containsExactly(0L, 0L, 1L);
            }

            try (var store = PostgresEventStore.open(pool, options)) {
                // This build's store knows no type yet (the call looks "Lit" up), then takes the fast path.
                assertThat(store.append("lamp-1", ExpectedVersion.exact(0), EventData.of("Lit", "{}"))
                                .position())
                        .isEqualTo(2);
                var dimmed = store.append("lamp-1", ExpectedVersion.exact(1), EventData.of("Dimmed", "{}"));
                var lit = store.append("lamp-1", ExpectedVersion.exact(2), EventData.of("Lit", "{}"));
                assertThat(dimmed.streamVersion()).isEqualTo(2);
                assertThat(lit.position()).isEqualTo(4);

                try (var connection = pool.getConnection()) {
                    // A process of the version 11 build, not yet upgraded, goes on where this one stopped.
                    assertThat(callAppendEvent(connection, schema, 3, 1)).containsExactly(0L, 4L, 5L);
                    assertThat(callAppendEvent(connection, schema, 3, 1)).containsExactly(1L, 4L, 0L);
                }
                assertThat(store.append("lamp-1", ExpectedVersion.exact(4), EventData.of("Lit", "{}"))
                                .position())
                        .isEqualTo(6);
            }
        }
    }

    /** Calls V10's append_event for one "Lit" event to lamp-1 and returns {outcome, version, position}. */
    private static List<Long> callAppendEvent(Connection connection, String schema, long expected, long typeKey)
            throws SQLException {
        try (var statement = connection.createStatement();
                var row = statement.executeQuery("SELECT outcome, new_version, new_position FROM " + schema
                        + ".append_event(" + PostgresAppender.LOCK_CLASS + ", " + schema.hashCode()
                        + ", 'annals_head', 0, 'lamp-1', 'lamp', "
                        + expected + ", gen_random_uuid(), 'Lit', " + typeKey + ", 1, '\\x7b7d'::BYTEA, NULL)")) {
            row.next();
            return List.of(row.getLong(1), row.getLong(2), row.getLong(3));
        }
    }
}
