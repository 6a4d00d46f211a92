package dev.annals.drill.drills;

import dev.annals.backend.OpenOptions;
import dev.annals.drill.Drill;
import dev.annals.drill.DrillSession;
import dev.annals.drill.DrillSettings;
import dev.annals.drill.fault.ConnectionFault;
import dev.annals.drill.fault.FaultProxy;
import dev.annals.drill.fault.ThrowawayPostgres;
import dev.annals.drill.load.RunningLoad;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * {@code cut-connections}: the application reaches its database through a {@link FaultProxy} on loopback,
 * which in turn drops, stalls, slows, half-opens and resets the connections, one fault at a time, each for
 * a while. A store given with {@code --store URL} (host and port) is reached through the proxy; otherwise a
 * throwaway PostgreSQL of the drill's own is. Recovery is the time from the fault's end to the next
 * acknowledged append.
 */
public final class CutConnections implements Drill {

    private static final List<ConnectionFault> CYCLE = List.of(
            ConnectionFault.DROP,
            ConnectionFault.STALL,
            ConnectionFault.SLOW,
            ConnectionFault.HALF_OPEN,
            ConnectionFault.RESET);

    @Override
    public String name() {
        return "cut-connections";
    }

    @Override
    public String summary() {
        return "drop, stall, slow, half-open and reset the database connections through a loopback proxy";
    }

    @Override
    public Optional<String> cannotRun(DrillSettings settings) {
        return networkAddress(settings.location()).isPresent() ? Optional.empty() : ThrowawayPostgres.unavailable();
    }

    @Override
    public DrillSession start(DrillSettings settings, String streamPrefix) throws Exception {
        var address = networkAddress(settings.location());
        ThrowawayPostgres server = address.isPresent() ? null : ThrowawayPostgres.start();
        FaultProxy proxy = null;
        try {
            String location = server == null ? settings.location() : server.location("drill");
            var upstream = networkAddress(location).orElseThrow();
            proxy = FaultProxy.start(upstream);
            var through = throughProxy(location, proxy.port());
            var load = RunningLoad.start(
                    settings.backends().open(through, OpenOptions.defaults()), streamPrefix, settings.quick());
            var faultProxy = proxy;
            var length = Duration.ofMillis(settings.quick() ? 300 : 1000);
            return LoadSession.around(
                    load, () -> new LoadSession(load, number -> cut(faultProxy, number, length), faultProxy, server));
        } catch (Exception | Error e) {
            if (proxy != null) {
                proxy.close();
            }
            if (server != null) {
                server.close();
            }
            throw e;
        }
    }

    private static String cut(FaultProxy proxy, int number, Duration length) {
        var fault = CYCLE.get((number - 1) % CYCLE.size());
        int connections = proxy.openConnections();
        proxy.inject(fault);
        LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(length.toMillis()));
        proxy.inject(ConnectionFault.NONE);
        return fault.name().toLowerCase().replace('_', '-') + " " + connections + " connection(s) for "
                + length.toMillis() + " ms";
    }

    /** The host and port of a store reached over the network, if the location names them. */
    static Optional<InetSocketAddress> networkAddress(String location) {
        try {
            var uri = URI.create(location);
            if (uri.getHost() == null
                    || uri.getScheme() == null
                    || uri.getScheme().startsWith("http")) {
                return Optional.empty();
            }
            return Optional.of(new InetSocketAddress(uri.getHost(), uri.getPort() < 0 ? 5432 : uri.getPort()));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** {@code location} with its host and port replaced by the proxy's. */
    static String throughProxy(String location, int port) {
        var uri = URI.create(location);
        String authority = uri.getRawAuthority();
        String hostPort = uri.getPort() < 0 ? uri.getHost() : uri.getHost() + ":" + uri.getPort();
        return location.replaceFirst(
                java.util.regex.Pattern.quote(authority),
                java.util.regex.Matcher.quoteReplacement(authority.replace(hostPort, "127.0.0.1:" + port)));
    }
}
