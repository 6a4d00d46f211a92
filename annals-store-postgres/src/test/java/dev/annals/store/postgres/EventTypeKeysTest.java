package dev.annals.store.postgres;

import dev.annals.event.EventData;
import dev.annals.event.RecordedEvent;
import dev.annals.store.ExpectedVersion;
import dev.annals.store.ReadRequest;
import dev.annals.store.ReadSource;
import dev.annals.store.WrongExpectedVersionException;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Event types in the append function (migration V8, docs/adr/0041): the caller passes the keys it has seen
 * committed and the function looks up or creates only the others, so stores that share a schema, each with
 * its own cache, agree on one key per type, and a refused append creates no type.
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class EventTypeKeysTest {

    @Test
    void stores_sharing_a_schema_find_the_types_the_other_created() throws SQLException {
        var options = TestDatabase.newOptions().withListen(false);
        try (var pool = TestDatabase.smallPool();
                var first = PostgresEventStore.open(pool, options);
                var second = PostgresEventStore.open(pool, options)) {
            first.append("lamp-1", ExpectedVersion.noStream(), EventData.of("Lit", "{}"));
            second.append(
                    "lamp-2", ExpectedVersion.noStream(), EventData.of("Lit", "{}"), EventData.of("Dimmed", "{}"));
            first.append("lamp-1", ExpectedVersion.exact(0), EventData.of("Dimmed", "{}"));
            first.append("lamp-1", ExpectedVersion.exact(1), EventData.of("Lit", "{}"));

            assertThat(types(first)).containsExactly("Lit", "Lit", "Dimmed", "Dimmed", "Lit");
            assertThat(types(second)).containsExactly("Lit", "Lit", "Dimmed", "Dimmed", "Lit");
            assertThat(storedTypes(options.schema())).containsExactly("1 Lit", "2 Dimmed");
        }
    }

    @Test
    void a_refused_append_creates_no_event_type() throws SQLException {
        var options = TestDatabase.newOptions().withListen(false);
        try (var pool = TestDatabase.smallPool();
                var store = PostgresEventStore.open(pool, options)) {
            store.append("lamp-1", ExpectedVersion.noStream(), EventData.of("Lit", "{}"));

            assertThatThrownBy(() -> store.append("lamp-1", ExpectedVersion.noStream(), EventData.of("Broken", "{}")))
                    .isInstanceOf(WrongExpectedVersionException.class);
            store.append("lamp-1", ExpectedVersion.exact(0), EventData.of("Dimmed", "{}"));

            assertThat(storedTypes(options.schema())).containsExactly("1 Lit", "2 Dimmed");
            assertThat(types(store)).containsExactly("Lit", "Dimmed");
        }
    }

    private static List<String> types(PostgresEventStore store) {
        try (var events = store.read(ReadRequest.forward(new ReadSource.All()))) {
            return events.map(RecordedEvent::type).toList();
        }
    }

    private static List<String> storedTypes(String schema) throws SQLException {
        var types = new ArrayList<String>();
        try (var connection = TestDatabase.connect();
                var statement = connection.createStatement();
                var rows = statement.executeQuery(
                        "SELECT type_id, name FROM " + schema + ".event_types ORDER BY type_id")) {
            while (rows.next()) {
                types.add(rows.getLong(1) + " " + rows.getString(2));
            }
        }
        return types;
    }
}
