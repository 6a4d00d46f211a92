package dev.annals.erasure;

import dev.annals.erasure.internal.DataKeys;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import javax.crypto.SecretKey;

import static java.util.Objects.requireNonNull;

/** A {@link SubjectKeyStore} in memory, for tests and fixtures: nothing survives the process. */
public final class InMemorySubjectKeyStore implements SubjectKeyStore {

    /** A subject's key, or empty once forgotten. */
    private final Map<String, Optional<SecretKey>> keys = new HashMap<>();

    @Override
    public synchronized SecretKey keyFor(String subject) {
        requireNonNull(subject, "subject");
        return keys.computeIfAbsent(subject, s -> Optional.of(DataKeys.generate()))
                .orElseThrow(() -> new SubjectForgottenException(subject));
    }

    @Override
    public synchronized Optional<SecretKey> find(String subject) {
        return keys.getOrDefault(requireNonNull(subject, "subject"), Optional.empty());
    }

    @Override
    public synchronized ForgetOutcome forget(String subject) {
        var before = keys.put(requireNonNull(subject, "subject"), Optional.empty());
        if (before == null) {
            return ForgetOutcome.NO_KEY;
        }
        return before.isPresent() ? ForgetOutcome.KEY_DELETED : ForgetOutcome.ALREADY_FORGOTTEN;
    }
}
