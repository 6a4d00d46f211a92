package dev.annals.cli.serve;

import dev.annals.cli.BadUsageException;
import dev.annals.cli.RejectedRequestException;
import dev.annals.server.ServerOptions;
import dev.annals.server.TlsKeyStore;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.UnaryOperator;
import picocli.CommandLine.Option;

/**
 * The HTTPS options of {@code annals serve}: a key store and where its password comes from, a file or the
 * {@value #PASSWORD_VARIABLE} environment variable (never the command line, where other users could see it).
 */
public final class TlsOptions {

    /** The environment variable holding the key store's password when no file is given. */
    public static final String PASSWORD_VARIABLE = "ANNALS_TLS_PASSWORD";

    /** The process environment; a test stands in for it, as a JVM cannot set its own. */
    static UnaryOperator<String> environment = System::getenv;

    @Option(
            names = "--tls-keystore",
            paramLabel = "FILE",
            description = "Serve HTTPS with the key and certificate in this PKCS12 (or .jks) key store.")
    private Path keyStore;

    @Option(
            names = "--tls-password-file",
            paramLabel = "FILE",
            description = "The key store's password, as the first line of this file (default: the " + PASSWORD_VARIABLE
                    + " environment variable).")
    private Path passwordFile;

    /**
     * {@code options} with HTTPS when a key store was given.
     *
     * @throws RejectedRequestException naming the option when the password is missing or the key store
     *                                  cannot be read with it
     */
    ServerOptions apply(ServerOptions options) {
        return keyStore().map(options::withTls).orElse(options);
    }

    private Optional<TlsKeyStore> keyStore() {
        if (keyStore == null) {
            if (passwordFile != null) {
                throw new BadUsageException("--tls-password-file needs --tls-keystore FILE");
            }
            return Optional.empty();
        }
        try {
            return Optional.of(TlsKeyStore.of(keyStore, password()));
        } catch (IllegalArgumentException e) {
            throw new RejectedRequestException("--tls-keystore: " + e.getMessage(), e);
        }
    }

    private String password() {
        if (passwordFile != null) {
            try {
                return Files.readAllLines(passwordFile, StandardCharsets.UTF_8).stream()
                        .findFirst()
                        .orElse("");
            } catch (IOException e) {
                throw new RejectedRequestException(
                        "--tls-password-file: cannot read " + passwordFile + ": "
                                + (e instanceof java.nio.file.NoSuchFileException
                                        ? "no such file"
                                        : e instanceof java.nio.file.AccessDeniedException
                                                ? "permission denied"
                                                : e.getMessage()),
                        e);
            }
        }
        String password = environment.apply(PASSWORD_VARIABLE);
        if (password == null) {
            throw new RejectedRequestException("--tls-keystore " + keyStore + " needs its password: give"
                    + " --tls-password-file FILE or set " + PASSWORD_VARIABLE);
        }
        return password;
    }
}
