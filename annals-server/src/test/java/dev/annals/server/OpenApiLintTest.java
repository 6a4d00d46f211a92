package dev.annals.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.annals.store.memory.InMemoryEventStore;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The served {@code /openapi.json} passes a real linter: Redocly CLI's recommended ruleset, run with the
 * machine's own {@code npx} (a pinned version, cached in {@code ~/.npm}), with the repository's
 * {@code redocly.yaml}. Any error or warning fails. Without Node and npm this fails, saying so: it does
 * not skip.
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
@Timeout(value = 10, unit = TimeUnit.MINUTES)
class OpenApiLintTest {

    /** The linter's version: bump it on purpose, never by a floating tag. */
    static final String REDOCLY_CLI = "@redocly/cli@2.77.0";

    @Test
    void the_served_document_has_no_error_or_warning_from_redocly_recommended_rules() throws Exception {
        Path document = Path.of("target", "openapi.json").toAbsolutePath();
        try (var store = new InMemoryEventStore();
                var server = AnnalsServer.start(store, ServerOptions.defaults().withPort(0))) {
            var served = new HttpTestClient(server.uri()).get("/openapi.json");
            assertThat(served.status()).isEqualTo(200);
            Files.createDirectories(document.getParent());
            Files.writeString(document, served.text(), StandardCharsets.UTF_8);
        }
        Path config = Path.of("..", "redocly.yaml").toAbsolutePath().normalize();
        assertThat(config).as("the linter's configuration").isRegularFile();

        var lint = npx(
                List.of(REDOCLY_CLI, "lint", "--config", config.toString(), "--format", "json", document.toString()));

        JsonNode report = new ObjectMapper().readTree(lint.substring(lint.indexOf('{')));
        var problems = new ArrayList<String>();
        report.path("problems")
                .forEach(problem -> problems.add(problem.path("severity").asText() + " "
                        + problem.path("ruleId").asText() + ": "
                        + problem.path("message").asText() + " at "
                        + problem.path("location").path(0).path("pointer").asText()));
        assertThat(problems).as("redocly lint of " + document).isEmpty();
        assertThat(report.path("totals").path("errors").asInt(-1)).isZero();
        assertThat(report.path("totals").path("warnings").asInt(-1)).isZero();
    }

    /** Runs {@code npx --yes ARGS} and returns its standard output; fails with its output if it cannot run. */
    private static String npx(List<String> args) throws IOException, InterruptedException {
        var command = new ArrayList<>(List.of("npx", "--yes"));
        command.addAll(args);
        var builder = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD);
        builder.environment().put("NO_UPDATE_NOTIFIER", "1");
        builder.environment().put("npm_config_update_notifier", "false");
        builder.environment().put("REDOCLY_TELEMETRY", "off");
        builder.environment().put("REDOCLY_SUPPRESS_UPDATE_NOTICE", "true");
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new AssertionError("the OpenAPI lint needs Node.js and npm (npx) on the PATH: " + e.getMessage(), e);
        }
        process.getOutputStream().close();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(5, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new AssertionError("npx " + String.join(" ", args) + " did not finish in 5 minutes");
        }
        assertThat(output)
                .as("npx " + String.join(" ", args) + " (exit " + process.exitValue() + ")")
                .contains("{");
        return output;
    }
}
