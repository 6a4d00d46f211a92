package dev.annals.client.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.annals.client.ApiErrorException;
import dev.annals.store.EventStoreException;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;

import static java.util.Objects.requireNonNull;

/**
 * Sends the API's requests with the JDK's {@link HttpClient} and parses the answers: a JSON body on 2xx, an
 * {@link ApiErrorException} built from the API's error body otherwise, an {@link EventStoreException} when
 * the server could not be reached or did not answer in time.
 */
public final class Transport implements AutoCloseable {

    private final URI baseUri;
    private final Optional<String> token;
    private final Duration requestTimeout;
    private final HttpClient http;

    public Transport(
            URI baseUri,
            Optional<String> token,
            Optional<SSLContext> sslContext,
            Duration connectTimeout,
            Duration requestTimeout) {
        this.baseUri = requireNonNull(baseUri, "baseUri");
        this.token = requireNonNull(token, "token");
        this.requestTimeout = requireNonNull(requestTimeout, "requestTimeout");
        var builder = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(connectTimeout)
                .followRedirects(HttpClient.Redirect.NEVER);
        sslContext.ifPresent(builder::sslContext);
        this.http = builder.build();
    }

    /** The server's base URI, ending in {@code /}. */
    public URI baseUri() {
        return baseUri;
    }

    /** GETs {@code pathAndQuery} (relative to the base URI, already encoded) and returns its JSON body. */
    public JsonNode get(String pathAndQuery) {
        return send(request(pathAndQuery).GET().build());
    }

    /** POSTs the JSON {@code body} to {@code path} (relative, already encoded) and returns the answer's JSON. */
    public JsonNode post(String path, byte[] body) {
        return send(request(path)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build());
    }

    /** DELETEs {@code pathAndQuery} (relative, already encoded) and returns the answer's JSON. */
    public JsonNode delete(String pathAndQuery) {
        return send(request(pathAndQuery).DELETE().build());
    }

    /**
     * Opens the Server-Sent Events stream at {@code pathAndQuery} (relative, already encoded), resuming after
     * {@code lastEventId}; the caller reads its lines and closes it.
     *
     * @throws ApiErrorException    when the server refuses it (a token that may not read it, a server without it)
     * @throws EventStoreException  when the server cannot be reached or does not answer in time
     */
    public InputStream openEvents(String pathAndQuery, long lastEventId) {
        var request = request(pathAndQuery)
                .setHeader("Accept", "text/event-stream")
                .header("Last-Event-ID", Long.toString(lastEventId))
                .GET()
                .build();
        HttpResponse<InputStream> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
        } catch (IOException e) {
            throw new EventStoreException(
                    "no answer from the Annals server to GET " + request.uri() + ": " + why(e), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new EventStoreException("interrupted while waiting for GET " + request.uri(), e);
        }
        int status = response.statusCode();
        if (status >= 200 && status < 300) {
            return response.body();
        }
        byte[] body;
        try (var in = response.body()) {
            body = in.readAllBytes();
        } catch (IOException e) {
            body = new byte[0];
        }
        throw error(request, status, body);
    }

    private HttpRequest.Builder request(String pathAndQuery) {
        var builder = HttpRequest.newBuilder(baseUri.resolve(pathAndQuery))
                .timeout(requestTimeout)
                .header("Accept", "application/json");
        token.ifPresent(secret -> builder.header("Authorization", "Bearer " + secret));
        return builder;
    }

    private JsonNode send(HttpRequest request) {
        HttpResponse<byte[]> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new EventStoreException(
                    "no answer from the Annals server to " + request.method() + " " + request.uri() + ": " + why(e), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new EventStoreException("interrupted while waiting for " + request.method() + " " + request.uri(), e);
        }
        int status = response.statusCode();
        if (status >= 200 && status < 300) {
            return ClientJson.parse(response.body(), request);
        }
        throw error(request, status, response.body());
    }

    /** What went wrong for people, without the JDK's class names (a refused connection has no message). */
    private String why(IOException e) {
        return switch (e) {
            case HttpConnectTimeoutException timeout ->
                "no connection within the connect timeout (is the address right?)";
            case HttpTimeoutException timeout -> "no answer within " + requestTimeout.toSeconds() + " s";
            case ConnectException refused -> "the connection was refused (is the server running there?)";
            case SSLHandshakeException handshake ->
                "the TLS handshake failed (" + withoutClassNames(handshake)
                        + "); a self-signed certificate is trusted only with a trust store that holds it";
            default -> e.getMessage() == null || e.getMessage().isBlank() ? "the connection failed" : e.getMessage();
        };
    }

    /** The JDK's handshake message names its exceptions: "PKIX path building failed: sun.security....Exception: ...". */
    private static String withoutClassNames(SSLHandshakeException e) {
        return Objects.toString(e.getMessage(), "").replaceAll("(?:[a-z_][a-z0-9_]*\\.)+[A-Z]\\w*Exception: ", "");
    }

    private static ApiErrorException error(HttpRequest request, int status, byte[] body) {
        String where = request.method() + " " + request.uri();
        JsonNode node;
        try {
            node = ClientJson.MAPPER.readTree(body);
        } catch (IOException e) {
            node = null;
        }
        if (node == null || !node.path("error").isTextual()) {
            return new ApiErrorException(status, "http_" + status, where + " failed with HTTP " + status, Map.of());
        }
        var details = new HashMap<String, String>();
        node.path("details")
                .fields()
                .forEachRemaining(
                        field -> details.put(field.getKey(), field.getValue().asText()));
        return new ApiErrorException(
                status,
                node.get("error").asText(),
                node.path("message").asText("") + " (HTTP " + status + " from " + where + ")",
                details);
    }

    /** Closes the connections; requests still running are completed first. */
    @Override
    public void close() {
        http.close();
    }
}
