package dev.annals.erasure;

import dev.annals.erasure.internal.DataKeys;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import static java.util.Objects.requireNonNull;

/**
 * A key-encryption key: a key store wraps each subject's data key with it before writing it, so that the
 * database alone (a dump, a backup, a read-only account) yields no key and so no personal data (envelope
 * encryption; docs/erasure.md). Keep it outside the database: an environment variable
 * ({@value #ENVIRONMENT_VARIABLE}), a secrets manager.
 *
 * <p>A wrapped key is {@code 0x01}, a random 96-bit nonce and the AES-256-GCM ciphertext of the 32-byte data
 * key with its tag, the subject as associated data: 61 bytes. A key written without a master key stays 32
 * bytes, so stores written before one was configured remain readable.
 */
public final class MasterKey {

    /** The environment variable {@link #fromEnvironment()} reads: 32 bytes in base64. */
    public static final String ENVIRONMENT_VARIABLE = "ANNALS_MASTER_KEY";

    private static final byte FORMAT = 1;
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final int WRAPPED_BYTES = 1 + NONCE_BYTES + 32 + TAG_BITS / 8;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final SecretKey key;

    private MasterKey(SecretKey key) {
        this.key = key;
    }

    /** The master key whose raw bytes are {@code bytes} (32: AES-256). */
    public static MasterKey of(byte[] bytes) {
        requireNonNull(bytes, "bytes");
        if (bytes.length != 32) {
            throw new IllegalArgumentException("a master key has 32 bytes (AES-256), this one " + bytes.length);
        }
        return new MasterKey(new SecretKeySpec(bytes.clone(), "AES"));
    }

    /** The master key written as base64, as {@link #ENVIRONMENT_VARIABLE} holds it. */
    public static MasterKey fromBase64(String base64) {
        requireNonNull(base64, "base64");
        try {
            return of(Base64.getDecoder().decode(base64.strip()));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("the master key must be 32 bytes in base64: " + e.getMessage(), e);
        }
    }

    /** The master key in {@link #ENVIRONMENT_VARIABLE}; empty when it is unset or blank. */
    public static Optional<MasterKey> fromEnvironment() {
        String value = System.getenv(ENVIRONMENT_VARIABLE);
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(fromBase64(value));
    }

    /** A new random master key, for tests and for generating one to keep elsewhere. */
    public static MasterKey generate() {
        return new MasterKey(DataKeys.generate());
    }

    /** Whether {@code stored} is a wrapped data key rather than a raw one. */
    public static boolean isWrapped(byte[] stored) {
        return stored.length == WRAPPED_BYTES && stored[0] == FORMAT;
    }

    /** {@code dataKey} of {@code subject}, wrapped. */
    public byte[] wrap(String subject, SecretKey dataKey) {
        byte[] nonce = new byte[NONCE_BYTES];
        RANDOM.nextBytes(nonce);
        try {
            var cipher = cipher(Cipher.ENCRYPT_MODE, subject, nonce);
            return ByteBuffer.allocate(WRAPPED_BYTES)
                    .put(FORMAT)
                    .put(nonce)
                    .put(cipher.doFinal(dataKey.getEncoded()))
                    .array();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("wrapping the data key of subject '" + subject + "' failed", e);
        }
    }

    /**
     * The data key of {@code subject} from its wrapped form.
     *
     * @throws IllegalArgumentException when this master key did not wrap it (another key, or the bytes or the
     *                                  subject were changed)
     */
    public SecretKey unwrap(String subject, byte[] wrapped) {
        if (!isWrapped(wrapped)) {
            throw new IllegalArgumentException("the data key of subject '" + subject + "' is not a wrapped key");
        }
        var nonce = new byte[NONCE_BYTES];
        System.arraycopy(wrapped, 1, nonce, 0, NONCE_BYTES);
        try {
            var cipher = cipher(Cipher.DECRYPT_MODE, subject, nonce);
            return DataKeys.of(cipher.doFinal(wrapped, 1 + NONCE_BYTES, wrapped.length - 1 - NONCE_BYTES));
        } catch (AEADBadTagException e) {
            throw new IllegalArgumentException(
                    "the master key does not open the data key of subject '" + subject
                            + "': it was wrapped with another master key, or changed",
                    e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("unwrapping the data key of subject '" + subject + "' failed", e);
        }
    }

    private Cipher cipher(int mode, String subject, byte[] nonce) throws GeneralSecurityException {
        var cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(mode, key, new GCMParameterSpec(TAG_BITS, nonce));
        // Bound to its subject: a wrapped key copied to another subject's row does not open.
        cipher.updateAAD(subject.getBytes(StandardCharsets.UTF_8));
        return cipher;
    }

    @Override
    public String toString() {
        return "MasterKey[hidden]";
    }
}
