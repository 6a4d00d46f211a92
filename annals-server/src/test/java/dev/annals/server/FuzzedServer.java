package dev.annals.server;

import dev.annals.audit.AuditTrail;
import dev.annals.backend.Backends;
import dev.annals.backend.DataDirectory;
import dev.annals.backend.Deployment;
import dev.annals.backend.OpenOptions;
import dev.annals.decider.EntityTypes;
import dev.annals.projection.ProjectionStates;
import dev.annals.server.auth.Role;
import dev.annals.server.auth.TokenStore;
import dev.annals.server.command.CommandRegistry;
import dev.annals.server.fuzz.FuzzRequest.Credential;
import dev.annals.store.EventStore;
import dev.annals.store.ExpectedVersion;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.Map;

/**
 * The server the fuzzer attacks: the embedded (SQLite) store in a new directory, opened through the backend
 * seam as {@code annals serve} opens it, with its projections' states and audit trail, an entity type, two
 * commands and a query, so that every documented route has something behind it. With tokens or without.
 */
public final class FuzzedServer implements AutoCloseable {

    private final Path data;
    private final Deployment deployment;
    private final AnnalsServer server;
    private final Map<Credential, String> headers = new EnumMap<>(Credential.class);

    private FuzzedServer(Path data, Deployment deployment, AnnalsServer server) {
        this.data = data;
        this.deployment = deployment;
        this.server = server;
    }

    /** Starts a server whose body limit is {@code maxBodyBytes}, requiring tokens when {@code tokens} is true. */
    public static FuzzedServer start(boolean tokens, long maxBodyBytes) {
        try {
            Path data = Files.createTempDirectory("annals-fuzz");
            var deployment = Backends.installed().open(data.toString(), OpenOptions.defaults());
            EventStore store = deployment.store();
            store.append("fuzz-seed", ExpectedVersion.noStream(), CounterEvent.counted(1), CounterEvent.counted(2));
            store.append("counter-1", ExpectedVersion.noStream(), CounterEvent.counted(3));
            var builder = AnnalsServer.builder(store)
                    .options(ServerOptions.defaults().withPort(0).withMaxBodyBytes(maxBodyBytes))
                    .entities(EntityTypes.of(CounterEvent.ENTITY, CommandRoutesTest.TALLY))
                    .commands(CommandRegistry.empty()
                            .with("add", CommandRoutesTest.Add.class, CommandRoutesTest.TALLY)
                            .with("label", CommandRoutesTest.Label.class, CommandRoutesTest.TALLY))
                    .query("tally", parameters -> Map.of("stream", parameters.getOrDefault("stream", "")));
            deployment.capability(ProjectionStates.class).ifPresent(builder::projections);
            deployment.capability(AuditTrail.class).ifPresent(builder::audit);
            // As annals serve does: GET /drills/last then answers the report a drill left here.
            deployment.capability(DataDirectory.class).map(DataDirectory::path).ifPresent(builder::dataDirectory);
            Files.writeString(data.resolve("last-drill.json"), DrillRoutesTest.REPORT);
            TokenStore tokenStore = TokenStore.in(data);
            if (tokens) {
                builder.tokens(tokenStore);
            }
            var fuzzed = new FuzzedServer(data, deployment, builder.start());
            fuzzed.headers.put(Credential.NONE, "");
            fuzzed.headers.put(
                    Credential.ADMIN, bearer(tokenStore.create(Role.ADMIN, "").secret()));
            fuzzed.headers.put(
                    Credential.READER, bearer(tokenStore.create(Role.READER, "").secret()));
            fuzzed.headers.put(
                    Credential.PREFIXED_WRITER,
                    bearer(tokenStore.create(Role.WRITER, "fuzz-").secret()));
            fuzzed.headers.put(Credential.UNKNOWN, bearer("an-unknown-token"));
            return fuzzed;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String bearer(String secret) {
        return "Authorization: Bearer " + secret + "\r\n";
    }

    /** The header lines that carry {@code credential}, ending with a line end; empty for none. */
    public String header(Credential credential) {
        return headers.get(credential);
    }

    public String host() {
        return server.uri().getHost();
    }

    public int port() {
        return server.port();
    }

    public java.net.URI uri() {
        return server.uri();
    }

    /** The store's head, read directly, not over HTTP. */
    public long head() {
        return deployment.store().headPosition();
    }

    public EventStore store() {
        return deployment.store();
    }

    /** The data directory, which no answer may name. */
    public String dataDirectory() {
        return data.toString();
    }

    @Override
    public void close() {
        server.close();
        deployment.close();
        try (var paths = Files.walk(data)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
