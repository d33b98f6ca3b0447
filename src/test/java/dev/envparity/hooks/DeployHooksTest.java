package dev.envparity.hooks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.envparity.crypto.StandardWebhooks;
import dev.envparity.testing.Fixtures;

/** Each provider's verification and parsing, on real-shaped payloads (src/test/resources/hooks). */
public class DeployHooksTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Instant NOW = Instant.parse("2026-11-26T10:00:00Z");

    public static String fixture(String name) {
        return Fixtures.read("../hooks/" + name);
    }

    static HookRequest request(String provider, String body, String... headers) {
        Map<String, String> h = new HashMap<>();
        for (int i = 0; i + 1 < headers.length; i += 2) {
            h.put(headers[i].toLowerCase(), headers[i + 1]);
        }
        return new HookRequest(provider, h, body.getBytes(StandardCharsets.UTF_8));
    }

    static JsonNode json(String body) throws Exception {
        return JSON.readTree(body);
    }

    private static DeployNotice notice(Parsed p) {
        return assertInstanceOf(Parsed.Deploy.class, p).notice();
    }

    private static String reason(Parsed p) {
        return assertInstanceOf(Parsed.Ignored.class, p).reason();
    }

    /** GitHub's documented example: "Validating webhook deliveries". */
    @Test
    void githubTestVector() {
        assertEquals("757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e17",
                GitHubHook.hmacHex("It's a Secret to Everybody", "Hello, World!".getBytes(StandardCharsets.UTF_8)));
        GitHubHook hook = new GitHubHook(Optional.of("It's a Secret to Everybody"), Map.of());
        assertEquals(Optional.empty(), hook.verify(request("github", "Hello, World!", "X-Hub-Signature-256",
                "sha256=757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e17"), NOW));
        assertEquals(Optional.of("X-Hub-Signature-256 does not match the body"), hook.verify(request("github", "Hello, World?",
                "X-Hub-Signature-256", "sha256=757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e17"), NOW));
        assertEquals(Optional.of("missing X-Hub-Signature-256 (set the webhook's secret in GitHub)"),
                hook.verify(request("github", "Hello, World!"), NOW));
        assertEquals(Optional.of("GitHub webhooks are not enabled: set parity.hooks.github.secret"),
                new GitHubHook(Optional.empty(), Map.of()).verify(request("github", "{}"), NOW));
    }

    @Test
    void githubDeploymentStatus() throws Exception {
        GitHubHook hook = new GitHubHook(Optional.of("s"), Map.of());
        String body = fixture("github-deployment-status.json");
        Parsed p = hook.parse(request("github", body, "X-GitHub-Event", "deployment_status"), json(body));
        assertEquals(new DeployNotice("github", List.of("acme/checkout", "checkout"), "stg", null, "v2.4.1",
                "7d5a1c0e3b9f2a4d6c8e0f1a3b5c7d9e1f2a3b4c"), notice(p));

        String failed = body.replace("\"state\": \"success\"", "\"state\": \"failure\"");
        Parsed f = hook.parse(request("github", failed, "X-GitHub-Event", "deployment_status"), json(failed));
        assertEquals("deployment state is 'failure'; only successful deployments are verified", reason(f));

        String branch = body.replace("\"ref\": \"v2.4.1\"", "\"ref\": \"main\"");
        assertNull(notice(hook.parse(request("github", branch, "X-GitHub-Event", "deployment_status"), json(branch))).version(),
                "a branch is not a version");
    }

    @Test
    void githubWorkflowRunNeedsAnEnvironmentMapping() throws Exception {
        String body = fixture("github-workflow-run.json");
        GitHubHook mapped = new GitHubHook(Optional.of("s"), Map.of("deploy-staging.yml", "staging"));
        Parsed p = mapped.parse(request("github", body, "X-GitHub-Event", "workflow_run"), json(body));
        assertEquals("staging", notice(p).environment());
        assertEquals("7d5a1c0e3b9f2a4d6c8e0f1a3b5c7d9e1f2a3b4c", notice(p).commit());

        Parsed unmapped = new GitHubHook(Optional.of("s"), Map.of()).parse(request("github", body, "X-GitHub-Event", "workflow_run"), json(body));
        assertTrue(reason(unmapped).contains("add it to parity.hooks.github.workflows"), reason(unmapped));

        String requested = body.replace("\"action\": \"completed\"", "\"action\": \"requested\"");
        assertInstanceOf(Parsed.Ignored.class, mapped.parse(request("github", requested, "X-GitHub-Event", "workflow_run"), json(requested)));
    }

    @Test
    void githubPingAndOtherEvents() throws Exception {
        GitHubHook hook = new GitHubHook(Optional.of("s"), Map.of());
        assertInstanceOf(Parsed.Ping.class, hook.parse(request("github", "{\"zen\":\"Keep it logically awesome.\"}", "X-GitHub-Event", "ping"),
                json("{}")));
        Parsed push = hook.parse(request("github", "{}", "X-GitHub-Event", "push"), json("{}"));
        assertEquals("GitHub event 'push' is not handled; subscribe to deployment_status or workflow_run", reason(push));
        assertThrows(MalformedHookException.class,
                () -> hook.parse(request("github", "{}", "X-GitHub-Event", "deployment_status"), json("{\"deployment_status\":{\"state\":\"success\"}}")));
    }

    @Test
    void gitlabTokenAndDeployment() throws Exception {
        GitLabHook hook = new GitLabHook(Optional.of("glpat-token-1"));
        String body = fixture("gitlab-deployment.json");
        assertEquals(Optional.empty(), hook.verify(request("gitlab", body, "X-Gitlab-Token", "glpat-token-1"), NOW));
        assertEquals(Optional.of("X-Gitlab-Token is not the configured token"),
                hook.verify(request("gitlab", body, "X-Gitlab-Token", "glpat-token-2"), NOW));
        Parsed p = hook.parse(request("gitlab", body, "X-Gitlab-Event", "Deployment Hook"), json(body));
        assertEquals(new DeployNotice("gitlab", List.of("acme/checkout", "checkout"), "production", "production", "v2.4.1",
                "7d5a1c0e3b9f2a4d6c8e0f1a3b5c7d9e1f2a3b4c"), notice(p));
        assertEquals(Optional.of("uuid-1"), hook.deliveryId(request("gitlab", body, "Idempotency-Key", "uuid-1"), json(body)));
        String push = "{\"object_kind\":\"push\"}";
        assertInstanceOf(Parsed.Ignored.class, hook.parse(request("gitlab", push, "X-Gitlab-Event", "Push Hook"), json(push)));
    }

    @Test
    void argocdBearerTokenAndImageTag() throws Exception {
        ArgoCdHook hook = new ArgoCdHook(Optional.of("argo-token"));
        String body = fixture("argocd-deployed.json");
        assertEquals(Optional.empty(), hook.verify(request("argocd", body, "Authorization", "Bearer argo-token"), NOW));
        assertEquals(Optional.of("missing Authorization: Bearer <token>"), hook.verify(request("argocd", body), NOW));
        Parsed p = hook.parse(request("argocd", body), json(body));
        assertEquals(new DeployNotice("argocd", List.of("checkout"), "staging", null, "2.4.1", null), notice(p));
        String degraded = body.replace("\"Healthy\"", "\"Degraded\"");
        assertInstanceOf(Parsed.Ignored.class, hook.parse(request("argocd", degraded), json(degraded)));
        assertNull(ArgoCdHook.tag("registry.example.com:5000/acme/checkout"));
        assertNull(ArgoCdHook.tag("acme/checkout@sha256:abc"));
        assertNull(ArgoCdHook.tag("acme/checkout:latest"));
    }

    /** A known answer computed with OpenSSL (the README's shell recipe), not with our own code. */
    @Test
    void standardWebhooksKnownAnswer() {
        assertEquals("v1,lqRCGbYB7Ug4rYgj02E64IjdhLEfRy1Mdbg9GqAEkeU=", StandardWebhooks.sign(
                StandardWebhooks.key("whsec_Z2VuZXJpYy1zaWduaW5nLXNlY3JldC1mb3ItdGVzdHM="), "msg_1", 1795600800L,
                "{\"service\":\"checkout\"}".getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void genericStandardWebhooks() throws Exception {
        byte[] key = "a-32-byte-secret-for-hmac-signing".getBytes(StandardCharsets.UTF_8);
        String secret = "whsec_" + Base64.getEncoder().encodeToString(key);
        GenericHook hook = new GenericHook(Optional.of(secret));
        String body = fixture("generic-deploy.json");
        long ts = NOW.getEpochSecond();
        String signature = StandardWebhooks.sign(key, "msg_1", ts, body.getBytes(StandardCharsets.UTF_8));
        assertEquals(Optional.empty(), hook.verify(request("generic", body, "webhook-id", "msg_1", "webhook-timestamp",
                String.valueOf(ts), "webhook-signature", "v1,b2xkIHNlY3JldA== " + signature), NOW), "any listed signature may match");
        assertEquals(Optional.of("webhook-timestamp is more than 5 minutes away from now"), hook.verify(request("generic", body,
                "webhook-id", "msg_1", "webhook-timestamp", String.valueOf(ts), "webhook-signature", signature), NOW.plusSeconds(301)));
        assertEquals(Optional.of("webhook-signature does not match"), hook.verify(request("generic", body + " ", "webhook-id",
                "msg_1", "webhook-timestamp", String.valueOf(ts), "webhook-signature", signature), NOW));
        assertEquals(Optional.of("webhook-signature does not match"), hook.verify(request("generic", body, "webhook-id",
                "msg_2", "webhook-timestamp", String.valueOf(ts), "webhook-signature", signature), NOW), "the id is signed too");
        Parsed p = hook.parse(request("generic", body), json(body));
        assertEquals(new DeployNotice("generic", List.of("checkout"), "staging", null, "2.4.1", "7d5a1c0"), notice(p));
        assertFalse(hook.verify(request("generic", body), NOW).isEmpty());
    }
}
