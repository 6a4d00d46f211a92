package dev.annals.client;

import dev.annals.client.internal.LiveHead;
import dev.annals.client.internal.Transport;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

import static java.util.Objects.requireNonNull;

/**
 * Settings of an {@link AnnalsClient}, checked as they are given: the server's base URI, an optional bearer
 * token, what to trust over HTTPS, timeouts and the page size of reads.
 */
public final class AnnalsClientBuilder {

    /** The most events or streams the server returns in one page. */
    public static final int MAX_PAGE_SIZE = 1000;

    private final URI baseUri;
    private Optional<String> token = Optional.empty();
    private Optional<SSLContext> sslContext = Optional.empty();
    private Duration connectTimeout = Duration.ofSeconds(5);
    private Duration requestTimeout = Duration.ofSeconds(30);
    private int pageSize = 500;
    private boolean liveEvents = true;
    private Duration reconnectDelay = Duration.ofSeconds(1);

    AnnalsClientBuilder(URI baseUri) {
        requireNonNull(baseUri, "baseUri");
        String scheme = baseUri.getScheme() == null ? "" : baseUri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https") || baseUri.getHost() == null) {
            throw new IllegalArgumentException(
                    "the server's URI must be http://HOST:PORT/ or https://HOST:PORT/," + " was " + baseUri);
        }
        this.baseUri = baseUri.toString().endsWith("/") ? baseUri : URI.create(baseUri + "/");
    }

    /** Sends {@code bearerToken} (from {@code annals tokens create}) with every request. */
    public AnnalsClientBuilder token(String bearerToken) {
        requireNonNull(bearerToken, "bearerToken");
        if (bearerToken.isBlank()) {
            throw new IllegalArgumentException("a bearer token must not be blank");
        }
        this.token = Optional.of(bearerToken);
        return this;
    }

    /** Trusts what {@code context} trusts over HTTPS, instead of the JDK's default certificate authorities. */
    public AnnalsClientBuilder sslContext(SSLContext context) {
        this.sslContext = Optional.of(requireNonNull(context, "context"));
        return this;
    }

    /**
     * Trusts the certificates in the key store at {@code path} (PKCS12 or JKS, detected from the file) over
     * HTTPS, such as the server's self-signed certificate.
     *
     * @throws IllegalArgumentException when the file cannot be read as a key store with {@code password}
     */
    public AnnalsClientBuilder trustStore(Path path, char[] password) {
        requireNonNull(path, "path");
        requireNonNull(password, "password");
        try {
            KeyStore keys = KeyStore.getInstance(path.toFile(), password);
            var trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trust.init(keys);
            var context = SSLContext.getInstance("TLS");
            context.init(null, trust.getTrustManagers(), null);
            return sslContext(context);
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalArgumentException("the trust store " + path + " could not be read: " + e.getMessage(), e);
        }
    }

    /** How long to wait for a connection to the server; 5 seconds unless set. */
    public AnnalsClientBuilder connectTimeout(Duration timeout) {
        this.connectTimeout = positive(timeout, "connectTimeout");
        return this;
    }

    /** How long to wait for the answer to one request (one append, one page of a read); 30 seconds unless set. */
    public AnnalsClientBuilder requestTimeout(Duration timeout) {
        this.requestTimeout = positive(timeout, "requestTimeout");
        return this;
    }

    /** How many events (or streams) a read asks for per request, 1 to {@value #MAX_PAGE_SIZE}; 500 unless set. */
    public AnnalsClientBuilder pageSize(int size) {
        if (size < 1 || size > MAX_PAGE_SIZE) {
            throw new IllegalArgumentException("pageSize must be from 1 to " + MAX_PAGE_SIZE + ", was " + size);
        }
        this.pageSize = size;
        return this;
    }

    /**
     * Whether subscriptions over the client follow the server's live stream (Server-Sent Events on
     * {@code /subscriptions/$all}) to wake as soon as an event is committed; on unless set. Off, or when the
     * server refuses the stream (a token that may not read {@code $all}), the client offers no
     * {@code HeadNotifier} or stops notifying, and subscriptions find new events by polling every
     * {@code SubscriptionOptions.pollInterval()}.
     */
    public AnnalsClientBuilder liveEvents(boolean follow) {
        this.liveEvents = follow;
        return this;
    }

    /** How long to wait before opening a dropped live stream again; 1 second unless set. */
    public AnnalsClientBuilder reconnectDelay(Duration delay) {
        this.reconnectDelay = positive(delay, "reconnectDelay");
        return this;
    }

    /** A client with these settings; it connects on its first request. */
    public AnnalsClient build() {
        var transport = new Transport(baseUri, token, sslContext, connectTimeout, requestTimeout);
        return new AnnalsClient(
                transport,
                pageSize,
                liveEvents ? Optional.of(new LiveHead(transport, reconnectDelay)) : Optional.empty());
    }

    private static Duration positive(Duration timeout, String name) {
        requireNonNull(timeout, name);
        if (timeout.isZero() || timeout.isNegative()) {
            throw new IllegalArgumentException(name + " must be positive, was " + timeout);
        }
        return timeout;
    }
}
