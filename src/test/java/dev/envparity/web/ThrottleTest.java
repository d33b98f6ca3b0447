package dev.envparity.web;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.envparity.testing.LambdaEvents;
import dev.envparity.testing.SecuredProfile;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;

/**
 * Ten failed sign-ins or bad bearer tokens a minute per client address, then 429 with Retry-After — even for the
 * right token, or guessing would go on. The address is the connection's (or the Function URL's sourceIp), never a
 * header the client chose.
 */
@QuarkusTest
@TestProfile(SecuredProfile.Throttled.class)
class ThrottleTest {

    @TestHTTPResource("/")
    URL base;

    private static void retryAfterWithinAMinute(String value) {
        int seconds = Integer.parseInt(value);
        assertTrue(seconds >= 1 && seconds <= 60, value);
    }

    @Test
    void failedSignInsAreThrottledPerAddress() {
        String session = given().baseUri(base.toString()).redirects().follow(false).formParam("token", SecuredProfile.TOKEN)
                .post("/login").getHeader("Set-Cookie").split(";")[0];
        for (int i = 0; i < 10; i++) {
            given().baseUri(base.toString()).redirects().follow(false).formParam("token", "guess-" + i).post("/login").then()
                    .statusCode(401);
        }
        Response throttled = given().baseUri(base.toString()).redirects().follow(false).formParam("token", SecuredProfile.TOKEN)
                .post("/login");
        assertEquals(429, throttled.statusCode(), "the right token too, while throttled");
        retryAfterWithinAMinute(throttled.getHeader("Retry-After"));
        given().baseUri(base.toString()).header("Authorization", "Bearer " + SecuredProfile.TOKEN).get("/api/report").then()
                .statusCode(429);
        given().baseUri(base.toString()).header("Authorization", "Bearer " + SecuredProfile.TOKEN)
                .header("X-Forwarded-For", "198.51.100.77").get("/api/report").then().statusCode(429);
        given().baseUri(base.toString()).header("Cookie", session).get("/api/report").then().statusCode(200);
    }

    @Test
    void badBearerTokensAreThrottledPerSourceIpThroughTheFunctionUrl() {
        for (int i = 0; i < 10; i++) {
            assertEquals(401, LambdaEvents.http("GET", "/api/report", "", "192.0.2.10", Map.of("authorization", "Bearer guess-" + i))
                    .getInt("statusCode"));
        }
        JsonPath throttled = LambdaEvents.http("GET", "/api/report", "", "192.0.2.10",
                Map.of("authorization", "Bearer " + SecuredProfile.TOKEN, "x-forwarded-for", "192.0.2.99"));
        assertEquals(429, throttled.getInt("statusCode"));
        retryAfterWithinAMinute(throttled.getString("headers.'retry-after'"));
        assertEquals(401, LambdaEvents.http("GET", "/api/report", "", "192.0.2.11", Map.of("authorization", "Bearer guess"))
                .getInt("statusCode"), "another address is not throttled");
        assertEquals(200, LambdaEvents.http("GET", "/api/report", "", "192.0.2.11",
                Map.of("authorization", "Bearer " + SecuredProfile.TOKEN)).getInt("statusCode"));
    }
}
