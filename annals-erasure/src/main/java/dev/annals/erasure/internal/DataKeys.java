package dev.annals.erasure.internal;

import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import javax.crypto.KeyGenerator;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

/** Makes and restores the subjects' data keys: 256-bit AES keys from a strong random source. */
public final class DataKeys {

    private static final SecureRandom RANDOM = new SecureRandom();

    private DataKeys() {}

    /** A new random 256-bit AES key. */
    public static SecretKey generate() {
        try {
            var generator = KeyGenerator.getInstance("AES");
            generator.init(256, RANDOM);
            return generator.generateKey();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("this JVM has no AES", e);
        }
    }

    /** The key whose raw bytes ({@link SecretKey#getEncoded()}) are {@code bytes}. */
    public static SecretKey of(byte[] bytes) {
        if (bytes.length != 32) {
            throw new IllegalArgumentException("a data key has 32 bytes, this one " + bytes.length);
        }
        return new SecretKeySpec(bytes, "AES");
    }
}
