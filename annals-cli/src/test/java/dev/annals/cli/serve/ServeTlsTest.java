package dev.annals.cli.serve;

import dev.annals.backend.Backends;
import dev.annals.cli.ExitCodes;
import dev.annals.client.AnnalsClient;
import dev.annals.event.EventData;
import dev.annals.server.SelfSignedKeyStore;
import dev.annals.store.ExpectedVersion;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class ServeTlsTest {

    @TempDir
    Path directory;

    @Test
    void serves_https_with_the_key_store_and_the_password_file_given() throws Exception {
        var certificate = SelfSignedKeyStore.create(directory);
        var passwordFile = Files.writeString(directory.resolve("password.txt"), certificate.password() + "\n");
        var serving = serveWith(
                "--tls-keystore", certificate.keyStore().toString(), "--tls-password-file", passwordFile.toString());

        var uri = serving.uri();
        try (var client = AnnalsClient.builder(uri)
                .trustStore(certificate.trustStore(), certificate.password().toCharArray())
                .build()) {
            client.append("account-1", ExpectedVersion.noStream(), EventData.of("Opened", "{}"));

            assertThat(uri.getScheme()).isEqualTo("https");
            assertThat(client.headPosition()).isEqualTo(1);
        }
        assertThat(serving.stop()).isZero();
    }

    @Test
    void serves_https_with_the_password_from_the_environment_when_no_file_is_given() throws Exception {
        var certificate = SelfSignedKeyStore.create(directory);
        TlsOptions.environment = name -> name.equals(TlsOptions.PASSWORD_VARIABLE) ? certificate.password() : null;

        var serving = serveWith("--tls-keystore", certificate.keyStore().toString());

        assertThat(serving.uri().getScheme()).isEqualTo("https");
        assertThat(serving.stop()).isZero();
    }

    @Test
    void refuses_a_key_store_without_a_password_file_or_variable_naming_both() throws Exception {
        TlsOptions.environment = name -> null;

        // The password is looked for first: no key store need exist to be refused for the lack of one.
        var serving =
                serveWith("--tls-keystore", directory.resolve("server.p12").toString());

        assertThat(serving.exitCode()).isEqualTo(ExitCodes.REJECTED);
        assertThat(serving.err()).contains("--tls-password-file", TlsOptions.PASSWORD_VARIABLE);
    }

    @Test
    void refuses_a_key_store_with_a_wrong_password_naming_the_option() throws Exception {
        var certificate = SelfSignedKeyStore.create(directory);
        var passwordFile = Files.writeString(directory.resolve("password.txt"), "not-the-password");
        var serving = serveWith(
                "--tls-keystore", certificate.keyStore().toString(), "--tls-password-file", passwordFile.toString());

        assertThat(serving.exitCode()).isEqualTo(ExitCodes.REJECTED);
        assertThat(serving.err())
                .contains("--tls-keystore")
                .contains(certificate.keyStore().toString());
        assertThat(serving.out()).doesNotContain("Listening on");
    }

    @AfterEach
    void readTheRealEnvironmentAgain() {
        TlsOptions.environment = System::getenv;
    }

    /** {@code annals --data DIR serve --port 0 TLS_OPTIONS...} in the background. */
    private BackgroundServe serveWith(String... tlsOptions) {
        var args = new java.util.ArrayList<>(
                List.of("--data", directory.resolve("data").toString(), "serve", "--port", "0"));
        args.addAll(List.of(tlsOptions));
        return BackgroundServe.start(Backends.installed(), args.toArray(String[]::new));
    }
}
