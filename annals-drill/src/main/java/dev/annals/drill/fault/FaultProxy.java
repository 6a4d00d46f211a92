package dev.annals.drill.fault;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A small TCP proxy on loopback between an application and its database, that injects
 * {@link ConnectionFault}s into the connections through it. Annals' own, for drills and tests: it listens
 * on 127.0.0.1 only, and forwards to one upstream address.
 *
 * <p>Each connection is two pumps (one per direction) on virtual threads. Thread-safe.
 */
public final class FaultProxy implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(FaultProxy.class);
    private static final long SLOW_LATENCY_MILLIS = 50;
    private static final long SLOW_BYTES_PER_SECOND = 64 * 1024;

    private final InetSocketAddress upstream;
    private final ServerSocket listener;
    private final Set<Link> links = ConcurrentHashMap.newKeySet();
    private volatile ConnectionFault fault = ConnectionFault.NONE;
    private volatile boolean closed;

    private FaultProxy(InetSocketAddress upstream) throws IOException {
        this.upstream = upstream;
        this.listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread.ofVirtual().name("fault-proxy-accept").start(this::accept);
    }

    /** Starts a proxy to {@code upstream} on a free loopback port. */
    public static FaultProxy start(InetSocketAddress upstream) throws IOException {
        return new FaultProxy(upstream);
    }

    /** The port it listens on, at 127.0.0.1. */
    public int port() {
        return listener.getLocalPort();
    }

    /** The fault now in force. */
    public ConnectionFault fault() {
        return fault;
    }

    /** How many connections are open through it. */
    public int openConnections() {
        return links.size();
    }

    /** Puts {@code newFault} in force, on the open connections and on new ones, until the next call. */
    public synchronized void inject(ConnectionFault newFault) {
        var previous = fault;
        fault = newFault;
        LOG.debug("fault proxy: {} -> {} on {} connection(s)", previous, newFault, links.size());
        switch (newFault) {
            case DROP -> links.forEach(link -> link.cut(false));
            case RESET -> links.forEach(link -> link.cut(true));
            case HALF_OPEN -> links.forEach(Link::loseServer);
            default -> {}
        }
        if (previous == ConnectionFault.HALF_OPEN && newFault != ConnectionFault.HALF_OPEN) {
            for (Link link : links) {
                if (link.halfOpen()) {
                    link.cut(true);
                    links.remove(link);
                }
            }
        }
        notifyAll();
    }

    private void accept() {
        while (!closed) {
            try {
                var client = listener.accept();
                switch (fault) {
                    case DROP -> client.close();
                    case RESET -> reset(client);
                    default -> open(client);
                }
            } catch (IOException e) {
                if (!closed) {
                    LOG.debug("fault proxy: accept failed: {}", e.toString());
                }
            }
        }
    }

    private void open(Socket client) throws IOException {
        Socket server;
        try {
            server = new Socket(upstream.getAddress(), upstream.getPort());
        } catch (IOException e) {
            client.close();
            return;
        }
        client.setTcpNoDelay(true);
        server.setTcpNoDelay(true);
        var link = new Link(client, server);
        links.add(link);
        if (fault == ConnectionFault.HALF_OPEN) {
            link.loseServer();
        }
        Thread.ofVirtual().start(() -> pump(link, client, server, true));
        Thread.ofVirtual().start(() -> pump(link, server, client, false));
    }

    private void pump(Link link, Socket from, Socket to, boolean fromClient) {
        var buffer = new byte[16 * 1024];
        try (InputStream in = from.getInputStream()) {
            OutputStream out = to.getOutputStream();
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                if (!deliver(link, fromClient)) {
                    continue; // half-open: swallowed
                }
                if (fault == ConnectionFault.SLOW) {
                    // Late by the latency, and no faster than the bandwidth allows for this chunk.
                    LockSupport.parkNanos(
                            TimeUnit.MILLISECONDS.toNanos(SLOW_LATENCY_MILLIS + n * 1000L / SLOW_BYTES_PER_SECOND));
                }
                out.write(buffer, 0, n);
                out.flush();
            }
        } catch (IOException ended) {
            // One side went away (or was cut): the link ends.
        } finally {
            // A half-open link keeps the application's socket until the fault ends (see inject).
            if (!link.halfOpen()) {
                link.cut(false);
                links.remove(link);
            }
        }
    }

    /** Waits out a stall; false when the chunk is to be swallowed (a half-open link). */
    private boolean deliver(Link link, boolean fromClient) {
        synchronized (this) {
            while (fault == ConnectionFault.STALL && !closed) {
                try {
                    wait();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return false;
                }
            }
        }
        return !(link.halfOpen() && fromClient);
    }

    private static void reset(Socket socket) {
        try {
            socket.setSoLinger(true, 0);
            socket.close();
        } catch (IOException e) {
            // Gone already: as good as reset.
        }
    }

    @Override
    public void close() throws IOException {
        closed = true;
        synchronized (this) {
            notifyAll();
        }
        listener.close();
        links.forEach(link -> link.cut(false));
    }

    /** One connection through the proxy: the application's socket and the server's. */
    private static final class Link {
        private final Socket client;
        private final Socket server;
        private volatile boolean halfOpen;

        Link(Socket client, Socket server) {
            this.client = client;
            this.server = server;
        }

        boolean halfOpen() {
            return halfOpen;
        }

        /** The server's side goes; the application's stays open, unanswered. */
        void loseServer() {
            halfOpen = true;
            reset(server);
        }

        void cut(boolean withReset) {
            if (withReset) {
                reset(client);
                reset(server);
            } else {
                try {
                    client.close();
                    server.close();
                } catch (IOException e) {
                    // Closing what is gone.
                }
            }
        }
    }
}
