package dev.annals.bench.http;

import java.net.URI;
import java.util.HashSet;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class HttpTargetTest {

    @Test
    void no_two_loads_of_the_append_route_name_the_same_stream() {
        var target = new HttpTarget(URI.create("http://127.0.0.1:1/"), 200);
        var streams = new HashSet<String>();
        int requests = 0;
        // Twelve loads, so that load 1's names meet load 11's and 12's.
        for (int load = 1; load <= 12; load++) {
            String prefix = target.nextAppendPrefix();
            for (int worker = 0; worker < 12; worker++) {
                for (long n = 0; n < 120; n++) {
                    streams.add(HttpRoute.APPEND
                            .request(target, prefix, worker, n)
                            .uri()
                            .getPath());
                    requests++;
                }
            }
        }

        assertThat(streams).hasSize(requests);
    }
}
