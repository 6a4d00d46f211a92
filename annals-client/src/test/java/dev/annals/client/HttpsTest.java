package dev.annals.client;

import dev.annals.event.EventData;
import dev.annals.event.Metadata;
import dev.annals.event.RecordedEvent;
import dev.annals.server.AnnalsServer;
import dev.annals.server.SelfSignedKeyStore;
import dev.annals.server.ServerOptions;
import dev.annals.store.AppendResult;
import dev.annals.store.EventStoreException;
import dev.annals.store.ExpectedVersion;
import dev.annals.store.sqlite.SqliteEventStore;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import javax.net.ssl.SSLHandshakeException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A server with a self-signed certificate serves HTTPS only, to clients that trust the certificate. */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class HttpsTest {

    @TempDir
    Path directory;

    private SelfSignedKeyStore certificate;
    private SqliteEventStore store;
    private AnnalsServer server;

    @BeforeEach
    void startAnHttpsServer() {
        certificate = SelfSignedKeyStore.create(directory);
        store = SqliteEventStore.open(directory.resolve("data"));
        server = AnnalsServer.start(store, ServerOptions.defaults().withPort(0).withTls(certificate.tls()));
    }

    @AfterEach
    void stop() {
        server.close();
        store.close();
    }

    @Test
    void appends_and_reads_over_https_with_a_client_that_trusts_the_certificate() {
        var event = EventData.of(
                "Opened",
                "{\"owner\":\"Zoë\"}".getBytes(java.nio.charset.StandardCharsets.UTF_8),
                Metadata.empty().withUser("ann"));
        try (var client = AnnalsClient.builder(server.uri())
                .trustStore(certificate.trustStore(), certificate.password().toCharArray())
                .build()) {

            var appended = client.append("account-1", ExpectedVersion.noStream(), event);

            assertThat(server.uri().getScheme()).isEqualTo("https");
            assertThat(appended).isEqualTo(new AppendResult(0, 1));
            try (var events = client.readStream("account-1")) {
                assertThat(events.toList()).singleElement().satisfies(read -> {
                    assertThat(read.hasSameContentAs(event)).isTrue();
                    assertThat(read.streamVersion()).isZero();
                });
            }
            assertThat(store.readStream("account-1").map(RecordedEvent::eventId))
                    .containsExactly(event.eventId());
        }
    }

    @Test
    void refuses_a_client_that_does_not_trust_the_certificate() {
        try (var client = AnnalsClient.builder(server.uri()).build()) {
            assertThatThrownBy(client::headPosition)
                    .isInstanceOf(EventStoreException.class)
                    .hasMessageContaining("the TLS handshake failed (")
                    .hasMessageContaining("unable to find valid certification path to requested target")
                    .hasMessageNotContaining("sun.security")
                    .hasCauseInstanceOf(SSLHandshakeException.class)
                    .rootCause()
                    .isInstanceOf(java.security.cert.CertPathBuilderException.class);
        }
    }

    @Test
    void does_not_serve_plain_http_on_its_port() {
        var plain = URI.create("http://127.0.0.1:" + server.port() + "/streams");
        try (var http =
                HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()) {
            var request = HttpRequest.newBuilder(plain)
                    .timeout(Duration.ofSeconds(10))
                    .build();

            assertThatThrownBy(() -> http.send(request, HttpResponse.BodyHandlers.ofString()))
                    .isInstanceOf(IOException.class);
        }
        assertThat(store.headPosition()).isZero();
    }
}
