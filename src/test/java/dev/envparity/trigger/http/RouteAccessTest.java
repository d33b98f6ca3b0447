package dev.envparity.trigger.http;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import dev.envparity.ParityService;
import dev.envparity.testing.DeployStubs;
import dev.envparity.testing.LambdaEvents;
import dev.envparity.testing.SecuredProfile;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import dev.envparity.web.Routes;

/**
 * With {@code parity.api.token} set, every route answers 401 to a request without credentials — through the server
 * and through the Lambda Function URL alike — except envparity's own health and the sign-in form; and no such
 * request starts a check or probes a service.
 */
@QuarkusTest
@TestProfile(SecuredProfile.Fresh.class)
class RouteAccessTest {
    /** Every route, as the README lists them; {@link Routes#table()} must list exactly these. */
    static final List<String> ROUTES = List.of("GET /", "GET /services/{service}", "POST /login", "POST /logout",
            "GET /api/report", "POST /api/check", "GET /api/history/{service}",
            "POST /hooks/{provider}", "GET /badge/{service}.svg", "GET /q/health", "GET /q/health/live", "GET /q/health/ready");

    /** What an anonymous client may try, wrong methods included: a protected path reveals nothing, not even 405. */
    static final List<String[]> ANONYMOUS = List.of(
            new String[] { "GET", "/" }, new String[] { "POST", "/" }, new String[] { "GET", "/?show=drift" },
            new String[] { "POST", "/logout" }, new String[] { "GET", "/logout" },
            new String[] { "GET", "/api/report" }, new String[] { "POST", "/api/report" }, new String[] { "GET", "/api/report/" },
            new String[] { "POST", "/api/check" }, new String[] { "GET", "/api/check" },
            new String[] { "GET", "/api/history/checkout" }, new String[] { "GET", "/api/history/no-such-service" },
            new String[] { "POST", "/api/history/checkout" }, new String[] { "GET", "/services/checkout" },
            new String[] { "GET", "/services/checkout?days=90" }, new String[] { "DELETE", "/services/checkout" },
            new String[] { "POST", "/hooks/github" }, new String[] { "POST", "/hooks/gitlab" },
            new String[] { "POST", "/hooks/argocd" }, new String[] { "POST", "/hooks/generic" },
            new String[] { "GET", "/badge/checkout.svg" }, new String[] { "GET", "/badge/no-such-service.svg" },
            new String[] { "POST", "/login" });

    @TestHTTPResource("/")
    URL base;

    @Inject
    ParityService parity;

    @Inject
    Routes routes;

    DeployStubs stubs;

    private static void revealsNothing(String what, int status, String body) {
        assertEquals(401, status, what + " answered " + status + ": " + body);
        for (String secret : List.of("2.4.0", "2.3.9", "checkout", "127.0.0.1", "actuator")) {
            assertFalse(body.contains(secret), what + " revealed '" + secret + "': " + body);
        }
    }

    @Test
    void everyRouteNeedsTheTokenAndNothingAnonymousStartsACheck() {
        assertEquals(new TreeSet<>(ROUTES), new TreeSet<>(routes.table()), "the routes this test walks are all the routes");

        for (String[] r : ANONYMOUS) {
            Response server = given().baseUri(base.toString()).redirects().follow(false).contentType("application/json")
                    .body(r[0].equals("POST") ? "{}" : "").request(r[0], r[1]);
            revealsNothing("server " + r[0] + " " + r[1], server.statusCode(), server.asString());

            JsonPath lambda = LambdaEvents.http(r[0], r[1].replaceAll("\\?.*", ""), r[0].equals("POST") ? "{}" : "", "203.0.113.9",
                    Map.of("content-type", "application/json"));
            revealsNothing("Function URL " + r[0] + " " + r[1], lambda.getInt("statusCode"), lambda.getString("body"));
        }
        assertTrue(parity.latest().isEmpty(), "an anonymous request started a check");
        assertEquals(List.of(), stubs.environments().requests(), "an anonymous request probed a service");

        for (String health : List.of("/q/health", "/q/health/live", "/q/health/ready")) {
            given().baseUri(base.toString()).get(health).then().statusCode(200);
            assertEquals(200, LambdaEvents.http("GET", health, "", "203.0.113.9", Map.of()).getInt("statusCode"));
        }
        given().baseUri(base.toString()).header("Authorization", "Bearer " + SecuredProfile.TOKEN).get("/api/report").then()
                .statusCode(200);
    }
}
