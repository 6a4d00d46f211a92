package dev.annals.cli.serve;

import dev.annals.cli.RejectedRequestException;
import dev.annals.server.AnnalsServer;
import dev.annals.server.ServerBuilder;
import dev.annals.server.ServerOptions;
import java.io.IOException;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;

/**
 * Checks, before {@code annals serve} opens the store or runs the demo, that it can listen where it was told:
 * a port in use must be one clear line and exit 1, not a demo written into the store and then the web
 * server's own error. The server binds again a moment later; a port taken in between fails then, with the
 * same line ({@link #listen}).
 */
final class PortProbe {

    private PortProbe() {}

    /**
     * Starts the server; a port taken since {@link #requireFree} is the same one line.
     *
     * @throws RejectedRequestException when the server cannot bind
     */
    static AnnalsServer listen(ServerBuilder builder, ServerOptions options) {
        try {
            return builder.start();
        } catch (RuntimeException e) {
            for (Throwable cause = e; cause != null; cause = cause.getCause()) {
                if (cause instanceof BindException
                        || cause.getClass().getSimpleName().endsWith("BindException")) {
                    throw inUse(options.host() + ":" + options.port());
                }
            }
            throw e;
        }
    }

    private static RejectedRequestException inUse(String where) {
        return new RejectedRequestException("cannot listen on " + where + ": the port is in use or not allowed"
                + " (stop what uses it, or give another with --port)");
    }

    /**
     * Binds to the options' host and port and lets go at once; nothing for port 0 (any free port).
     *
     * @throws RejectedRequestException naming the host, the port and the way out when it cannot bind
     */
    static void requireFree(ServerOptions options) {
        if (options.port() == 0) {
            return;
        }
        String where = options.host() + ":" + options.port();
        var address = new InetSocketAddress(options.host(), options.port());
        if (address.isUnresolved()) {
            throw new RejectedRequestException("cannot listen on " + where + ": unknown host '" + options.host()
                    + "' (give an address of this machine with --host)");
        }
        try (var socket = new ServerSocket()) {
            // As the web server binds: a port whose old connections linger in TIME_WAIT is free for it.
            socket.setReuseAddress(true);
            socket.bind(address);
        } catch (BindException e) {
            throw inUse(where);
        } catch (IOException e) {
            throw new RejectedRequestException("cannot listen on " + where + ": " + e.getMessage());
        }
    }
}
