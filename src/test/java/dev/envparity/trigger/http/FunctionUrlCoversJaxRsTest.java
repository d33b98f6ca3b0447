package dev.envparity.trigger.http;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Parameter;
import java.net.URL;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Collectors;

import jakarta.inject.Inject;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;

import org.junit.jupiter.api.Test;

import dev.envparity.testing.JaxRsRoutes;
import dev.envparity.testing.JaxRsRoutes.Endpoint;
import dev.envparity.testing.LambdaEvents;
import dev.envparity.testing.SecuredProfile;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.config.EncoderConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.vertx.ext.web.RoutingContext;
import dev.envparity.web.Routes;

/**
 * The Lambda router ({@link Routes#dispatch}) covers every JAX-RS route of the server, and the two transports answer
 * each of them alike — status, the headers that carry meaning, and every refusal's body — with and without the
 * token; so do the requests no route serves (wrong methods, unknown paths). The resources are found by their
 * annotations, so a new one is covered without touching this test.
 */
@QuarkusTest
@TestProfile(SecuredProfile.class)
class FunctionUrlCoversJaxRsTest {
    private static final Map<String, String> PARAMETERS = Map.of("provider", "github", "service", "checkout");
    private static final List<String> COMPARED_HEADERS = List.of("Content-Type", "X-Content-Type-Options", "Content-Security-Policy",
            "X-Frame-Options", "Referrer-Policy", "Cache-Control", "Allow", "WWW-Authenticate", "Retry-After", "Location");
    private static final String CLIENT = "198.51.100.61";
    private static final RestAssuredConfig VERBATIM = RestAssuredConfig.config()
            .encoderConfig(EncoderConfig.encoderConfig().appendDefaultContentCharsetToContentTypeIfUndefined(false));

    @TestHTTPResource("/")
    URL base;

    @Inject
    Routes routes;

    /** Nobody, and a client with the API token. */
    private static List<Map<String, String>> credentials() {
        return List.of(Map.of(), Map.of("authorization", "Bearer " + SecuredProfile.TOKEN));
    }

    private static String body(String path) {
        return path.equals("/login") ? "token=" + SecuredProfile.TOKEN : "{}";
    }

    private static String contentType(String path) {
        return path.equals("/login") ? "application/x-www-form-urlencoded" : "application/json";
    }

    @Test
    void everyJaxRsRouteIsAFunctionUrlRouteAndEveryFunctionUrlRouteIsAJaxRsRoute() {
        TreeSet<String> server = JaxRsRoutes.all().stream().map(Endpoint::key).collect(Collectors.toCollection(TreeSet::new));
        // Quarkus serves its own /q/health on the server; on Lambda, where there is no HTTP listener, Routes does.
        TreeSet<String> lambda = routes.table().stream().filter(r -> !r.contains(" /q/")).collect(Collectors.toCollection(TreeSet::new));
        assertFalse(server.isEmpty(), "no JAX-RS resource serves the server's routes");
        assertEquals(lambda, server);
    }

    /**
     * A resource method that declared the body (an entity, {@code @FormParam}, {@code @BeanParam}) would have Quarkus
     * REST read it on a worker thread, which a slow client holds for as long as it likes.
     */
    @Test
    void noResourceMethodTakesTheBody() {
        for (Endpoint e : JaxRsRoutes.all()) {
            for (Parameter p : e.java().getParameters()) {
                boolean fromTheRequestLine = p.isAnnotationPresent(PathParam.class) || p.isAnnotationPresent(QueryParam.class)
                        || p.isAnnotationPresent(HeaderParam.class);
                assertTrue(fromTheRequestLine || p.getType() == RoutingContext.class,
                        e.key() + " takes " + p.getType().getSimpleName() + " " + p.getName() + ", which Quarkus REST would read");
            }
        }
    }

    @Test
    void bothTransportsAnswerEveryRouteAlike() {
        for (Endpoint e : JaxRsRoutes.all()) {
            String path = e.example(PARAMETERS);
            List<String> methods = e.method().equals("GET") ? List.of("GET", "HEAD") : List.of(e.method());
            for (String method : methods) {
                for (Map<String, String> headers : credentials()) {
                    int status = sameAnswer(method, path, headers);
                    assertNotEquals(404, status, method + " " + path + " is not found");
                    assertNotEquals(405, status, method + " " + path + " is not allowed");
                }
            }
        }
    }

    @Test
    void whatNoRouteServesIsAnsweredAlikeToo() {
        String[][] unrouted = { { "GET", "/api/check" }, { "POST", "/api/report" }, { "PUT", "/" }, { "DELETE", "/hooks/github" },
                { "OPTIONS", "/api/report" }, { "PATCH", "/badge/checkout.svg" }, { "GET", "/wp-admin" }, { "POST", "/hooks/GitHub" },
                { "GET", "/badge/" }, { "GET", "/api/report/" }, { "POST", "/hooks/bitbucket" }, { "GET", "/badge/no-such.svg" } };
        for (String[] r : unrouted) {
            for (Map<String, String> headers : credentials()) {
                sameAnswer(r[0], r[1], headers);
            }
        }
    }

    /** Sends the same request through both transports, asserts the answers agree, and returns the status. */
    private int sameAnswer(String method, String path, Map<String, String> credentials) {
        String what = method + " " + path + (credentials.isEmpty() ? " without credentials" : " with the token");
        boolean hasBody = !method.equals("GET") && !method.equals("HEAD") && !method.equals("OPTIONS");
        Map<String, String> headers = new HashMap<>(credentials);
        if (hasBody) {
            headers.put("content-type", contentType(path));
        }
        String body = hasBody ? body(path) : "";

        Response server = given().config(VERBATIM).baseUri(base.toString()).redirects().follow(false).headers(headers).body(body)
                .request(method, path);
        JsonPath lambda = LambdaEvents.http(method, path, body, CLIENT, headers);

        assertEquals(lambda.getInt("statusCode"), server.statusCode(), what + ": " + server.asString());
        List<String> differences = new ArrayList<>();
        for (String h : COMPARED_HEADERS) {
            String s = normalised(h, server.getHeader(h));
            String l = normalised(h, lambda.getString("headers.'" + h.toLowerCase(Locale.ROOT) + "'"));
            if (!java.util.Objects.equals(s, l)) {
                differences.add(h + ": server " + s + ", Function URL " + l);
            }
            if (server.getHeaders().getValues(h).size() > 1) {
                differences.add(h + " sent " + server.getHeaders().getValues(h).size() + " times by the server");
            }
        }
        assertEquals(List.of(), differences, what);
        assertEquals(!lambda.getList("cookies").isEmpty(), server.getHeader("Set-Cookie") != null, what + ": Set-Cookie");
        if (server.statusCode() >= 400 && !method.equals("HEAD")) {
            assertEquals(lambda.getString("body"), server.asString(), what + ": the refusal");
        }
        return server.statusCode();
    }

    private static String normalised(String header, String value) {
        return value == null || !header.equals("Content-Type") ? value : value.replace(" ", "").toLowerCase(Locale.ROOT);
    }
}
