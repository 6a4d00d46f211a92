package dev.annals.store.postgres.internal;

import dev.annals.event.EventData;
import dev.annals.store.ExpectedVersion;
import dev.annals.store.postgres.PostgresEventStore;
import dev.annals.store.postgres.TestDatabase;
import java.sql.SQLException;
import java.util.ArrayList;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A schema written at version 9 (append_group only) is upgraded in place when a store of this build opens
 * it, and the lone append's own function (V10, docs/adr/0041) goes on from what the old one wrote.
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
}
