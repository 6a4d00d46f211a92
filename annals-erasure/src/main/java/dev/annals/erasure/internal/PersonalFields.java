package dev.annals.erasure.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.annals.erasure.PersonalData;
import dev.annals.erasure.SubjectKeyStore;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.crypto.SecretKey;

/**
 * Seals the personal properties of a payload before it is stored, and opens them when it is read: the
 * codec's half of crypto-shredding. Only top-level properties are handled.
 */
public final class PersonalFields {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private PersonalFields() {}

    /**
     * Replaces each personal property of {@code payload} that is present and not null by its envelope.
     *
     * @throws IllegalArgumentException when the subject property is missing, null or not a scalar
     * @throws dev.annals.erasure.SubjectForgottenException when the subject was forgotten
     */
    public static void seal(ObjectNode payload, PersonalData personal, SubjectKeyStore keys, String type) {
        JsonNode subjectNode = payload.get(personal.subjectField());
        if (subjectNode == null || !(subjectNode.isTextual() || subjectNode.isNumber())) {
            throw new IllegalArgumentException("event of type '" + type + "' has personal data but no subject: its"
                    + " property '" + personal.subjectField() + "' must be text or a number, was " + subjectNode);
        }
        String subject = subjectNode.asText();
        SecretKey key = null;
        for (String field : personal.fields()) {
            JsonNode value = payload.get(field);
            if (value == null || value.isNull()) {
                continue;
            }
            key = key == null ? keys.keyFor(subject) : key;
            try {
                payload.put(field, FieldCipher.seal(key, subject, field, MAPPER.writeValueAsBytes(value)));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("property '" + field + "' could not be written as JSON", e);
            }
        }
    }

    /**
     * Replaces each envelope among the top-level properties of {@code payload} by the value it seals, or by
     * JSON null when its subject's key is gone.
     *
     * @return the names of the properties found erased
     * @throws IllegalStateException when an envelope does not authenticate with its subject's key
     */
    public static Set<String> open(ObjectNode payload, SubjectKeyStore keys) {
        Set<String> erased = Set.of();
        Map<String, Optional<SecretKey>> found = new HashMap<>();
        var names = new ArrayList<String>();
        payload.fieldNames().forEachRemaining(names::add);
        for (String field : names) {
            JsonNode value = payload.get(field);
            if (!value.isTextual()) {
                continue;
            }
            var envelope = FieldCipher.parse(value.textValue());
            if (envelope.isEmpty()) {
                continue;
            }
            var key = found.computeIfAbsent(envelope.get().subject(), keys::find);
            if (key.isEmpty()) {
                payload.putNull(field);
                erased = erased.isEmpty() ? new HashSet<>() : erased;
                erased.add(field);
                continue;
            }
            try {
                payload.set(field, MAPPER.readTree(FieldCipher.open(key.get(), envelope.get(), field)));
            } catch (IOException e) {
                throw new IllegalStateException("the decrypted property '" + field + "' is not JSON", e);
            }
        }
        return erased;
    }

    /**
     * Sets the erased properties that {@code javaType} reads as text to {@link PersonalData#ERASED}; the
     * others stay null.
     */
    public static void markErased(ObjectNode payload, Class<?> javaType, Set<String> erased) {
        if (erased.isEmpty() || !javaType.isRecord()) {
            return;
        }
        for (var component : javaType.getRecordComponents()) {
            JsonNode value = payload.get(component.getName());
            if (erased.contains(component.getName())
                    && value != null
                    && value.isNull()
                    && CharSequence.class.isAssignableFrom(component.getType())) {
                payload.put(component.getName(), PersonalData.ERASED);
            }
        }
    }
}
