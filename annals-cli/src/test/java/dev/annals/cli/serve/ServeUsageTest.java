package dev.annals.cli.serve;

import dev.annals.cli.Cli;
import dev.annals.store.memory.InMemoryEventStore;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code annals serve} refusing where it cannot listen or what it cannot parse, before touching the store. */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class ServeUsageTest {

    @TempDir
    Path data;

    private final InMemoryEventStore store = new InMemoryEventStore();

    @Test
    void a_port_in_use_is_one_line_and_exit_1_before_the_demo_writes_anything() throws Exception {
        try (var taken = new ServerSocket()) {
            taken.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            int port = taken.getLocalPort();

            var run = Cli.on(store, data).run("serve", "--demo", "--port", Integer.toString(port));

            assertThat(run.exitCode()).isEqualTo(1);
            assertThat(run.errLines())
                    .containsExactly("annals: cannot listen on 127.0.0.1:" + port
                            + ": the port is in use or not allowed (stop what uses it, or give another with --port)");
            assertThat(run.out()).isEmpty();
            assertThat(store.headPosition()).isZero();
        }
    }

    @Test
    void a_port_out_of_range_is_bad_usage() {
        var run = Cli.on(store, data).run("serve", "--port", "99999");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.errLines())
                .containsExactly("annals: --port must be a port number from 0 (any free port) to"
                        + " 65535, was 99999 (see 'annals serve --help')");
    }

    @Test
    void traffic_without_the_demo_is_bad_usage() {
        var run = Cli.on(store, data).run("serve", "--traffic", "5");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.errLines())
                .singleElement()
                .asString()
                .contains("--traffic")
                .contains("--demo");
    }
}
