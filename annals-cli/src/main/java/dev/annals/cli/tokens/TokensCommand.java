package dev.annals.cli.tokens;

import dev.annals.cli.AnnalsCommand;
import dev.annals.cli.BadUsageException;
import dev.annals.cli.ExitCodes;
import dev.annals.cli.RejectedRequestException;
import dev.annals.server.auth.IssuedToken;
import dev.annals.server.auth.Role;
import dev.annals.server.auth.TokenInfo;
import dev.annals.server.auth.TokenStore;
import dev.annals.server.auth.UnknownTokenException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code annals tokens}: the server's bearer tokens in the data directory, created, listed or revoked.
 * A running server sees the change at its next request; revoking a token also ends its open live
 * subscriptions within a second.
 */
@Command(
        name = "tokens",
        sortOptions = false,
        description = {
            "Creates, lists or revokes the bearer tokens of annals serve.",
            "Tokens are stored hashed (SHA-256) in tokens.json in the data directory; a secret is shown once."
        })
public final class TokensCommand {

    @CommandLine.ParentCommand
    private AnnalsCommand annals;

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Option(
            names = {"-h", "--help"},
            usageHelp = true,
            description = "Show this help and exit.")
    private boolean help;

    @Command(name = "create", description = "Creates a token and prints its secret, once.")
    int create(
            @Option(names = "--role", required = true, paramLabel = "ROLE", description = "reader, writer or admin.")
                    String role,
            @Option(
                            names = "--streams",
                            paramLabel = "PREFIX",
                            defaultValue = "",
                            description = "Limit the token to streams starting with PREFIX (default: every stream).")
                    String prefix) {
        Role parsed;
        try {
            parsed = Role.parse(role);
        } catch (IllegalArgumentException e) {
            throw new BadUsageException("--role: " + e.getMessage());
        }
        IssuedToken issued = TokenStore.in(annals.dataDirectory()).create(parsed, prefix);
        var out = spec.commandLine().getOut();
        out.printf(
                "token %s (%s, %s)%n%s%n", issued.info().id(), parsed.label(), streams(issued.info()), issued.secret());
        out.println("Keep the secret: it is not stored and cannot be shown again.");
        out.flush();
        return ExitCodes.OK;
    }

    @Command(name = "list", description = "Lists every token, without secrets.")
    int list() {
        var out = spec.commandLine().getOut();
        var tokens = TokenStore.in(annals.dataDirectory()).list();
        if (tokens.isEmpty()) {
            out.println("No tokens.");
        }
        for (TokenInfo token : tokens) {
            out.printf(
                    "%s  %-6s  %-20s  created %s%s%n",
                    token.id(),
                    token.role().label(),
                    streams(token),
                    token.createdAt(),
                    token.revokedAt().map(at -> "  REVOKED " + at).orElse(""));
        }
        out.flush();
        return ExitCodes.OK;
    }

    @Command(name = "revoke", description = "Revokes token ID: requests carrying it are refused from now on.")
    int revoke(@Parameters(index = "0", paramLabel = "ID") String id) {
        try {
            TokenStore.in(annals.dataDirectory()).revoke(id);
        } catch (UnknownTokenException e) {
            throw new RejectedRequestException(e.getMessage());
        }
        spec.commandLine().getOut().printf("token %s revoked%n", id);
        spec.commandLine().getOut().flush();
        return ExitCodes.OK;
    }

    private static String streams(TokenInfo token) {
        return token.streamPrefix().isEmpty() ? "all streams" : "streams " + token.streamPrefix() + "*";
    }
}
