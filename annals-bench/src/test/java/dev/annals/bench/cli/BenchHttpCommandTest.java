package dev.annals.bench.cli;

import dev.annals.server.AnnalsServer;
import dev.annals.server.ServerOptions;
import dev.annals.store.ReadRequest;
import dev.annals.store.ReadSource;
import dev.annals.store.sqlite.SqliteEventStore;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code annals bench http} against a server of the test's own, briefly: the figures, not their size. */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class BenchHttpCommandTest {

    @TempDir
    Path data;

    @Test
    void loads_a_running_server_and_prints_each_route_as_a_share_of_the_health_route() {
        try (var store = SqliteEventStore.open(data.resolve("store"));
                var server = AnnalsServer.start(store, ServerOptions.defaults().withPort(0))) {
            var run = BenchCli.onSqlite(data)
                    .run(
                            "http",
                            "--url",
                            server.uri().toString(),
                            "--connections",
                            "4",
                            "--duration",
                            "1",
                            "--warm-up",
                            "0",
                            "--no-wrk");

            assertThat(run.exitCode()).as(run.err()).isZero();
            assertThat(run.out())
                    .startsWith("HTTP throughput: 4 keep-alive connections, 1 s per route after 0 s of warm-up;"
                            + " server at " + server.uri())
                    .containsPattern("jdk +health +[\\d,]+ +[\\d.]+ ms +[\\d.]+ ms +100% +- +0\\n")
                    .containsPattern("jdk +append +[\\d,]+ .* +0\\n")
                    .containsPattern("jdk +read +[\\d,]+ .* +0\\n")
                    .containsPattern("jdk: append at \\d+% of health \\(target 60%: (met|not met)\\)")
                    .containsPattern("jdk: read at \\d+% of health \\(target 70%: (met|not met)\\)")
                    .contains("load average");
            // The short stream was seeded with its 8 events, and every append went to a stream of its own.
            try (var events = store.read(ReadRequest.forward(new ReadSource.All()))) {
                var streams = events.map(event -> event.stream()).toList();
                assertThat(streams.stream().filter(stream -> stream.endsWith("-short")))
                        .hasSize(8);
                assertThat(streams.stream().filter(stream -> !stream.endsWith("-short")))
                        .doesNotHaveDuplicates()
                        .isNotEmpty();
            }
        }
    }

    @Test
    void a_server_jar_that_is_not_there_is_a_usage_error() {
        var run = BenchCli.onSqlite(data)
                .run("http", "--server-jar", data.resolve("none.jar").toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("--server-jar: no file").contains("none.jar");
    }

    @Test
    void a_store_url_is_refused_for_the_benchmark_serves_its_own() {
        var run = BenchCli.onSqlite(data).runWithoutData("--store", "sqlite:" + data, "http", "--no-wrk");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("give --url to load another server");
    }
}
