package dev.envparity.trigger.http;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import java.net.URL;

import org.junit.jupiter.api.Test;

import dev.envparity.testing.DemoProfile;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;

/** The server routes on the built-in demo: five services, one of each kind of drift. */
@QuarkusTest
@TestProfile(DemoProfile.class)
class ReportResourceTest {

    @TestHTTPResource("/")
    URL base;

    @Test
    void reportFollowsTheJsonContract() {
        given().baseUri(base.toString()).when().get("/api/report").then()
                .statusCode(200)
                .contentType("application/json")
                .body("id", notNullValue())
                .body("trigger", equalTo("api"))
                .body("startedAt", notNullValue())
                .body("durationMs", greaterThanOrEqualTo(0))
                .body("environments", contains("staging", "production"))
                .body("severity", equalTo("critical"))
                .body("services.name", contains("checkout", "inventory", "ledger", "payments", "search"))
                .body("services.status", contains("IN_SYNC", "UNHEALTHY", "UNREACHABLE", "PROMOTION_PENDING", "DOWNSTREAM_AHEAD"))
                .body("services.severity", contains("ok", "critical", "critical", "info", "warning"))
                .body("services[0].environments.staging.health", equalTo("UP"))
                .body("services[0].environments.staging.version", equalTo("2.4.0"))
                .body("services[0].environments.staging.commit", equalTo("4f2a9c1"))
                .body("services[0].environments.staging.builtAt", notNullValue())
                .body("services[0].environments.staging.latencyMs", greaterThanOrEqualTo(0))
                .body("services[0].environments.staging.error", nullValue())
                .body("services[1].environments.production.health", equalTo("DOWN"))
                .body("services[2].environments.production.error", startsWith("http://127.0.0.1:"))
                .body("services[3].findings[0].kind", equalTo("VERSION_DRIFT"))
                .body("services[3].findings[0].severity", equalTo("info"))
                .body("services[3].findings[0].message", startsWith("staging 1.9.0 is ahead of production 1.8.3 for 1d 2h"))
                .body("services[3].findings[0].since", notNullValue())
                .body("services[3].findings[0].checks", greaterThanOrEqualTo(1))
                .body("services[3].findings[0].confirmed", equalTo(true))
                .body("services[0].environments.staging.versionSince", notNullValue())
                .body("historyError", nullValue());
    }

    @Test
    void checkRunsANewReportAndBecomesTheLatest() {
        String first = given().baseUri(base.toString()).post("/api/check").then().statusCode(200)
                .body("trigger", equalTo("api")).extract().path("id");
        String second = given().baseUri(base.toString()).post("/api/check").then().statusCode(200)
                .body("id", not(equalTo(first))).extract().path("id");
        JsonPath latest = given().baseUri(base.toString()).get("/api/report").then().statusCode(200).extract().jsonPath();
        org.junit.jupiter.api.Assertions.assertEquals(second, latest.getString("id"));
    }

    @Test
    void ownHealth() {
        given().baseUri(base.toString()).get("/q/health").then().statusCode(200).body("status", equalTo("UP"));
    }
}
