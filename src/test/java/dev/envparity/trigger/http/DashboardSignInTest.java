package dev.envparity.trigger.http;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;

import org.junit.jupiter.api.Test;

import dev.envparity.testing.DemoProfile;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;

/** With parity.api.token set, the dashboard and badges need the token: as a bearer header, or signed in. */
@QuarkusTest
@TestProfile(DemoProfile.WithToken.class)
class DashboardSignInTest {

    @TestHTTPResource("/")
    URL base;

    @Test
    void signInSetsAnHttpOnlyCookieThatOpensTheDashboard() {
        given().baseUri(base.toString()).get("/").then().statusCode(401).body(containsString("<form method=\"post\" action=\"login\">"))
                .body(not(containsString("need attention")));
        given().baseUri(base.toString()).redirects().follow(false).formParam("token", "wrong").post("/login").then().statusCode(401)
                .body(containsString("That is not the token."));

        Response signedIn = given().baseUri(base.toString()).redirects().follow(false)
                .formParam("token", DemoProfile.WithToken.TOKEN).post("/login");
        signedIn.then().statusCode(303).header("Location", "./");
        String cookie = signedIn.getHeader("Set-Cookie");
        assertTrue(cookie.contains("HttpOnly") && cookie.contains("SameSite=Strict"), cookie);
        assertFalse(cookie.contains(DemoProfile.WithToken.TOKEN), "the cookie holds a random session id, not the token");

        given().baseUri(base.toString()).header("Cookie", cookie.split(";")[0]).get("/").then().statusCode(200)
                .body(containsString("need attention"));
        given().baseUri(base.toString()).header("Cookie", "envparity_session=forged").get("/").then().statusCode(401);
        given().baseUri(base.toString()).header("Authorization", "Bearer " + DemoProfile.WithToken.TOKEN).get("/").then().statusCode(200);
    }

    @Test
    void badgesAreProtectedToo() {
        given().baseUri(base.toString()).get("/badge/payments.svg").then().statusCode(401);
        given().baseUri(base.toString()).header("Authorization", "Bearer " + DemoProfile.WithToken.TOKEN).get("/badge/payments.svg")
                .then().statusCode(200);
    }
}
