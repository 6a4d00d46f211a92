package dev.annals.server;

import dev.annals.store.memory.InMemoryEventStore;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class ConsoleTest {

    @Test
    void serves_the_console_page_its_script_and_its_style_from_the_jar() throws Exception {
        try (var store = new InMemoryEventStore();
                var server = AnnalsServer.start(store, ServerOptions.defaults().withPort(0))) {
            var http = new HttpTestClient(server.uri());

            var page = http.get("/");
            var script =
                    http.client().send(http.request("/console.js").GET().build(), HttpResponse.BodyHandlers.ofString());
            var style = http.get("/console.css");

            assertThat(page.status()).isEqualTo(200);
            assertThat(page.text()).contains("<title>Annals console</title>").contains("/console.js");
            assertThat(script.headers().firstValue("Content-Type"))
                    .hasValueSatisfying(type -> assertThat(type).startsWith("text/javascript"));
            assertThat(script.body()).contains("new EventSource('/subscriptions/$all");
            assertThat(style.status()).isEqualTo(200);
            assertThat(http.get("/vendor/uplot.js").text()).contains("uPlot");
            assertThat(http.get("/vendor/uplot.css").status()).isEqualTo(200);
        }
    }

    @Test
    void serves_an_icon_at_favicon_ico() throws Exception {
        try (var store = new InMemoryEventStore();
                var server = AnnalsServer.start(store, ServerOptions.defaults().withPort(0))) {
            var http = new HttpTestClient(server.uri());

            var icon = http.client()
                    .send(http.request("/favicon.ico").GET().build(), HttpResponse.BodyHandlers.ofByteArray());

            assertThat(icon.statusCode()).isEqualTo(200);
            assertThat(icon.headers().firstValue("Content-Type")).hasValue("image/x-icon");
            // An ICO file: reserved 0, type 1 (icon), then the count of images.
            assertThat(java.util.Arrays.copyOf(icon.body(), 4)).containsExactly(0, 0, 1, 0);
        }
    }
}
