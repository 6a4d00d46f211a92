package dev.annals.erasure;

import dev.annals.erasure.internal.FieldCipher;
import java.util.List;
import java.util.Set;

import static java.util.Objects.requireNonNull;

/**
 * Which top-level JSON properties of one event type hold personal data, and which property names the data
 * subject they belong to. Declared with
 * {@code EventTypeRegistryBuilder.personalData(type, subjectField, fields...)}.
 *
 * <p>The codec encrypts each personal property with the subject's key; the subject property itself stays
 * in clear, since it is how the key is found (use a pseudonymous id, not an e-mail address).
 *
 * @param subjectField the property holding the subject's id (text or a number)
 * @param fields       the personal properties, at least one, never the subject's
 */
public record PersonalData(String subjectField, List<String> fields) {

    /**
     * What a personal text property decodes to once its subject is forgotten. Properties of other types
     * decode to {@code null}.
     */
    public static final String ERASED = "<erased>";

    public PersonalData {
        requireNonNull(subjectField, "subjectField");
        fields = List.copyOf(fields);
        if (fields.isEmpty()) {
            throw new IllegalArgumentException(
                    "personal data needs at least one field besides the subject '" + subjectField + "'");
        }
        if (fields.contains(subjectField)) {
            throw new IllegalArgumentException("the subject field '" + subjectField
                    + "' cannot be personal data itself: it is kept in clear to find the key");
        }
        if (Set.copyOf(fields).size() != fields.size()) {
            throw new IllegalArgumentException("a personal data field is named twice: " + fields);
        }
    }

    /**
     * The text that every sealed value of {@code subject} starts with in a stored payload, to find the events
     * that hold its encrypted data (as {@code annals forget} counts them). Says nothing about which field.
     */
    public static String sealedMarker(String subject) {
        return FieldCipher.marker(requireNonNull(subject, "subject"));
    }
}
