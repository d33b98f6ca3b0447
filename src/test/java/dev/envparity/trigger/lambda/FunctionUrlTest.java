package dev.envparity.trigger.lambda;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import dev.envparity.testing.DemoProfile;
import dev.envparity.testing.DeployScenarioResource;
import dev.envparity.testing.DeployStubs;
import dev.envparity.testing.Fixtures;
import dev.envparity.testing.LambdaEvents;
import dev.envparity.testing.Signatures;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;

/** The Lambda handler given real-shaped events through the mock event server, as the Lambda runtime would. */
@QuarkusTest
@TestProfile(DemoProfile.Deploys.class)
class FunctionUrlTest {
    DeployStubs stubs;

    /** A Function URL request (payload format 2.0) carrying {@code body}, plain or base64-encoded. */
    private static String functionUrl(String method, String path, String body, boolean base64, String... headers) {
        Map<String, String> h = new HashMap<>();
        for (int i = 0; i + 1 < headers.length; i += 2) {
            h.put(headers[i], headers[i + 1]);
        }
        return LambdaEvents.functionUrl(method, path, body, base64, "140.82.115.1", h);
    }

    private static String githubDeploy(String service) {
        return Fixtures.read("../hooks/github-deployment-status.json").replace("acme/checkout", "acme/" + service)
                .replace("\"name\": \"checkout\"", "\"name\": \"" + service + "\"");
    }

    private static String[] githubHeaders(String body) {
        return new String[] { "x-github-event", "deployment_status", "x-github-delivery", UUID.randomUUID().toString(),
                "x-hub-signature-256", Signatures.github(DeployScenarioResource.GITHUB_SECRET, body) };
    }

    @Test
    void plainAndBase64BodiesAreVerifiedOverTheSameBytes() {
        for (boolean base64 : new boolean[] { false, true }) {
            String body = githubDeploy("payments").replace("Deployment finished successfully.", "Déployé ✓");
            JsonPath answer = LambdaEvents.invoke(functionUrl("POST", "/hooks/github", body, base64, githubHeaders(body)));
            assertEquals(202, answer.getInt("statusCode"), answer.prettify());
            assertEquals("application/json", answer.getString("headers.content-type"));
            JsonPath hook = JsonPath.from(answer.getString("body"));
            assertEquals("accepted", hook.getString("status"));
            assertEquals("payments", hook.getString("service"));
            assertEquals("staging", hook.getString("environment"));
        }
    }

    @Test
    void aBadSignatureIsRefusedThroughTheFunctionUrlToo() {
        String body = githubDeploy("search");
        String[] headers = githubHeaders(body);
        JsonPath answer = LambdaEvents.invoke(functionUrl("POST", "/hooks/github", body + "\n", true, headers));
        assertEquals(401, answer.getInt("statusCode"));
        assertEquals("X-Hub-Signature-256 does not match the body", JsonPath.from(answer.getString("body")).getString("error"));
    }

    @Test
    void theServersRoutesAnswerThroughTheFunctionUrl() {
        JsonPath report = LambdaEvents.invoke(functionUrl("GET", "/api/report", "", false));
        assertEquals(200, report.getInt("statusCode"));
        assertEquals(List.of("checkout", "ledger", "payments", "search"), JsonPath.from(report.getString("body")).getList("services.name"));

        JsonPath dashboard = LambdaEvents.invoke(functionUrl("GET", "/", "", false));
        assertEquals(200, dashboard.getInt("statusCode"));
        assertEquals("text/html; charset=utf-8", dashboard.getString("headers.content-type"));
        assertTrue(dashboard.getString("body").contains("data-status=\"PROMOTION_PENDING\""));
        JsonPath badge = LambdaEvents.invoke(functionUrl("GET", "/badge/ledger.svg", "", false));
        assertEquals("image/svg+xml", badge.getString("headers.content-type"));

        assertEquals(405, LambdaEvents.invoke(functionUrl("GET", "/api/check", "", false)).getInt("statusCode"));
        assertEquals(404, LambdaEvents.invoke(functionUrl("GET", "/wp-admin", "", false)).getInt("statusCode"));
        JsonPath health = LambdaEvents.invoke(functionUrl("GET", "/q/health", "", false));
        assertEquals(200, health.getInt("statusCode"));
        assertEquals("UP", JsonPath.from(health.getString("body")).getString("status"));
    }

    @Test
    void eventBridgeSchedulerInputRunsACheck() {
        JsonPath report = LambdaEvents.invoke(Fixtures.read("../events/eventbridge-scheduler-input.json"));
        assertEquals("schedule", report.getString("trigger"));
        assertEquals(4, report.getList("services").size());
    }

    @Test
    void theAsynchronousHalfOfADeployVerifies() {
        String event = "{\"action\":\"verify-deploy\",\"key\":\"checkout/production\",\"delayMs\":0,\"deploy\":{\"service\":\"checkout\","
                + "\"environment\":\"production\",\"version\":\"2.3.9\",\"commit\":null,\"source\":\"generic\",\"firstReceivedAt\":\""
                + Instant.now() + "\",\"events\":1}}";
        JsonPath report = LambdaEvents.invoke(event);
        assertEquals("webhook", report.getString("trigger"));
        assertEquals("checkout", report.getString("services[0].name"));
        assertNotNull(report.getString("notifications[0].outcome"));
        await().atMost(Duration.ofSeconds(5)).until(() -> stubs.chat().requests(DeployScenarioResource.CHAT_PATH).stream()
                .anyMatch(r -> r.body().contains("checkout 2.3.9 is live on production after")));
        assertTrue(report.getString("services[0].status").equals("PROMOTION_PENDING"), report.prettify());
    }
}
