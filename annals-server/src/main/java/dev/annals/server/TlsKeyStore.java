package dev.annals.server;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.Collections;
import java.util.Locale;
import java.util.Set;

import static java.util.Objects.requireNonNull;

/**
 * The key store a server serves HTTPS with: a private key and its certificate chain, in a PKCS12 or JKS file.
 * The file is read when this is built, so that a wrong path, password or type is reported before the server
 * starts.
 *
 * @param path     the key store file
 * @param password its password (also the key's)
 * @param type     {@code PKCS12} or {@code JKS}
 */
public record TlsKeyStore(Path path, String password, String type) {

    private static final Set<String> TYPES = Set.of("PKCS12", "JKS");

    /**
     * @throws IllegalArgumentException naming the file when it cannot be read with this password and type, or
     *                                  holds no private key
     */
    public TlsKeyStore {
        requireNonNull(path, "path");
        requireNonNull(password, "password");
        requireNonNull(type, "type");
        type = type.toUpperCase(Locale.ROOT);
        if (!TYPES.contains(type)) {
            throw new IllegalArgumentException("the key store type must be PKCS12 or JKS, was " + type);
        }
        check(path, password, type);
    }

    /** The key store at {@code path}, of type JKS when its name ends in {@code .jks} and PKCS12 otherwise. */
    public static TlsKeyStore of(Path path, String password) {
        boolean jks = path.getFileName() != null
                && path.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".jks");
        return new TlsKeyStore(path, password, jks ? "JKS" : "PKCS12");
    }

    private static void check(Path path, String password, String type) {
        if (!Files.isRegularFile(path)) {
            throw new IllegalArgumentException("the TLS key store " + path + " is not a readable file");
        }
        try (InputStream in = Files.newInputStream(path)) {
            KeyStore keys = KeyStore.getInstance(type);
            keys.load(in, password.toCharArray());
            for (String alias : Collections.list(keys.aliases())) {
                if (keys.isKeyEntry(alias)) {
                    return;
                }
            }
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalArgumentException(
                    "the TLS key store " + path + " could not be read as " + type + " with the password given: "
                            + e.getMessage(),
                    e);
        }
        throw new IllegalArgumentException("the TLS key store " + path + " holds no private key");
    }

    /** Names the file and type, never the password. */
    @Override
    public String toString() {
        return "TlsKeyStore[" + path + ", " + type + "]";
    }
}
