package dev.annals.server.internal.stream;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.util.ByteArrayBuilder;
import dev.annals.event.EventData;
import dev.annals.event.EventIds;
import dev.annals.event.Metadata;
import dev.annals.server.internal.input.StrictUtf8;
import dev.annals.server.internal.json.ApiJson;
import dev.annals.store.ExpectedVersion;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.UUID;

/**
 * An append's body read in one pass of the parser, each event's data copied into its bytes as it goes: no tree
 * of the body, no second writing of each payload. Half of an append's JSON work was building that tree and
 * writing {@code data} back out of it.
 *
 * <p>Only a body that {@link AppendBody#parse} would accept is read here, and into the same {@link AppendBody}:
 * the same events, ids drawn in the same order, each payload the bytes the tree would have written. Anything
 * else (malformed UTF-8 or JSON, a backslash, which may escape an unpaired surrogate, a missing, unknown or
 * ill-typed field, a duplicate event id, a floating-point number in the data) gives null, and the caller
 * reads the body as a tree, which names the problem as before.
 */
final class StreamedAppendBody {

    private StreamedAppendBody() {}

    /** Why a body is left to the tree: unwound to {@link #read}, never seen by a caller. */
    private static final class NotPlain extends Exception {
        NotPlain() {
            super(null, null, false, false);
        }
    }

    private static final NotPlain NOT_PLAIN = new NotPlain();

    /** The append {@code body} holds, or null when it must be read as a tree. */
    static AppendBody read(byte[] body) {
        if (!StrictUtf8.isWellFormed(body) || holdsBackslash(body)) {
            return null;
        }
        try (JsonParser parser = ApiJson.MAPPER.createParser(body)) {
            var append = root(parser);
            return parser.nextToken() == null ? append : null;
        } catch (NotPlain | JacksonException e) {
            return null;
        } catch (IOException e) {
            return null;
        }
    }

    private static boolean holdsBackslash(byte[] body) {
        for (byte b : body) {
            if (b == '\\') {
                return true;
            }
        }
        return false;
    }

    private static AppendBody root(JsonParser parser) throws IOException, NotPlain {
        expect(parser.nextToken() == JsonToken.START_OBJECT);
        ExpectedVersion expected = ExpectedVersion.any();
        List<EventData> events = null;
        for (String name = parser.nextFieldName(); name != null; name = parser.nextFieldName()) {
            switch (name) {
                case "expectedVersion" -> expected = expected(parser.nextToken(), parser);
                case "events" -> events = events(parser);
                default -> throw NOT_PLAIN;
            }
        }
        expect(events != null);
        return new AppendBody(expected, events);
    }

    private static ExpectedVersion expected(JsonToken token, JsonParser parser) throws IOException, NotPlain {
        if (token == JsonToken.VALUE_NULL) {
            return ExpectedVersion.any();
        }
        if (token == JsonToken.VALUE_STRING) {
            return switch (parser.getText()) {
                case "any" -> ExpectedVersion.any();
                case "no_stream" -> ExpectedVersion.noStream();
                case "stream_exists" -> ExpectedVersion.streamExists();
                default -> throw NOT_PLAIN;
            };
        }
        expect(token == JsonToken.VALUE_NUMBER_INT && parser.getNumberType() != JsonParser.NumberType.BIG_INTEGER);
        long version = parser.getLongValue();
        expect(version >= -1);
        return ExpectedVersion.exact(version);
    }

    private static List<EventData> events(JsonParser parser) throws IOException, NotPlain {
        expect(parser.nextToken() == JsonToken.START_ARRAY);
        var events = new ArrayList<EventData>(1);
        var ids = new HashSet<UUID>();
        for (JsonToken token = parser.nextToken(); token != JsonToken.END_ARRAY; token = parser.nextToken()) {
            expect(token == JsonToken.START_OBJECT);
            var event = event(parser);
            expect(ids.add(event.eventId()));
            events.add(event);
        }
        expect(!events.isEmpty());
        return List.copyOf(events);
    }

    private static EventData event(JsonParser parser) throws IOException, NotPlain {
        String type = null;
        byte[] data = null;
        Metadata metadata = Metadata.empty();
        UUID eventId = null;
        int schemaVersion = 1;
        for (String name = parser.nextFieldName(); name != null; name = parser.nextFieldName()) {
            switch (name) {
                case "type" -> {
                    expect(parser.nextToken() == JsonToken.VALUE_STRING);
                    type = parser.getText();
                    expect(!type.isBlank());
                }
                case "data" -> data = data(parser);
                case "metadata" -> metadata = metadata(parser);
                case "eventId" -> eventId = eventId(parser);
                case "schemaVersion" -> {
                    expect(parser.nextToken() == JsonToken.VALUE_NUMBER_INT
                            && parser.getNumberType() == JsonParser.NumberType.INT);
                    schemaVersion = parser.getIntValue();
                    expect(schemaVersion >= 1);
                }
                default -> throw NOT_PLAIN;
            }
        }
        expect(type != null && data != null);
        // Drawn here, after the event's fields, as the tree's reading draws it: ids follow the events' order.
        return new EventData(eventId == null ? EventIds.next() : eventId, type, schemaVersion, data, metadata);
    }

    private static UUID eventId(JsonParser parser) throws IOException, NotPlain {
        JsonToken token = parser.nextToken();
        if (token == JsonToken.VALUE_NULL) {
            return null;
        }
        expect(token == JsonToken.VALUE_STRING);
        try {
            return UUID.fromString(parser.getText());
        } catch (IllegalArgumentException e) {
            throw NOT_PLAIN;
        }
    }

    private static Metadata metadata(JsonParser parser) throws IOException, NotPlain {
        JsonToken token = parser.nextToken();
        if (token == JsonToken.VALUE_NULL) {
            return Metadata.empty();
        }
        expect(token == JsonToken.START_OBJECT);
        var values = new HashMap<String, String>();
        for (String name = parser.nextFieldName(); name != null; name = parser.nextFieldName()) {
            expect(parser.nextToken() == JsonToken.VALUE_STRING);
            values.put(name, parser.getText());
        }
        return Metadata.of(values);
    }

    /** The value at the parser, written as the tree of it would be written. */
    private static byte[] data(JsonParser parser) throws IOException, NotPlain {
        parser.nextToken();
        try (var bytes = new ByteArrayBuilder(256);
                JsonGenerator json = ApiJson.MAPPER.createGenerator(bytes)) {
            copy(parser, json);
            json.flush();
            return bytes.toByteArray();
        }
    }

    private static void copy(JsonParser parser, JsonGenerator json) throws IOException, NotPlain {
        switch (parser.currentToken()) {
            case START_OBJECT -> {
                json.writeStartObject();
                for (String name = parser.nextFieldName(); name != null; name = parser.nextFieldName()) {
                    json.writeFieldName(name);
                    parser.nextToken();
                    copy(parser, json);
                }
                json.writeEndObject();
            }
            case START_ARRAY -> {
                json.writeStartArray();
                while (parser.nextToken() != JsonToken.END_ARRAY) {
                    copy(parser, json);
                }
                json.writeEndArray();
            }
            case VALUE_STRING -> json.writeString(parser.getText());
            case VALUE_NUMBER_INT -> {
                // As the tree holds it (an int, a long or a big integer) and writes it back.
                switch (parser.getNumberType()) {
                    case INT -> json.writeNumber(parser.getIntValue());
                    case LONG -> json.writeNumber(parser.getLongValue());
                    default -> json.writeNumber(parser.getBigIntegerValue());
                }
            }
            case VALUE_TRUE -> json.writeBoolean(true);
            case VALUE_FALSE -> json.writeBoolean(false);
            case VALUE_NULL -> json.writeNull();
            // A float's text as the tree writes it depends on the mapper's decimal settings: left to the tree.
            default -> throw NOT_PLAIN;
        }
    }

    private static void expect(boolean plain) throws NotPlain {
        if (!plain) {
            throw NOT_PLAIN;
        }
    }
}
