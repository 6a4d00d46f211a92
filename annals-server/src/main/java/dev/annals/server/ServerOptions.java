package dev.annals.server;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * Where the server listens and the limits it enforces, checked when built.
 *
 * @param host         the address to bind; {@code 127.0.0.1} by default
 * @param port         the port; 0 picks a free one
 * @param maxBodyBytes the largest request body accepted; a larger one is refused with 413, counted while it
 *                     is read whether it has a {@code Content-Length} or is chunked
 * @param maxInFlight  the most requests handled at once; one more is refused with 429
 * @param tls          the key store to serve HTTPS with; plain HTTP when empty
 */
public record ServerOptions(String host, int port, long maxBodyBytes, int maxInFlight, Optional<TlsKeyStore> tls) {

    /** The port {@code annals serve} listens on unless told otherwise. */
    public static final int DEFAULT_PORT = 2113;

    public ServerOptions {
        requireNonNull(host, "host");
        requireNonNull(tls, "tls");
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port must be from 0 to 65535, was " + port);
        }
        if (maxBodyBytes < 1) {
            throw new IllegalArgumentException("maxBodyBytes must be 1 or more, was " + maxBodyBytes);
        }
        if (maxInFlight < 1) {
            throw new IllegalArgumentException("maxInFlight must be 1 or more, was " + maxInFlight);
        }
    }

    /** Options served over plain HTTP. */
    public ServerOptions(String host, int port, long maxBodyBytes, int maxInFlight) {
        this(host, port, maxBodyBytes, maxInFlight, Optional.empty());
    }

    /** Loopback on {@link #DEFAULT_PORT}, bodies up to 4 MiB, 256 requests in flight, plain HTTP. */
    public static ServerOptions defaults() {
        return new ServerOptions("127.0.0.1", DEFAULT_PORT, 4L * 1024 * 1024, 256);
    }

    /** These options served over HTTPS with the key and certificate in {@code keyStore}. */
    public ServerOptions withTls(TlsKeyStore keyStore) {
        return new ServerOptions(host, port, maxBodyBytes, maxInFlight, Optional.of(keyStore));
    }

    public ServerOptions withHost(String newHost) {
        return new ServerOptions(newHost, port, maxBodyBytes, maxInFlight, tls);
    }

    public ServerOptions withPort(int newPort) {
        return new ServerOptions(host, newPort, maxBodyBytes, maxInFlight, tls);
    }

    public ServerOptions withMaxBodyBytes(long newMax) {
        return new ServerOptions(host, port, newMax, maxInFlight, tls);
    }

    public ServerOptions withMaxInFlight(int newMax) {
        return new ServerOptions(host, port, maxBodyBytes, newMax, tls);
    }

    /**
     * True when {@link #host()} resolves, and every address it resolves to is a loopback address: the only
     * case where authentication may be off. A name is judged by its addresses, never by its spelling
     * ({@code 127.attacker.example} may resolve anywhere).
     */
    public boolean loopback() {
        return loopbackAddress().isPresent();
    }

    /** The address to bind for {@link #host()} when all its addresses are loopback ones, the first of them. */
    Optional<InetAddress> loopbackAddress() {
        try {
            InetAddress[] addresses = InetAddress.getAllByName(host);
            return Arrays.stream(addresses).allMatch(InetAddress::isLoopbackAddress)
                    ? Optional.of(addresses[0])
                    : Optional.empty();
        } catch (UnknownHostException e) {
            return Optional.empty();
        }
    }
}
