package dev.annals.erasure.internal;

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

/**
 * Encrypts one JSON value with AES-256-GCM into a text envelope, and back.
 *
 * <p>The envelope is {@code $erasable:v1:<subject, base64url>:<nonce and ciphertext, base64>}: the subject
 * travels with the ciphertext, so that decoding needs neither the registration nor the upcasters to find
 * the key. Each value gets a fresh random 96-bit nonce; the subject and the property name are
 * authenticated (GCM's associated data), so a ciphertext moved to another property or subject fails.
 */
public final class FieldCipher {

    /** The prefix every envelope starts with. */
    public static final String PREFIX = "$erasable:v1:";

    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();

    private FieldCipher() {}

    /** An envelope's parts. */
    public record Envelope(String subject, byte[] sealed) {}

    /** {@code plaintext} (a JSON value's bytes) sealed for {@code subject}'s property {@code field}. */
    public static String seal(SecretKey key, String subject, String field, byte[] plaintext) {
        var nonce = new byte[NONCE_BYTES];
        RANDOM.nextBytes(nonce);
        try {
            var cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(associated(subject, field));
            var sealed = ByteBuffer.allocate(NONCE_BYTES + cipher.getOutputSize(plaintext.length))
                    .put(nonce);
            sealed.put(cipher.doFinal(plaintext));
            return marker(subject) + Base64.getEncoder().encodeToString(sealed.array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM encryption failed for a property of subject '" + subject + "'", e);
        }
    }

    /** The text every envelope sealed for {@code subject} starts with, to find its events. */
    public static String marker(String subject) {
        return PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(subject.getBytes(StandardCharsets.UTF_8))
                + ":";
    }

    /** The envelope {@code text} holds, or empty when it is ordinary text. */
    public static Optional<Envelope> parse(String text) {
        if (!text.startsWith(PREFIX)) {
            return Optional.empty();
        }
        int colon = text.indexOf(':', PREFIX.length());
        if (colon < 0) {
            return Optional.empty();
        }
        try {
            var subject = new String(
                    Base64.getUrlDecoder().decode(text.substring(PREFIX.length(), colon)), StandardCharsets.UTF_8);
            var sealed = Base64.getDecoder().decode(text.substring(colon + 1));
            return sealed.length > NONCE_BYTES ? Optional.of(new Envelope(subject, sealed)) : Optional.empty();
        } catch (IllegalArgumentException notBase64) {
            return Optional.empty();
        }
    }

    /**
     * The plaintext sealed in {@code envelope} for property {@code field}.
     *
     * @throws IllegalStateException when the ciphertext was altered, moved, or sealed with another key
     */
    public static byte[] open(SecretKey key, Envelope envelope, String field) {
        try {
            var cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, envelope.sealed(), 0, NONCE_BYTES));
            cipher.updateAAD(associated(envelope.subject(), field));
            return cipher.doFinal(envelope.sealed(), NONCE_BYTES, envelope.sealed().length - NONCE_BYTES);
        } catch (AEADBadTagException e) {
            throw new IllegalStateException(
                    "the encrypted property '" + field + "' of subject '" + envelope.subject()
                            + "' does not authenticate: altered, moved from another property, or sealed with another key",
                    e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM decryption failed for property '" + field + "'", e);
        }
    }

    private static byte[] associated(String subject, String field) {
        return (subject + "\u0000" + field).getBytes(StandardCharsets.UTF_8);
    }
}
