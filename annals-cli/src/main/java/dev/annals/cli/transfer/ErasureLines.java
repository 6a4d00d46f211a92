package dev.annals.cli.transfer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.annals.store.internal.StreamMarks;
import dev.annals.store.jdbc.transfer.StoredSubjectKey;
import dev.annals.store.jdbc.transfer.StreamMark;
import java.io.IOException;
import java.time.Instant;
import java.util.Base64;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The export lines that carry a store's erasure state (docs/export-import.md, format version 2):
 * <pre>
 * {"kind":"streamMark","stream":"account-2","truncateBefore":3,"state":"tombstoned"}
 * {"kind":"subjectKey","subject":"c-1","dataKey":"base64…","createdAt":"…Z","forgottenAt":null}
 * </pre>
 * {@code state} is {@code live} (truncated), {@code deleted} (soft) or {@code tombstoned}; {@code dataKey}
 * holds the stored bytes, raw or wrapped by a master key, and is null for a forgotten subject.
 */
final class ErasureLines {

    static final String MARK = "streamMark";
    static final String KEY = "subjectKey";

    private ErasureLines() {}

    static ObjectNode write(ObjectMapper json, StreamMark mark) {
        return json.createObjectNode()
                .put("kind", MARK)
                .put("stream", mark.stream())
                .put("truncateBefore", mark.truncateBefore())
                .put("state", mark.state().name().toLowerCase(Locale.ROOT));
    }

    static ObjectNode write(ObjectMapper json, StoredSubjectKey key) {
        var line = json.createObjectNode().put("kind", KEY).put("subject", key.subject());
        line.put(
                "dataKey",
                key.dataKey().map(Base64.getEncoder()::encodeToString).orElse(null));
        line.put("createdAt", Instant.ofEpochMilli(key.createdAt()).toString());
        line.put(
                "forgottenAt",
                key.forgottenAt().isPresent()
                        ? Instant.ofEpochMilli(key.forgottenAt().getAsLong()).toString()
                        : null);
        return line;
    }

    static StreamMark readMark(JsonNode line) throws IOException {
        var text = ExportFormat.required(line, "state").asText();
        var state =
                switch (text) {
                    case "live" -> StreamMarks.State.LIVE;
                    case "deleted" -> StreamMarks.State.DELETED;
                    case "tombstoned" -> StreamMarks.State.TOMBSTONED;
                    default ->
                        throw new IOException(
                                "bad stream mark: state '" + text + "' is none of live, deleted," + " tombstoned");
                };
        try {
            return new StreamMark(
                    ExportFormat.required(line, "stream").asText(),
                    ExportFormat.required(line, "truncateBefore").asLong(),
                    state);
        } catch (IllegalArgumentException e) {
            throw new IOException("bad stream mark: " + e.getMessage(), e);
        }
    }

    static StoredSubjectKey readKey(JsonNode line) throws IOException {
        try {
            var dataKey = line.path("dataKey");
            var forgottenAt = line.path("forgottenAt");
            return new StoredSubjectKey(
                    ExportFormat.required(line, "subject").asText(),
                    dataKey.isMissingNode() || dataKey.isNull()
                            ? Optional.empty()
                            : Optional.of(Base64.getDecoder().decode(dataKey.asText())),
                    Instant.parse(ExportFormat.required(line, "createdAt").asText())
                            .toEpochMilli(),
                    forgottenAt.isMissingNode() || forgottenAt.isNull()
                            ? OptionalLong.empty()
                            : OptionalLong.of(
                                    Instant.parse(forgottenAt.asText()).toEpochMilli()));
        } catch (IllegalArgumentException | java.time.DateTimeException e) {
            throw new IOException(
                    "bad subject key (dataKey in base64 or null, createdAt and forgottenAt as" + " ISO-8601 instants): "
                            + e.getMessage(),
                    e);
        }
    }
}
