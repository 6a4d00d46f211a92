package dev.annals.server;

import dev.annals.store.EventStore;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The HTTP API's behaviour, run against each store by a one-line subclass. */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
abstract class ServerApiContract {

    EventStore store;
    AnnalsServer server;
    HttpTestClient http;

    /** A fresh, empty store. */
    abstract EventStore openStore() throws Exception;

    @BeforeEach
    void start() throws Exception {
        store = openStore();
        server = AnnalsServer.start(store, ServerOptions.defaults().withPort(0).withMaxBodyBytes(64 * 1024));
        http = new HttpTestClient(server.uri());
    }

    @AfterEach
    void stop() {
        server.close();
        store.close();
    }

    static String deposit(int amount) {
        return "{\"type\":\"Deposited\",\"data\":{\"amount\":" + amount + "}}";
    }

    HttpTestClient.Reply append(String stream, String expected, String... events) {
        return http.post(
                "/streams/" + stream,
                "{\"expectedVersion\":" + expected + ",\"events\":[" + String.join(",", events) + "]}");
    }

    @Test
    void appends_to_a_new_stream_and_reads_it_back() {
        var appended = append("account-1", "\"no_stream\"", deposit(10), deposit(20));

        assertThat(appended.status()).isEqualTo(200);
        assertThat(appended.json().get("streamVersion").asLong()).isEqualTo(1);
        assertThat(appended.json().get("position").asLong()).isEqualTo(2);
        var read = http.get("/streams/account-1");
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.json().get("events")).hasSize(2);
        assertThat(read.json().get("events").get(1).get("data").get("amount").asInt())
                .isEqualTo(20);
        assertThat(read.json().get("events").get(0).get("version").asLong()).isZero();
    }

    @Test
    void a_retry_with_the_same_event_id_is_idempotent() {
        String event = "{\"eventId\":\"" + UUID.randomUUID() + "\",\"type\":\"Opened\",\"data\":{}}";

        var first = append("account-2", "\"any\"", event);
        var retry = append("account-2", "\"any\"", event);

        assertThat(retry.status()).isEqualTo(200);
        assertThat(retry.json().get("position")).isEqualTo(first.json().get("position"));
        assertThat(store.headPosition()).isEqualTo(1);
    }

    @Test
    void a_wrong_expected_version_is_a_409_with_the_actual_version() {
        append("account-3", "\"no_stream\"", deposit(1), deposit(2));

        var conflict = append("account-3", "0", deposit(3));

        assertThat(conflict.status()).isEqualTo(409);
        assertThat(conflict.json().get("error").asText()).isEqualTo("wrong_expected_version");
        assertThat(conflict.json().get("details").get("actualVersion").asLong()).isEqualTo(1);
        assertThat(conflict.json().get("message").asText()).contains("account-3");
    }

    @Test
    void malformed_json_is_a_400_and_writes_nothing() {
        var reply = http.post("/streams/account-4", "{\"events\":[" + deposit(1) + ",");

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.json().get("error").asText()).isEqualTo("malformed_json");
        assertThat(reply.json().has("details")).isTrue();
        assertThat(store.headPosition()).isZero();
    }

    @Test
    void one_bad_event_rejects_the_whole_append() {
        var reply = append("account-5", "\"any\"", deposit(1), "{\"type\":\"\",\"data\":{}}");

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.json().get("details").get("field").asText()).isEqualTo("events[1].type");
        assertThat(store.headPosition()).isZero();
    }

    @Test
    void a_system_stream_name_cannot_be_appended_to() {
        var reply = append("$all", "\"any\"", deposit(1));

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.json().get("error").asText()).isEqualTo("invalid_stream_name");
    }

    @Test
    void bad_query_parameters_are_a_400_naming_the_parameter() {
        var reply = http.get("/streams/$all?limit=0");

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.json().get("details").get("parameter").asText()).isEqualTo("limit");
        assertThat(http.get("/streams/$all?direction=up").status()).isEqualTo(400);
    }

    @Test
    void an_unknown_stream_is_a_404() {
        var reply = http.get("/streams/account-404");

        assertThat(reply.status()).isEqualTo(404);
        assertThat(reply.json().get("error").asText()).isEqualTo("stream_not_found");
        assertThat(reply.json().get("details").get("stream").asText()).isEqualTo("account-404");
    }

    @Test
    void a_body_over_the_limit_is_a_413_and_writes_nothing() {
        String big = "{\"type\":\"Big\",\"data\":\"" + "x".repeat(70 * 1024) + "\"}";

        var reply = append("account-6", "\"any\"", big);

        assertThat(reply.status()).isEqualTo(413);
        assertThat(reply.json().get("error").asText()).isEqualTo("body_too_large");
        assertThat(store.headPosition()).isZero();
    }

    @Test
    void pages_through_all_forward_and_backward() {
        for (int i = 0; i < 5; i++) {
            append("account-" + i, "\"any\"", deposit(i));
        }

        var first = http.get("/streams/$all?limit=2");
        var second = http.get(
                "/streams/$all?limit=2&from=" + first.json().get("next").asLong());
        var backward = http.get("/streams/$all?direction=backward&limit=2");

        assertThat(first.json().get("events").findValuesAsText("position")).containsExactly("1", "2");
        assertThat(second.json().get("events").findValuesAsText("position")).containsExactly("3", "4");
        assertThat(backward.json().get("events").findValuesAsText("position")).containsExactly("5", "4");
        assertThat(backward.json().get("next").asLong()).isEqualTo(3);
    }

    @Test
    void a_backward_read_from_the_end_has_no_from_that_javascript_cannot_hold() {
        append("account-1", "\"any\"", deposit(1), deposit(2));

        var fromTheEnd = http.get("/streams/account-1?direction=backward");
        var fromAVersion = http.get("/streams/account-1?direction=backward&from=0");

        assertThat(fromTheEnd.json().has("from")).isFalse();
        assertThat(fromTheEnd.json().get("events")).hasSize(2);
        assertThat(fromAVersion.json().get("from").asLong()).isZero();
        assertThat(http.get("/streams/account-1").json().get("from").asLong()).isZero();
    }

    @Test
    void reads_a_category_and_an_event_type() {
        append("account-1", "\"any\"", deposit(1));
        append("order-1", "\"any\"", "{\"type\":\"Ordered\",\"data\":{}}");
        append("account-2", "\"any\"", deposit(2));

        var category = http.get("/streams/$ce-account");
        var type = http.get("/streams/$et-Ordered");

        assertThat(category.json().get("events").findValuesAsText("stream")).containsExactly("account-1", "account-2");
        assertThat(type.json().get("events").findValuesAsText("stream")).containsExactly("order-1");
    }

    @Test
    void lists_streams_by_prefix() {
        append("account-1", "\"any\"", deposit(1));
        append("order-1", "\"any\"", deposit(1));
        append("account-2", "\"any\"", deposit(1));

        var reply = http.get("/streams?prefix=account-&limit=1");

        assertThat(reply.json().get("streams").findValuesAsText("stream")).containsExactly("account-1");
        assertThat(reply.json().get("nextOffset").asLong()).isEqualTo(1);
    }

    @Test
    void reports_health_readiness_and_metrics() {
        append("account-1", "\"any\"", deposit(1));

        assertThat(http.get("/health/live").status()).isEqualTo(200);
        var ready = http.get("/health/ready");
        assertThat(ready.json().get("headPosition").asLong()).isEqualTo(1);
        var metrics = http.get("/metrics");
        assertThat(metrics.status()).isEqualTo(200);
        assertThat(metrics.text()).contains("annals_store_head_position 1.0").contains("annals_http_requests");
    }

    @Test
    void an_unknown_route_is_a_404_json_error() {
        var reply = http.get("/nowhere");

        assertThat(reply.status()).isEqualTo(404);
        assertThat(reply.json().get("error").asText()).isEqualTo("route_not_found");
    }

    @Test
    void a_subscription_whose_accept_header_excludes_the_event_stream_is_a_406() {
        var reply = http.send(http.request("/subscriptions/$all")
                .header("Accept", "application/json")
                .GET()
                .build());

        assertThat(reply.status()).isEqualTo(406);
        assertThat(reply.json().get("error").asText()).isEqualTo("not_acceptable");
    }
}
