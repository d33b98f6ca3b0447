package dev.envparity.trigger.http;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;

import java.net.URL;

import org.junit.jupiter.api.Test;

import dev.envparity.testing.SecuredProfile;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.specification.RequestSpecification;

/**
 * {@code GET /api/history/<service>} and the service's page, behind the API token: what the history holds after two
 * checks, as JSON and as a timeline drawn on the server.
 */
@QuarkusTest
@TestProfile(SecuredProfile.class)
class HistoryRoutesTest {

    @TestHTTPResource("/")
    URL base;

    private RequestSpecification withToken() {
        return given().baseUri(base.toString()).header("Authorization", "Bearer " + SecuredProfile.TOKEN);
    }

    @Test
    void theHistoryOfAServiceAsJson() {
        withToken().post("/api/check").then().statusCode(200);
        withToken().post("/api/check").then().statusCode(200);
        withToken().get("/api/history/checkout").then()
                .statusCode(200)
                .contentType("application/json")
                .header("Cache-Control", "no-store")
                .body("service", equalTo("checkout"))
                .body("promotionOrder", contains("staging", "production"))
                .body("retentionDays", equalTo(90))
                .body("checks", greaterThanOrEqualTo(2))
                .body("environments.staging.version", equalTo("2.4.0"))
                .body("environments.staging.versionSince", notNullValue())
                .body("environments.production.version", equalTo("2.3.9"))
                .body("environments.production.health", equalTo("UP"))
                .body("findings.finding", hasItem("VERSION_DRIFT staging production"))
                .body("findings.checks", everyItem(greaterThanOrEqualTo(2)))
                .body("transitions.kind", hasItem("version"))
                .body("transitions.initial", hasItem(true))
                .body("promotions.size()", equalTo(0))
                .body("leadTimes[0].environment", equalTo("production"))
                .body("leadTimes[0].promotions", equalTo(0));
    }

    @Test
    void aServiceNobodyConfiguredIsNotFoundAndNothingAnswersWithoutTheToken() {
        withToken().get("/api/history/no-such-service").then().statusCode(404).body("error", startsWith("no service named"));
        withToken().get("/services/no-such-service").then().statusCode(404);
        given().baseUri(base.toString()).get("/api/history/checkout").then().statusCode(401);
        given().baseUri(base.toString()).get("/services/checkout").then().statusCode(401)
                .body(not(containsString("2.4.0"))).body(containsString("<form"));
    }

    @Test
    void theServicePageDrawsItsTimelineOnTheServer() {
        withToken().post("/api/check").then().statusCode(200);
        withToken().get("/services/checkout?days=7").then()
                .statusCode(200)
                .contentType(startsWith("text/html"))
                .header("Content-Security-Policy", startsWith("default-src 'none'; style-src 'sha256-"))
                .body(containsString("<svg class=\"timeline\""))
                .body(containsString("<g data-env=\"staging\">"))
                .body(containsString("<g data-env=\"production\">"))
                .body(containsString("<rect class=\"v0\""))
                .body(containsString("<title>2.4.0 on staging: "))
                .body(containsString("aria-current=\"page\">7 days"))
                .body(not(containsString("<script")))
                .body(not(containsString("style=\"")));
        withToken().get("/").then().statusCode(200).body(containsString("href=\"services/checkout\""));
    }
}
