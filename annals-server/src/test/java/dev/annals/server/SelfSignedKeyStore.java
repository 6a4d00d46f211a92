package dev.annals.server;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A self-signed certificate for {@code 127.0.0.1} and {@code localhost} made with the JDK's {@code keytool}:
 * the server's PKCS12 key store and a PKCS12 trust store holding only the certificate, for clients. Shared
 * with other modules' tests through this module's test jar.
 *
 * @param keyStore   the server's key and certificate
 * @param trustStore the certificate alone
 * @param password   the password of both
 */
public record SelfSignedKeyStore(Path keyStore, Path trustStore, String password) {

    /** Makes both files in {@code directory}. */
    public static SelfSignedKeyStore create(Path directory) {
        var password = "changeit-" + Long.toHexString(System.nanoTime());
        var keyStore = directory.resolve("server.p12");
        var certificate = directory.resolve("server.crt");
        var trustStore = directory.resolve("trust.p12");
        keytool(
                "-genkeypair",
                "-alias",
                "annals",
                "-keyalg",
                "EC",
                "-groupname",
                "secp256r1",
                "-validity",
                "2",
                "-dname",
                "CN=localhost",
                "-ext",
                "SAN=ip:127.0.0.1,dns:localhost",
                "-storetype",
                "PKCS12",
                "-keystore",
                keyStore.toString(),
                "-storepass",
                password,
                "-keypass",
                password);
        keytool(
                "-exportcert",
                "-alias",
                "annals",
                "-keystore",
                keyStore.toString(),
                "-storepass",
                password,
                "-file",
                certificate.toString());
        keytool(
                "-importcert",
                "-noprompt",
                "-alias",
                "annals",
                "-file",
                certificate.toString(),
                "-storetype",
                "PKCS12",
                "-keystore",
                trustStore.toString(),
                "-storepass",
                password);
        return new SelfSignedKeyStore(keyStore, trustStore, password);
    }

    /** The key store as the server takes it. */
    public TlsKeyStore tls() {
        return TlsKeyStore.of(keyStore, password);
    }

    private static void keytool(String... args) {
        var command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "keytool").toString()));
        command.addAll(List.of(args));
        try {
            var process = new ProcessBuilder(command).redirectErrorStream(true).start();
            var output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IllegalStateException("keytool " + args[0] + " failed: " + output);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running keytool", e);
        }
    }
}
