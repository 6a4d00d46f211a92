package dev.annals.server;

import dev.annals.store.memory.InMemoryEventStore;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Locale;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class OpenApiDocumentTest {

    @Test
    void every_route_in_the_document_exists_on_the_server() throws Exception {
        try (var store = new InMemoryEventStore();
                var server = AnnalsServer.start(store, ServerOptions.defaults().withPort(0))) {
            var http = new HttpTestClient(server.uri());
            var document = http.get("/openapi.json");
            assertThat(document.status()).isEqualTo(200);
            var checked = new ArrayList<String>();

            for (var paths = document.json().get("paths").fields(); paths.hasNext(); ) {
                var path = paths.next();
                for (var methods = path.getValue().fieldNames(); methods.hasNext(); ) {
                    String method = methods.next().toUpperCase(Locale.ROOT);
                    String concrete = path.getKey()
                            .replace("{stream}", "account-1")
                            .replace("{name}", "totals")
                            .replace("{id}", "1");
                    var request = http.request(concrete + (concrete.startsWith("/subscriptions") ? "?from=x" : ""))
                            .method(
                                    method,
                                    method.equals("POST")
                                            ? HttpRequest.BodyPublishers.ofString("{")
                                            : HttpRequest.BodyPublishers.noBody())
                            .build();
                    var response = http.client().send(request, HttpResponse.BodyHandlers.ofString());

                    assertThat(response.body()).as(method + " " + path.getKey()).doesNotContain("route_not_found");
                    assertThat(response.body()).as(method + " " + path.getKey()).doesNotContain("method_not_allowed");
                    assertThat(response.statusCode())
                            .as(method + " " + path.getKey())
                            .isNotEqualTo(405);
                    checked.add(method + " " + path.getKey());
                }
            }
            assertThat(checked).contains("POST /streams/{stream}", "GET /subscriptions/{stream}", "GET /metrics");
        }
    }
}
