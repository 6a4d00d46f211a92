package dev.annals.server;

import dev.annals.server.auth.Role;
import dev.annals.server.auth.TokenStore;
import dev.annals.store.sqlite.SqliteEventStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.function.BiFunction;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A server over a new SQLite store that requires tokens, started before each test and stopped after it, with
 * a client per role. What the builder is given beyond store, options and tokens is the test's choice.
 */
final class TokenServer implements BeforeEachCallback, AfterEachCallback {

    private final BiFunction<ServerBuilder, Path, ServerBuilder> customise;
    private Path data;
    private SqliteEventStore store;
    private TokenStore tokens;
    private AnnalsServer server;

    /** @param customise adds to the builder, given the store's data directory */
    TokenServer(BiFunction<ServerBuilder, Path, ServerBuilder> customise) {
        this.customise = customise;
    }

    TokenServer() {
        this((builder, data) -> builder);
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        try {
            data = Files.createTempDirectory("annals-token-server");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        store = SqliteEventStore.open(data);
        tokens = TokenStore.in(data);
        server = customise
                .apply(
                        AnnalsServer.builder(store)
                                .options(ServerOptions.defaults().withPort(0))
                                .tokens(tokens),
                        data)
                .start();
    }

    @Override
    public void afterEach(ExtensionContext context) throws IOException {
        server.close();
        store.close();
        try (var paths = Files.walk(data)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }

    SqliteEventStore store() {
        return store;
    }

    /** The token store the server reads; {@code TokenStore.in(data())} writes the same file, as the CLI does. */
    TokenStore tokens() {
        return tokens;
    }

    Path data() {
        return data;
    }

    java.net.URI uri() {
        return server.uri();
    }

    /** A client that sends {@code secret} as its bearer token. */
    HttpTestClient client(String secret) {
        return new HttpTestClient(server.uri(), secret);
    }

    /** A client with a new token of {@code role} on every stream. */
    HttpTestClient client(Role role) {
        return new HttpTestClient(server.uri(), tokens.create(role, "").secret());
    }
}
