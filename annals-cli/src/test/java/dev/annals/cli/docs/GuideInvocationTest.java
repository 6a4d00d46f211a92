package dev.annals.cli.docs;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class GuideInvocationTest {

    private static final Path DIRECTORY = Path.of("/tmp/guide");
    private static final Path DATA = DIRECTORY.resolve("annals-data");
    private static final String DATABASE = "postgresql://127.0.0.1:5432/test?schema=annals_test";

    private static GuideInvocation of(String command) {
        var words = ShellWords.of(command);
        return GuideInvocation.of(words.subList(1, words.size()), DATA, DIRECTORY, () -> DATABASE, "cbbd22ac");
    }

    @Test
    void runs_on_the_guide_data_directory_and_its_files() {
        assertThat(of("./annals append a-1 --file events.ndjson").args())
                .containsExactly(
                        "--data",
                        DATA.toString(),
                        "append",
                        "a-1",
                        "--file",
                        DIRECTORY.resolve("events.ndjson").toString());
        assertThat(of("./annals --data new-dir import x").args())
                .startsWith("--data", DIRECTORY.resolve("new-dir").toString());
    }

    @Test
    void points_every_postgresql_address_at_the_test_schema() {
        assertThat(of("./annals --store 'postgresql://db:5432/annals?schema=annals' verify")
                        .args())
                .containsExactly("--store", DATABASE, "verify");
        assertThat(of("./annals migrate --from annals-data --to 'postgresql://db:5432/app?schema=a&user=u'")
                        .args())
                .containsExactly("--data", DATA.toString(), "migrate", "--from", DATA.toString(), "--to", DATABASE);
    }

    @Test
    void serves_on_a_free_port_and_revokes_the_token_the_guide_made() {
        var serve = of("./annals --data /var/annals serve --port 8080");
        assertThat(serve.isServe()).isTrue();
        assertThat(serve.args())
                .containsExactly("--data", DIRECTORY.resolve("annals").toString(), "serve", "--port", "0");
        assertThat(of("./annals serve --demo").args()).endsWith("--port", "0");
        assertThat(of("./annals tokens revoke 3f9a0c12").args()).endsWith("revoke", "cbbd22ac");
    }

    @Test
    void runs_a_command_on_a_server_address_against_a_server_that_stands_in_for_it() {
        var invocation = of("./annals --store http://127.0.0.1:2113 read account-1");
        assertThat(invocation.server()).contains("http://127.0.0.1:2113");
        assertThat(GuideCommandsTest.atServer(
                        invocation.args(), "http://127.0.0.1:2113", java.net.URI.create("http://127.0.0.1:40123/")))
                .containsExactly("--store", "http://127.0.0.1:40123", "read", "account-1");
    }

    @Test
    void never_runs_a_benchmark() {
        assertThat(of("./annals bench append --writers 64").problem())
                .hasValueSatisfying(problem -> assertThat(problem).contains("COVERED_ELSEWHERE"));
    }

    @Test
    void refuses_a_store_it_knows_no_stand_in_for() {
        assertThat(of("./annals --store mysql://db/x streams").problem())
                .hasValueSatisfying(problem -> assertThat(problem).contains("--store mysql://db/x"));
        assertThat(of("./annals streams").problem()).isEmpty();
        assertThat(List.of(of("./annals streams").isServe())).containsExactly(false);
    }
}
