package dev.annals.server;

import dev.annals.store.memory.InMemoryEventStore;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class TlsServerTest {

    @TempDir
    Path directory;

    @Test
    void serves_its_api_over_https_at_an_https_uri() throws Exception {
        var certificate = SelfSignedKeyStore.create(directory);
        try (var store = new InMemoryEventStore();
                var server = AnnalsServer.start(
                        store, ServerOptions.defaults().withPort(0).withTls(certificate.tls()));
                var http = HttpClient.newBuilder()
                        .sslContext(trusting(certificate))
                        .build()) {

            var health = http.send(
                    HttpRequest.newBuilder(server.uri().resolve("health/live")).build(),
                    HttpResponse.BodyHandlers.ofString());

            assertThat(server.uri().toString()).isEqualTo("https://127.0.0.1:" + server.port() + "/");
            assertThat(health.statusCode()).isEqualTo(200);
        }
    }

    @Test
    void refuses_a_key_store_it_cannot_open_before_starting() throws Exception {
        var certificate = SelfSignedKeyStore.create(directory);
        var notAKeyStore = Files.writeString(directory.resolve("notes.p12"), "hello");

        assertThatThrownBy(() -> TlsKeyStore.of(certificate.keyStore(), "wrong"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(certificate.keyStore().toString());
        assertThatThrownBy(() -> TlsKeyStore.of(notAKeyStore, "hello"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("notes.p12");
        assertThatThrownBy(() -> TlsKeyStore.of(certificate.trustStore(), certificate.password()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("holds no private key");
        assertThatThrownBy(() -> new TlsKeyStore(certificate.keyStore(), certificate.password(), "PEM"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("PKCS12 or JKS");
        assertThat(certificate.tls().toString()).doesNotContain(certificate.password());
    }

    private static SSLContext trusting(SelfSignedKeyStore certificate) throws Exception {
        var trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(KeyStore.getInstance(
                certificate.trustStore().toFile(), certificate.password().toCharArray()));
        var context = SSLContext.getInstance("TLS");
        context.init(null, trust.getTrustManagers(), null);
        return context;
    }
}
