package dev.envparity.trigger.http;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;

import java.net.URL;

import org.junit.jupiter.api.Test;

import dev.envparity.testing.SecuredProfile;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/** {@code parity.api.public-badges: true} opens the badges and nothing else. */
@QuarkusTest
@TestProfile(SecuredProfile.PublicBadges.class)
class PublicBadgesTest {

    @TestHTTPResource("/")
    URL base;

    @Test
    void badgesArePublicTheRestIsNot() {
        given().baseUri(base.toString()).get("/badge/checkout.svg").then().statusCode(200).contentType("image/svg+xml")
                .header("X-Content-Type-Options", "nosniff").body(containsString("envparity: checkout"));
        given().baseUri(base.toString()).get("/api/report").then().statusCode(401);
        given().baseUri(base.toString()).get("/").then().statusCode(401);
    }
}
