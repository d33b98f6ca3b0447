package dev.envparity.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.envparity.testing.LambdaEvents;
import dev.envparity.testing.SecuredProfile;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;

/** Sign-in issues a random, server-side session; sign-out ends it — through the server and the Function URL. */
@QuarkusTest
@TestProfile(SecuredProfile.class)
class SessionsTest {

    @TestHTTPResource("/")
    URL base;

    private String signIn() {
        Response r = given().baseUri(base.toString()).redirects().follow(false).formParam("token", SecuredProfile.TOKEN).post("/login");
        r.then().statusCode(303).header("Location", "./");
        String setCookie = r.getHeader("Set-Cookie");
        assertTrue(setCookie.contains("HttpOnly") && setCookie.contains("SameSite=Strict") && setCookie.contains("Max-Age=43200"),
                setCookie);
        return setCookie.split(";")[0];
    }

    private int dashboard(String cookie) {
        return given().baseUri(base.toString()).header("Cookie", cookie).get("/").statusCode();
    }

    @Test
    void eachSignInIsItsOwnRandomSessionAndSignOutEndsIt() {
        String first = signIn();
        String second = signIn();
        assertNotEquals(first, second, "a session id is random, not derived from the token");
        assertFalse(first.contains(SecuredProfile.TOKEN));
        assertTrue(first.substring(first.indexOf('=') + 1).length() >= 40, "at least 256 bits of randomness: " + first);
        assertEquals(200, dashboard(first));
        assertEquals(200, dashboard(second));

        Response out = given().baseUri(base.toString()).redirects().follow(false).header("Cookie", first).post("/logout");
        out.then().statusCode(303).header("Location", "./");
        assertTrue(out.getHeader("Set-Cookie").contains("Max-Age=0"), out.getHeader("Set-Cookie"));
        assertEquals(401, dashboard(first), "signed out: a copy of the cookie (a stolen one) no longer opens anything");
        assertEquals(200, dashboard(second), "other sessions stay");
        given().baseUri(base.toString()).header("Cookie", first).get("/api/report").then().statusCode(401);
        given().baseUri(base.toString()).header("Cookie", second).get("/api/report").then().statusCode(200);
        assertEquals(401, dashboard("envparity_session=" + "A".repeat(43)));
    }

    @Test
    void theDashboardOffersSignOut() {
        given().baseUri(base.toString()).header("Cookie", signIn()).get("/").then().statusCode(200)
                .body(containsString("<form method=\"post\" action=\"logout\">"));
    }

    @Test
    void sessionsWorkThroughTheFunctionUrl() {
        JsonPath in = LambdaEvents.http("POST", "/login", "token=" + SecuredProfile.TOKEN, "198.51.100.20",
                Map.of("content-type", "application/x-www-form-urlencoded"));
        assertEquals(303, in.getInt("statusCode"), in.prettify());
        List<String> cookies = in.getList("cookies");
        assertEquals(1, cookies.size());
        assertTrue(cookies.get(0).contains("Secure"), "a Function URL is always HTTPS: " + cookies.get(0));
        String cookie = cookies.get(0).split(";")[0];

        assertEquals(200, LambdaEvents.http("GET", "/", "", "198.51.100.20", Map.of("cookie", cookie)).getInt("statusCode"));
        assertEquals(200, dashboard(cookie), "one session store behind both");
        assertEquals(303, LambdaEvents.http("POST", "/logout", "", "198.51.100.20", Map.of("cookie", cookie)).getInt("statusCode"));
        assertEquals(401, LambdaEvents.http("GET", "/", "", "198.51.100.20", Map.of("cookie", cookie)).getInt("statusCode"));
    }
}
