package dev.envparity.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import dev.envparity.testing.DemoProfile;
import dev.envparity.testing.DeployScenarioResource;
import dev.envparity.testing.LambdaEvents;
import dev.envparity.testing.Signatures;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;

/**
 * The README's answer order, 413 → 401 → 400 → 409 → 202, each step decided before the next looks at anything;
 * a body refused as invalid does not use up its delivery id; hostile values are 4xx, never 5xx.
 */
@QuarkusTest
@TestProfile(DemoProfile.Deploys.class)
class WebhookOrderTest {
    private static final String ARGO_BODY = "{\"app\":\"ledger\",\"environment\":\"qa\",\"revision\":\"r1\",\"phase\":\"Succeeded\"}";

    @TestHTTPResource("/")
    URL base;

    private ValidatableResponse post(String provider, String body, Map<String, String> headers) {
        return given().baseUri(base.toString()).headers(headers).contentType("application/json")
                .body(body.getBytes(StandardCharsets.UTF_8)).post("/hooks/" + provider).then();
    }

    private static Map<String, String> generic(String id, String body) {
        return Signatures.standardWebhooks(DeployScenarioResource.GENERIC_SECRET, id, body);
    }

    private static String deploy(String env) {
        return "{\"service\":\"ledger\",\"environment\":\"" + env + "\",\"version\":\"9.9.9\",\"status\":\"success\"}";
    }

    @Test
    void eachStepIsDecidedBeforeTheNext() {
        String huge = "{\"pad\":\"" + "x".repeat(HookService.MAX_BODY_BYTES) + "\"}";
        post("generic", huge, Map.of()).statusCode(413);
        post("generic", "not json", Map.of()).statusCode(401);
        post("generic", "not json", generic("msg_" + UUID.randomUUID(), "not json")).statusCode(400);

        String id = "msg_" + UUID.randomUUID();
        String qa = deploy("qa"); // an environment nobody configured: ignored, nothing to verify
        post("generic", qa, generic(id, qa)).statusCode(202).body("status", equalTo("ignored"));
        String invalid = "{\"environment\":\"qa\"}";
        post("generic", invalid, generic(id, invalid)).statusCode(400).body("error", equalTo("missing field service"));
        post("generic", qa, generic(id, qa)).statusCode(409).body("status", equalTo("duplicate"));
    }

    @Test
    void aBodyRefusedAs400DoesNotUseUpItsDeliveryId() {
        String id = "msg_" + UUID.randomUUID();
        String missing = "{\"environment\":\"qa\",\"status\":\"success\"}";
        post("generic", missing, generic(id, missing)).statusCode(400).body("error", equalTo("missing field service"));
        String corrected = deploy("qa");
        post("generic", corrected, generic(id, corrected)).statusCode(202).body("status", equalTo("ignored"));

        String delivery = UUID.randomUUID().toString();
        String noRepo = "{\"deployment_status\":{\"state\":\"success\",\"environment\":\"qa\"}}";
        Map<String, String> headers = new HashMap<>(Map.of("X-GitHub-Event", "deployment_status", "X-GitHub-Delivery", delivery));
        headers.put("X-Hub-Signature-256", Signatures.github(DeployScenarioResource.GITHUB_SECRET, noRepo));
        post("github", noRepo, headers).statusCode(400);
        String fixed = "{\"deployment_status\":{\"state\":\"success\",\"environment\":\"qa\"},\"repository\":{\"full_name\":\"acme/ledger\"},"
                + "\"deployment\":{\"environment\":\"qa\"}}";
        headers.put("X-Hub-Signature-256", Signatures.github(DeployScenarioResource.GITHUB_SECRET, fixed));
        post("github", fixed, headers).statusCode(202).body("status", equalTo("ignored"));
        post("github", fixed, headers).statusCode(409);
    }

    @Test
    void aValidlySignedTimestampFarOutOfRangeIs401() {
        String body = deploy("qa");
        for (long ts : new long[] { Long.MAX_VALUE, Long.MIN_VALUE, -1, 99_999_999_999L }) {
            String id = "msg_" + UUID.randomUUID();
            post("generic", body, Signatures.standardWebhooks(DeployScenarioResource.GENERIC_SECRET, id, ts, body)).statusCode(401)
                    .body("error", equalTo("webhook-timestamp is more than 5 minutes away from now"));
        }
    }

    @Test
    void aGitLabBodyWithoutObjectKindIs400() {
        post("gitlab", "{\"status\":\"success\"}", Map.of("X-Gitlab-Token", DeployScenarioResource.GITLAB_TOKEN,
                "X-Gitlab-Event", "Deployment Hook")).statusCode(400).body("error", equalTo("missing field object_kind"));
        post("gitlab", "{\"object_kind\":\"push\"}", Map.of("X-Gitlab-Token", DeployScenarioResource.GITLAB_TOKEN))
                .statusCode(202).body("status", equalTo("ignored"));
    }

    @Test
    void argoCdReplaysAre409AfterTheBodyIsValid() {
        Map<String, String> auth = Map.of("Authorization", "Bearer " + DeployScenarioResource.ARGOCD_TOKEN);
        String body = ARGO_BODY.replace("r1", "r-" + UUID.randomUUID());
        post("argocd", body, auth).statusCode(202).body("status", equalTo("ignored"));
        post("argocd", body, auth).statusCode(409);
    }

    @Test
    void invalidBase64ThroughTheFunctionUrlIs400() {
        String event = LambdaEvents.functionUrl("POST", "/hooks/generic", "", true, "203.0.113.5", Map.of())
                .replace("\"body\":\"\"", "\"body\":\"%%% not base64 %%%\"");
        JsonPath answer = LambdaEvents.invoke(event);
        assertEquals(400, answer.getInt("statusCode"), answer.prettify());
        assertEquals("the request body is not valid base64", JsonPath.from(answer.getString("body")).getString("error"));
    }
}
