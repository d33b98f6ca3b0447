package dev.envparity.scm;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.envparity.ParityService;
import dev.envparity.crypto.StandardWebhooks;
import dev.envparity.report.Trigger;
import dev.envparity.testing.LogCapture;
import dev.envparity.testing.PendingScenarioResource;
import dev.envparity.testing.StubServer;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/**
 * The whole way: a check asks the GitHub stand-in what waits, the JSON report and the chat message show it with the
 * owner's mention, a second check asks nothing, and the deploy of what waited names what shipped — from the cache.
 */
@QuarkusTest
@TestProfile(PendingChangesEndToEndTest.Profile.class)
class PendingChangesEndToEndTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    public static class Profile implements QuarkusTestProfile {
        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(PendingScenarioResource.class));
        }
    }

    @TestHTTPResource("/")
    URL base;

    @Inject
    ParityService parity;

    PendingScenarioResource.Stubs stubs;

    private List<String> messages() {
        return stubs.chat().requests(PendingScenarioResource.CHAT_PATH).stream().map(StubServer.Request::body).toList();
    }

    @Test
    void whatWaitsIsAskedOnceShownEverywhereAndNamedWhenItShips() throws Exception {
        String at20 = PendingScenarioResource.GRAPH.at(20);
        String at30 = PendingScenarioResource.GRAPH.at(30);
        try (LogCapture logs = LogCapture.start()) {
            parity.run(Trigger.API);
            JsonNode service = JSON.readTree(given().baseUri(base.toString()).get("/api/report").then().statusCode(200)
                    .extract().asString()).path("services").get(0);
            JsonNode pending = service.path("pending");
            assertEquals("staging", pending.path("from").asText());
            assertEquals("production", pending.path("to").asText());
            assertEquals("ahead", pending.path("status").asText());
            assertEquals(10, pending.path("aheadBy").asInt());
            assertEquals(0, pending.path("behindBy").asInt());
            assertEquals(10, pending.path("commits").size());
            assertEquals(at30, pending.path("commits").get(0).path("sha").asText());
            assertEquals("Change 30 (#1030)", pending.path("commits").get(0).path("title").asText());
            assertEquals(1030, pending.path("commits").get(0).path("pullRequest").asInt());
            assertEquals("https://github.com/acme/checkout/commit/" + at30, pending.path("commits").get(0).path("url").asText());
            assertEquals("https://github.com/acme/checkout/compare/" + at20 + "..." + at30, pending.path("compareUrl").asText());
            assertTrue(pending.path("error").isNull());
            assertEquals("Payments team", service.path("owner").path("name").asText());
            assertEquals("S0123ABC", service.path("owner").path("slack").asText());
            assertEquals("https://wiki.example.com/runbooks/checkout", service.path("runbook").asText());
            assertEquals("helm rollback checkout 0", service.path("rollback").asText());
            assertEquals("https://github.com/acme/checkout/actions/workflows/promote.yml?to=production&ref=" + at30,
                    service.path("promote").path("url").asText());
            assertEquals(1, stubs.github().requests().size());

            String digest = messages().get(0);
            assertTrue(digest.contains("10 commits waiting in staging: <https://github.com/acme/checkout/compare/"), digest);
            assertTrue(digest.contains("Owner: <!subteam^S0123ABC>"), digest);
            assertTrue(digest.contains("◦ #1030 Change 30 (Dev 0)"), digest);

            parity.run(Trigger.API);
            assertEquals(1, stubs.github().requests().size(), "the second run makes no API call");

            String body = "{\"service\":\"checkout\",\"environment\":\"production\",\"version\":\"2.4.0\",\"sha\":\"" + at30
                    + "\",\"status\":\"success\"}";
            long ts = Instant.now().getEpochSecond();
            given().baseUri(base.toString()).headers(Map.of("webhook-id", "msg_ship", "webhook-timestamp", String.valueOf(ts),
                    "webhook-signature", StandardWebhooks.sign(StandardWebhooks.key(PendingScenarioResource.GENERIC_SECRET),
                            "msg_ship", ts, body.getBytes(StandardCharsets.UTF_8))))
                    .contentType("application/json").body(body).post("/hooks/generic").then().statusCode(202);
            await().atMost(Duration.ofSeconds(30)).until(() -> messages().stream().anyMatch(m -> m.contains("Shipped to production")));
            String shipped = messages().stream().filter(m -> m.contains("Shipped to production")).findFirst().orElseThrow();
            assertTrue(shipped.contains("Shipped to production: 10 commits"), shipped);
            assertTrue(shipped.contains("◦ #1030 Change 30 (Dev 0)"), shipped);
            assertEquals(1, stubs.github().requests().size(), "what shipped is what waited: the cache knows it");

            assertEquals("Bearer " + PendingScenarioResource.TOKEN, stubs.github().requests().get(0).header("Authorization"));
            assertFalse(logs.lines(Level.ALL).stream().anyMatch(l -> l.contains(PendingScenarioResource.TOKEN)),
                    "the token is never logged");
            assertTrue(messages().stream().noneMatch(m -> m.contains(PendingScenarioResource.TOKEN)));
        }
    }
}
