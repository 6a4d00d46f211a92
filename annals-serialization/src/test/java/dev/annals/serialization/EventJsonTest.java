package dev.annals.serialization;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import dev.annals.event.EventData;
import dev.annals.event.Metadata;
import dev.annals.event.RecordedEvent;
import dev.annals.store.Direction;
import dev.annals.store.ExpectedVersion;
import dev.annals.store.ReadRequest;
import dev.annals.store.memory.InMemoryEventStore;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class EventJsonTest {

    private final InMemoryEventStore store = new InMemoryEventStore();
    private final EventCodec<LoanEvent> codec = new EventCodec<>(EventTypeRegistry.of(LoanEvent.class));

    @Test
    void writes_dates_and_instants_as_iso_text_and_reads_them_back() {
        var lent = new LoanEvent.BookLent("member-7", LocalDate.of(2026, 3, 1), Instant.parse("2026-02-01T10:15:30Z"));

        var data = codec.encode(lent, Metadata.empty());

        assertThat(data.payloadAsString())
                .isEqualTo("{\"member\":\"member-7\",\"due\":\"2026-03-01\",\"at\":\"2026-02-01T10:15:30Z\"}");
        assertThat(codec.decode(recorded(data.type(), data.payloadAsString()))).containsExactly(lent);
    }

    @Test
    void writes_an_optional_as_its_content_or_null() {
        var returned = new LoanEvent.BookReturned(LocalDate.of(2026, 3, 2), Optional.of("torn cover"));
        var quiet = new LoanEvent.BookReturned(LocalDate.of(2026, 3, 2), Optional.empty());

        assertThat(codec.encode(returned, Metadata.empty()).payloadAsString())
                .isEqualTo("{\"on\":\"2026-03-02\",\"note\":\"torn cover\"}");
        assertThat(codec.decode(recorded("BookReturned", "{\"on\":\"2026-03-02\",\"note\":\"torn cover\"}")))
                .containsExactly(returned);
        assertThat(codec.decode(recorded("BookReturned", "{\"on\":\"2026-03-02\",\"note\":null}")))
                .containsExactly(quiet);
    }

    @Test
    void a_codec_given_its_own_mapper_writes_with_it() {
        var shouting = new SimpleModule().addSerializer(new StdSerializer<>(String.class) {
            @Override
            public void serialize(String value, JsonGenerator json, SerializerProvider provider) throws IOException {
                json.writeString(value.toUpperCase(java.util.Locale.ROOT));
            }
        });
        var custom = new EventCodec<>(
                EventTypeRegistry.of(LoanEvent.class),
                EventJson.builder().addModule(shouting).build());

        var data =
                custom.encode(new LoanEvent.BookLent("ann", LocalDate.of(2026, 3, 1), Instant.EPOCH), Metadata.empty());

        assertThat(data.payloadAsString()).contains("\"member\":\"ANN\"").contains("\"due\":\"2026-03-01\"");
        assertThat(custom.mapper()).isNotSameAs(codec.mapper());
    }

    private RecordedEvent recorded(String type, String json) {
        store.append("loan-1", ExpectedVersion.any(), List.of(EventData.of(type, json)));
        try (var events = store.readStream("loan-1", Direction.BACKWARD, ReadRequest.END, 1)) {
            return events.findFirst().orElseThrow();
        }
    }
}
