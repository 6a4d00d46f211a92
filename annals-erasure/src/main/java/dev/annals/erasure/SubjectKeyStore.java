package dev.annals.erasure;

import java.util.Optional;
import javax.crypto.SecretKey;

/**
 * Keeps one data key per data subject (a customer, a user) for crypto-shredding: personal data in events
 * is encrypted with its subject's key, and forgetting the subject deletes the key, which leaves that data
 * unreadable everywhere the ciphertext went (docs/erasure.md, docs/adr/0010).
 *
 * <p>Implementations: {@link InMemorySubjectKeyStore} for tests, and a JDBC one in the event store's own
 * database ({@code JdbcSubjectKeyStore} in annals-store-jdbc, for SQLite and PostgreSQL). They must be
 * safe for concurrent use, make at most one key per subject even when several processes race, and keep
 * a record that a subject was forgotten so that no new key is ever made for it.
 */
public interface SubjectKeyStore {

    /**
     * The data key of {@code subject}, made and stored first when it has none (a 256-bit AES key).
     *
     * @throws SubjectForgottenException when the subject was forgotten: its data must not be written again
     */
    SecretKey keyFor(String subject);

    /** The data key of {@code subject}; empty when it was forgotten or never had one. */
    Optional<SecretKey> find(String subject);

    /**
     * Deletes the key of {@code subject} for good and records that the subject is forgotten; the data
     * encrypted with the key can no longer be read. Idempotent.
     *
     * @return whether a key was deleted, the subject was already forgotten, or it never had a key
     */
    ForgetOutcome forget(String subject);
}
