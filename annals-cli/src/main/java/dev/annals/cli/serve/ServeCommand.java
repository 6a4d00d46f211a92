package dev.annals.cli.serve;

import dev.annals.audit.AuditTrail;
import dev.annals.backend.DataDirectory;
import dev.annals.backend.Deployment;
import dev.annals.backend.OpenOptions;
import dev.annals.cli.AnnalsCommand;
import dev.annals.cli.BadUsageException;
import dev.annals.cli.ExitCodes;
import dev.annals.cli.RejectedRequestException;
import dev.annals.cli.demo.WriterOutputStream;
import dev.annals.example.bank.Bank;
import dev.annals.example.bank.demo.BankDemo;
import dev.annals.example.bank.demo.BankDemoRoutes;
import dev.annals.example.bank.demo.BankTraffic;
import dev.annals.example.bank.projection.BankReadSide;
import dev.annals.projection.ProjectionOptions;
import dev.annals.projection.ProjectionStates;
import dev.annals.server.AllowedOrigin;
import dev.annals.server.AnnalsServer;
import dev.annals.server.ServerBuilder;
import dev.annals.server.ServerOptions;
import dev.annals.server.auth.TokenInfo;
import dev.annals.server.auth.TokenStore;
import dev.annals.store.EventStore;
import dev.annals.store.jdbc.projection.JdbcReadModels;
import io.micrometer.core.instrument.Metrics;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code annals serve}: the HTTP API over the store under {@code --data} until the process is stopped
 * (Ctrl-C) or the calling thread is interrupted. With {@code --demo} it first runs the bank demo and
 * keeps the bank's projections running while it serves.
 */
@Command(
        name = "serve",
        sortOptions = false,
        description = {
            "Serves the HTTP API over the data directory until stopped (Ctrl-C).",
            "On loopback authentication is off unless --auth; elsewhere bearer tokens are required.",
            "The API is described at /openapi.json."
        })
public final class ServeCommand implements Callable<Integer> {

    private static final int MAX_PORT = 65_535;

    @CommandLine.ParentCommand
    private AnnalsCommand annals;

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Option(
            names = "--port",
            paramLabel = "PORT",
            defaultValue = "" + ServerOptions.DEFAULT_PORT,
            description = "The port to listen on (default: ${DEFAULT-VALUE}; 0 picks a free one).")
    private int port;

    @Option(
            names = "--host",
            paramLabel = "HOST",
            defaultValue = "127.0.0.1",
            description = "The address to listen on (default: ${DEFAULT-VALUE}). Beyond loopback, bearer tokens"
                    + " are required (see annals tokens).")
    private String host;

    @Option(names = "--auth", description = "Require bearer tokens on loopback too (always on elsewhere).")
    private boolean auth;

    @Option(
            names = "--allow-origin",
            paramLabel = "ORIGIN",
            description = "Let pages of ORIGIN (such as https://console.example:8443) send requests that change the"
                    + " store; repeatable. Other origins' POST and DELETE requests are refused with 403; requests"
                    + " without an Origin header (curl, the Java client) are not affected.")
    private List<String> allowedOrigins = List.of();

    @Option(
            names = "--demo",
            description = "Run the bank demo first, keep its projections running and take the"
                    + " bank's commands at /commands/{name}/{stream}.")
    private boolean demo;

    @CommandLine.Mixin
    private TlsOptions tls;

    @Option(
            names = "--traffic",
            paramLabel = "RATE",
            defaultValue = "0",
            description = "With --demo: send sample bank commands at RATE per second (such as 5) until the server"
                    + " stops, so that the console has something live to show.")
    private double traffic;

    @Option(
            names = "--relay",
            paramLabel = "kafka=HOST:PORT",
            description = "Also run the Kafka relay in the server, publishing every event to one topic per category"
                    + " (docs/kafka.md); for more options run 'annals relay kafka' beside the server instead.")
    private String relay;

    @Option(
            names = {"-h", "--help"},
            usageHelp = true,
            description = "Show this help and exit.")
    private boolean help;

    @Override
    public Integer call() {
        if (traffic != 0 && !demo) {
            throw new BadUsageException("--traffic sends bank commands: it needs --demo");
        }
        if (traffic < 0 || traffic > BankTraffic.MAX_RATE) {
            throw new BadUsageException("--traffic must be above 0 and at most " + BankTraffic.MAX_RATE
                    + " commands per second, was " + traffic);
        }
        // Checked first, so that a bad key store or password is refused before anything runs.
        var options = tls.apply(listenOptions());
        checkOrigins();
        var relayOptions = RelayOption.parse(relay);
        // Bind first: the demo writes events and starts projections, which a port in use must not leave behind.
        PortProbe.requireFree(options);
        var writer = spec.commandLine().getOut();
        var out = new PrintStream(new WriterOutputStream(writer), true, StandardCharsets.UTF_8);
        var stopped = new CountDownLatch(1);
        Thread hook = new Thread(stopped::countDown, "annals-serve-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        try (var deployment = annals.openDeployment(OpenOptions.defaults())) {
            var builder = AnnalsServer.builder(deployment.store());
            // The store, the projections and snapshots record into Micrometer's global registry; joining
            // the server's registry to it puts their append latencies and lag on /metrics too.
            Metrics.addRegistry(builder.meterRegistry());
            try (var kafka = RelayOption.start(relayOptions, deployment.store(), builder)) {
                EventStore store = deployment.store();
                Optional<BankReadSide> readSide = demo ? runDemo(deployment, out) : Optional.empty();
                Optional<Thread> sampleTraffic = Optional.empty();
                try (var server = start(builder, deployment, options, out, readSide)) {
                    out.printf("Annals server on %s%n", deployment.description());
                    out.printf(
                            "Listening on %s (API: %sopenapi.json, metrics: %smetrics); stop with Ctrl-C%n",
                            server.uri(), server.uri(), server.uri());
                    sampleTraffic = startTraffic(store, out);
                    out.println();
                    out.println("  Web console: " + server.uri());
                    out.println();
                    out.flush();
                    writer.flush();
                    stopped.await();
                } finally {
                    sampleTraffic.ifPresent(ServeCommand::stop);
                    readSide.ifPresent(BankReadSide::close);
                }
            } finally {
                Metrics.removeRegistry(builder.meterRegistry());
            }
        } catch (InterruptedException e) {
            // Interrupted by an embedding caller: stop serving, as Ctrl-C does.
            Thread.currentThread().interrupt();
        } finally {
            removeHook(hook);
        }
        out.flush();
        writer.flush();
        return ExitCodes.OK;
    }

    private ServerOptions listenOptions() {
        if (port < 0 || port > MAX_PORT) {
            throw new BadUsageException(
                    "--port must be a port number from 0 (any free port) to " + MAX_PORT + ", was " + port);
        }
        try {
            return ServerOptions.defaults().withHost(host).withPort(port);
        } catch (IllegalArgumentException e) {
            throw new BadUsageException("--host or --port: " + e.getMessage());
        }
    }

    private AnnalsServer start(
            ServerBuilder builder,
            Deployment deployment,
            ServerOptions options,
            PrintStream out,
            Optional<BankReadSide> readSide) {
        builder.options(options).entities(Bank.entityTypes());
        allowedOrigins.forEach(builder::allowOrigin);
        deployment.capability(ProjectionStates.class).ifPresent(builder::projections);
        deployment.capability(AuditTrail.class).ifPresent(builder::audit);
        // Where annals drill leaves its last report, for the console's drills tab.
        deployment.capability(DataDirectory.class).map(DataDirectory::path).ifPresent(builder::dataDirectory);
        if (demo) {
            BankDemoRoutes.install(builder, deployment.store(), readSide, deployment.capability(JdbcReadModels.class));
        }
        // Loopback only when every address the host resolves to is one (never judged by its spelling).
        if (!auth && options.loopback()) {
            out.println("Authentication is off: listening on loopback only");
            return PortProbe.listen(builder, options);
        }
        var tokens = TokenStore.in(annals.dataDirectory());
        if (tokens.list().stream().allMatch(TokenInfo::revoked)) {
            throw new RejectedRequestException("bearer tokens are required on " + host + " but there are none:"
                    + " create one with annals tokens create --role admin");
        }
        out.println("Authentication is on: bearer tokens from "
                + annals.dataDirectory().resolve(TokenStore.FILE_NAME));
        return PortProbe.listen(builder.tokens(tokens), options);
    }

    private void checkOrigins() {
        try {
            allowedOrigins.forEach(AllowedOrigin::parse);
        } catch (IllegalArgumentException e) {
            throw new RejectedRequestException("--allow-origin: " + e.getMessage());
        }
    }

    private static Optional<BankReadSide> runDemo(Deployment deployment, PrintStream out) {
        EventStore store = deployment.store();
        var readModels = deployment.capability(JdbcReadModels.class);
        if (readModels.isPresent()) {
            new BankDemo(store, out, readModels.get()).run();
            out.println();
            out.println("Bank projections running: balances, account-history, daily-totals, transfer-process");
            return Optional.of(BankReadSide.start(store, readModels.get(), ProjectionOptions.defaults()));
        }
        new BankDemo(store, out).run();
        return Optional.empty();
    }

    private Optional<Thread> startTraffic(EventStore store, PrintStream out) {
        if (traffic == 0) {
            return Optional.empty();
        }
        out.printf("Sample traffic: %s bank commands per second on accounts account-t1 to account-t6%n", traffic);
        var sample = new BankTraffic(store, traffic, new Random());
        return Optional.of(Thread.ofVirtual().name("annals-demo-traffic").start(sample));
    }

    private static void stop(Thread thread) {
        thread.interrupt();
        try {
            thread.join(Duration.ofSeconds(10));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void removeHook(Thread hook) {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            // The JVM is already shutting down: the hook has run or is running.
        }
    }
}
