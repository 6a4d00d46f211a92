package dev.annals.server.internal.ops;

import dev.annals.server.TlsKeyStore;
import org.eclipse.jetty.http.HttpVersion;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.SecureRequestCustomizer;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.eclipse.jetty.util.ssl.SslContextFactory;

import static java.util.Objects.requireNonNull;

/**
 * The one connector of a server that serves HTTPS: TLS with the key store's key, then HTTP/1.1, on the
 * server's host and port. Being the only connector, nothing listens for plain HTTP.
 */
public final class HttpsConnector {

    private final TlsKeyStore keyStore;
    private final String host;
    private final int port;

    public HttpsConnector(TlsKeyStore keyStore, String host, int port) {
        this.keyStore = requireNonNull(keyStore, "keyStore");
        this.host = requireNonNull(host, "host");
        this.port = port;
    }

    /** Builds the connector for {@code server}, on a copy of Javalin's HTTP configuration. */
    public Connector create(Server server, HttpConfiguration javalinConfig) {
        var ssl = new SslContextFactory.Server();
        ssl.setKeyStorePath(keyStore.path().toAbsolutePath().toString());
        ssl.setKeyStorePassword(keyStore.password());
        ssl.setKeyStoreType(keyStore.type());
        var https = new HttpConfiguration(javalinConfig);
        // Clients reach a server by IP address as often as by name; the certificate check is theirs to make.
        https.addCustomizer(new SecureRequestCustomizer(false));
        var connector = new ServerConnector(
                server,
                new SslConnectionFactory(ssl, HttpVersion.HTTP_1_1.asString()),
                new HttpConnectionFactory(https));
        connector.setHost(host);
        connector.setPort(port);
        return connector;
    }
}
