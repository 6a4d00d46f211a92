package dev.annals.server;

import com.fasterxml.jackson.databind.JsonNode;
import dev.annals.decider.EntityTypes;
import dev.annals.server.command.CommandRegistry;
import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A request without a valid token learns nothing: every route of the OpenAPI document that needs a token
 * answers 401 before it looks at the request's path, parameters or body.
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class AuthenticationFirstTest {

    /** Every parameter the routes take, each with a value they would refuse. */
    private static final String BOGUS =
            "?mode=bogus&from=x&limit=0&offset=-1&scan=0&before=x&at=x&version=x" + "&direction=sideways&prefix=%24";

    @RegisterExtension
    final TokenServer server = new TokenServer((builder, data) -> builder.entities(EntityTypes.of(CounterEvent.ENTITY))
            .commands(CommandRegistry.empty().with("add", CommandRoutesTest.Add.class, CommandRoutesTest.TALLY))
            .query("tally", parameters -> parameters));

    private record Route(String method, String path, boolean needsToken) {}

    private List<Route> routes() {
        JsonNode document =
                new HttpTestClient(server.uri()).get("/openapi.json").json();
        var routes = new ArrayList<Route>();
        document.get("paths").fields().forEachRemaining(path -> path.getValue()
                .fields()
                .forEachRemaining(operation -> routes.add(new Route(
                        operation.getKey().toUpperCase(Locale.ROOT),
                        path.getKey(),
                        operation.getValue().get("responses").has("401")))));
        return routes;
    }

    private static int send(HttpTestClient client, Route route) {
        String path = route.path()
                .replace("{stream}", "%24bogus")
                .replace("{name}", "nope")
                .replace("{id}", "x");
        var request = client.request(path + BOGUS)
                .header("Content-Type", "text/plain")
                .method(
                        route.method(),
                        route.method().equals("GET")
                                ? HttpRequest.BodyPublishers.noBody()
                                : HttpRequest.BodyPublishers.ofString("{"));
        return client.send(request.build()).status();
    }

    @Test
    void every_route_that_needs_a_token_answers_401_to_an_invalid_request_without_one() {
        var anonymous = new HttpTestClient(server.uri());
        var forged = server.client("annals_00000000_forged");
        var checked = new ArrayList<String>();

        for (Route route : routes()) {
            if (!route.needsToken()) {
                continue;
            }
            assertThat(send(anonymous, route)).as("no token: " + route).isEqualTo(401);
            assertThat(send(forged, route)).as("unknown token: " + route).isEqualTo(401);
            checked.add(route.method() + " " + route.path());
        }

        assertThat(checked)
                .contains(
                        "POST /commands/{name}/{stream}",
                        "POST /projections/{name}/rebuild",
                        "GET /subscriptions/{stream}",
                        "POST /streams/{stream}");
        assertThat(server.store().headPosition()).isZero();
    }

    @Test
    void an_unknown_command_without_a_token_does_not_list_the_commands() {
        var reply = new HttpTestClient(server.uri()).post("/commands/nope/account-1", "{}");

        assertThat(reply.status()).isEqualTo(401);
        assertThat(reply.text()).doesNotContain("add");
    }

    @Test
    void an_unknown_route_without_a_token_is_a_401_and_the_public_routes_need_none() {
        var anonymous = new HttpTestClient(server.uri());

        assertThat(anonymous.get("/nothing/here").status()).isEqualTo(401);
        for (Route route : routes()) {
            if (!route.needsToken()) {
                assertThat(send(anonymous, route)).as(route.toString()).isEqualTo(200);
            }
        }
        assertThat(anonymous.get("/").status()).isEqualTo(200);
        assertThat(anonymous.get("/console.js").status()).isEqualTo(200);
    }
}
