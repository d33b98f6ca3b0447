package dev.envparity.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import java.net.URL;

import org.junit.jupiter.api.Test;

import dev.envparity.testing.DemoProfile;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

@QuarkusTest
@TestProfile(DemoProfile.WithToken.class)
class ApiTokenTest {

    @TestHTTPResource("/")
    URL base;

    @Test
    void checkNeedsTheBearerToken() {
        given().baseUri(base.toString()).post("/api/check").then().statusCode(401)
                .header("WWW-Authenticate", "Bearer realm=\"envparity\"")
                .body("error", equalTo("a valid bearer token is required (parity.api.token)"));
        given().baseUri(base.toString()).header("Authorization", "Bearer wrong").post("/api/check").then().statusCode(401);
        given().baseUri(base.toString()).header("Authorization", DemoProfile.WithToken.TOKEN).post("/api/check").then()
                .statusCode(401);
        given().baseUri(base.toString()).header("Authorization", "Bearer " + DemoProfile.WithToken.TOKEN).post("/api/check")
                .then().statusCode(200).body("trigger", equalTo("api"));
    }
}
