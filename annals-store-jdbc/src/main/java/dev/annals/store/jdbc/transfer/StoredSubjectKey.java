package dev.annals.store.jdbc.transfer;

import dev.annals.erasure.MasterKey;
import java.util.Arrays;
import java.util.Optional;
import java.util.OptionalLong;

import static java.util.Objects.requireNonNull;

/**
 * One row of {@code subject_keys} as a copy carries it (docs/adr/0010): the data key exactly as stored, raw
 * (32 bytes) or wrapped by a master key, never unwrapped on the way; or no key, when the subject is
 * forgotten, so that the copy never makes a new key for it.
 *
 * @param subject     the subject's id
 * @param dataKey     the stored bytes, raw or wrapped; empty when the subject is forgotten
 * @param createdAt   when the row was made, milliseconds since the epoch
 * @param forgottenAt when the subject was forgotten, milliseconds since the epoch; empty while it is not
 */
public record StoredSubjectKey(String subject, Optional<byte[]> dataKey, long createdAt, OptionalLong forgottenAt) {

    private static final int RAW_KEY_BYTES = 32;

    public StoredSubjectKey {
        requireNonNull(subject, "subject");
        requireNonNull(dataKey, "dataKey");
        requireNonNull(forgottenAt, "forgottenAt");
        dataKey = dataKey.map(byte[]::clone);
        if (dataKey.isPresent() && dataKey.get().length != RAW_KEY_BYTES && !MasterKey.isWrapped(dataKey.get())) {
            throw new IllegalArgumentException("the data key of subject '" + subject + "' is neither a raw "
                    + RAW_KEY_BYTES + "-byte key nor a wrapped one (" + dataKey.get().length + " bytes)");
        }
    }

    /** True when the subject is forgotten: no key, and none may ever be made. */
    public boolean forgotten() {
        return dataKey.isEmpty();
    }

    /** True when the key is wrapped by a master key. */
    public boolean wrapped() {
        return dataKey.map(MasterKey::isWrapped).orElse(false);
    }

    /** A copy of the stored key bytes; empty when forgotten. */
    @Override
    public Optional<byte[]> dataKey() {
        return dataKey.map(byte[]::clone);
    }

    /** True when both name the same subject with the same stored key, or both say it is forgotten. */
    public boolean sameKey(StoredSubjectKey other) {
        return subject.equals(other.subject)
                && forgotten() == other.forgotten()
                && (forgotten() || Arrays.equals(dataKey.get(), other.dataKey.get()));
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof StoredSubjectKey that
                && sameKey(that)
                && createdAt == that.createdAt
                && forgottenAt.equals(that.forgottenAt);
    }

    @Override
    public int hashCode() {
        return subject.hashCode() * 31 + Long.hashCode(createdAt);
    }

    /** Names the subject and the kind of key, never the key. */
    @Override
    public String toString() {
        return "StoredSubjectKey[" + subject + ", " + (forgotten() ? "forgotten" : wrapped() ? "wrapped" : "raw") + "]";
    }
}
