package dev.envparity.trigger.http;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import dev.envparity.crypto.StandardWebhooks;
import dev.envparity.testing.DemoProfile;
import dev.envparity.testing.DeployScenarioResource;
import dev.envparity.testing.DeployStubs;
import dev.envparity.testing.Signatures;
import dev.envparity.testing.StubServer;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.ValidatableResponse;
import dev.envparity.web.HookService;
import dev.envparity.hooks.DeployHooksTest;

/**
 * Deploy webhooks through the running server: every provider with valid credentials, every bad input with its
 * status code and no probe and no post, post-deploy verification against an environment that switches version,
 * and a burst of twenty webhooks becoming one message.
 */
@QuarkusTest
@TestProfile(DemoProfile.Deploys.class)
class HookRoutesTest {

    @TestHTTPResource("/")
    URL base;

    DeployStubs stubs;

    private ValidatableResponse post(String provider, String body, Map<String, String> headers) {
        return given().baseUri(base.toString()).headers(headers).contentType("application/json")
                .body(body.getBytes(StandardCharsets.UTF_8)).post("/hooks/" + provider).then();
    }

    static Map<String, String> github(String event, String body) {
        return Map.of("X-GitHub-Event", event, "X-GitHub-Delivery", UUID.randomUUID().toString(), "X-Hub-Signature-256",
                Signatures.github(DeployScenarioResource.GITHUB_SECRET, body));
    }

    static Map<String, String> generic(String id, String body) {
        long ts = Instant.now().getEpochSecond();
        return Map.of("webhook-id", id, "webhook-timestamp", String.valueOf(ts), "webhook-signature",
                StandardWebhooks.sign(StandardWebhooks.key(DeployScenarioResource.GENERIC_SECRET), id, ts,
                        body.getBytes(StandardCharsets.UTF_8)));
    }

    static String genericBody(String service, String env, String version) {
        return "{\"service\":\"" + service + "\",\"environment\":\"" + env + "\",\"version\":\"" + version + "\",\"status\":\"success\"}";
    }

    private List<String> messagesAbout(String service) {
        return stubs.chat().requests(DeployScenarioResource.CHAT_PATH).stream().map(StubServer.Request::body)
                .filter(b -> b.contains(service)).toList();
    }

    private List<StubServer.Request> probesOf(String service) {
        return stubs.environments().requests().stream().filter(r -> r.path().startsWith("/" + service + "/")).toList();
    }

    /** One bad (or not actionable) webhook and the answer it must get; {@code error} is checked when not null. */
    private record Refusal(String what, String provider, String body, Map<String, String> headers, int status, String error) {
    }

    private static List<Refusal> refusals() {
        String body = DeployHooksTest.fixture("github-deployment-status.json").replace("acme/checkout", "acme/ledger");
        String generic = genericBody("ledger", "staging", "2.4.1");
        Map<String, String> stale = new java.util.HashMap<>(generic("msg_stale", generic));
        stale.put("webhook-timestamp", String.valueOf(Instant.now().minusSeconds(600).getEpochSecond()));
        String big = "{\"pad\":\"" + "x".repeat(HookService.MAX_BODY_BYTES) + "\"}";
        String noRepo = "{\"deployment_status\":{\"state\":\"success\",\"environment\":\"staging\"}}";
        String unknown = body.replace("acme/ledger", "acme/billing").replace("\"name\": \"checkout\"", "\"name\": \"billing\"");
        String failed = body.replace("\"state\": \"success\"", "\"state\": \"error\"");
        String qa = body.replace("\"stg\"", "\"qa\"");
        String ping = "{\"zen\":\"Design for failure.\"}";
        return List.of(
                new Refusal("no signature", "github", body, Map.of("X-GitHub-Event", "deployment_status"), 401,
                        "missing X-Hub-Signature-256 (set the webhook's secret in GitHub)"),
                new Refusal("a wrong signature", "github", body, Map.of("X-GitHub-Event", "deployment_status",
                        "X-Hub-Signature-256", "sha256=" + "0".repeat(64)), 401, "X-Hub-Signature-256 does not match the body"),
                new Refusal("a body changed after signing", "github", body + " ", github("deployment_status", body), 401, null),
                new Refusal("a wrong GitLab token", "gitlab", DeployHooksTest.fixture("gitlab-deployment.json"),
                        Map.of("X-Gitlab-Token", "wrong"), 401, null),
                new Refusal("a wrong Argo CD token", "argocd", DeployHooksTest.fixture("argocd-deployed.json"),
                        Map.of("Authorization", "Bearer wrong"), 401, null),
                new Refusal("a stale Standard Webhooks timestamp", "generic", generic, stale, 401, null),
                new Refusal("an unknown provider", "bitbucket", "{}", Map.of(), 404, null),
                new Refusal("a body past 1 MiB", "github", big, github("deployment_status", big), 413, null),
                new Refusal("a body that is not JSON", "github", "deployment succeeded",
                        github("deployment_status", "deployment succeeded"), 400, "the body is not a JSON object"),
                new Refusal("a deploy without its repository", "github", noRepo, github("deployment_status", noRepo), 400,
                        "missing field repository.full_name"),
                new Refusal("an unknown service", "github", unknown, github("deployment_status", unknown), 202,
                        "no configured service is named acme/billing or billing; add the name to parity.services.<name>.aliases"),
                new Refusal("a failed deploy", "github", failed, github("deployment_status", failed), 202, null),
                new Refusal("an unknown environment", "github", qa, github("deployment_status", qa), 202,
                        "environment 'qa' is not one of parity.environments; map it with parity.environment-aliases.qa"),
                new Refusal("GitHub's ping", "github", ping, github("ping", ping), 200, null));
    }

    @Test
    void badInputsAreRefusedWithoutAProbeOrAPost() {
        for (Refusal r : refusals()) {
            ValidatableResponse answer = post(r.provider(), r.body(), r.headers());
            answer.statusCode(r.status());
            if (r.error() != null) {
                answer.body(r.status() == 202 ? "reason" : "error", equalTo(r.error()));
            }
        }
        Map<String, String> replayed = generic("msg_replayed", genericBody("ledger", "prod-eu", "2.4.1"));
        post("generic", genericBody("ledger", "prod-eu", "2.4.1"), replayed).statusCode(202).body("status", equalTo("ignored"));
        post("generic", genericBody("ledger", "prod-eu", "2.4.1"), replayed).statusCode(409).body("status", equalTo("duplicate"));

        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(3)).until(() -> probesOf("ledger").isEmpty()
                && messagesAbout("ledger").isEmpty());
    }

    @Test
    void everyProviderWithValidCredentialsIsAccepted() {
        String github = DeployHooksTest.fixture("github-deployment-status.json").replace("acme/checkout", "acme/search")
                .replace("\"name\": \"checkout\"", "\"name\": \"search\"");
        post("github", github, github("deployment_status", github)).statusCode(202).body("status", equalTo("accepted"))
                .body("service", equalTo("search")).body("environment", equalTo("staging")).body("version", equalTo("v2.4.1"));
        String gitlab = DeployHooksTest.fixture("gitlab-deployment.json").replace("acme/checkout", "acme/search");
        post("gitlab", gitlab, Map.of("X-Gitlab-Token", DeployScenarioResource.GITLAB_TOKEN, "X-Gitlab-Event", "Deployment Hook"))
                .statusCode(202).body("status", equalTo("accepted")).body("environment", equalTo("production"));
        String argo = DeployHooksTest.fixture("argocd-deployed.json").replace("\"checkout\"", "\"search\"");
        post("argocd", argo, Map.of("Authorization", "Bearer " + DeployScenarioResource.ARGOCD_TOKEN)).statusCode(202)
                .body("status", equalTo("accepted")).body("version", equalTo("2.4.1"));
        String generic = genericBody("search", "staging", "2.4.1");
        post("generic", generic, generic("msg_" + UUID.randomUUID(), generic)).statusCode(202).body("status", equalTo("accepted"));
    }

    @Test
    void aRolloutIsAwaitedThenSummarised() {
        stubs.environments().reset();
        DeployScenarioResource.serve(stubs.environments(), "checkout", "staging", "2.4.0", "2.4.0", "2.4.0", "2.4.1");
        String body = genericBody("checkout", "stg", "2.4.1");
        post("generic", body, generic("msg_" + UUID.randomUUID(), body)).statusCode(202).body("status", equalTo("accepted"))
                .body("reason", nullValue());

        await().atMost(Duration.ofSeconds(15)).until(() -> !messagesAbout("checkout").isEmpty());
        String message = messagesAbout("checkout").get(0);
        assertTrue(message.matches("(?s).*checkout 2\\.4\\.1 is live on staging after [0-9.]+m?s; production runs 2\\.3\\.9 — promotion pending.*"),
                message);
        assertTrue(stubs.environments().requests("/checkout/staging/actuator/info").size() >= 4, "polled until the new version showed");
    }

    @Test
    void aRolloutThatNeverShowsUpIsReported() {
        String body = genericBody("payments", "staging", "2.5.0");
        post("generic", body, generic("msg_" + UUID.randomUUID(), body)).statusCode(202);
        await().atMost(Duration.ofSeconds(15)).until(() -> !messagesAbout("payments: staging").isEmpty());
        String message = messagesAbout("payments: staging").get(0);
        assertTrue(message.matches("(?s).*payments: staging still reports 2\\.4\\.0 after [0-9.]+s; expected 2\\.5\\.0.*"), message);
    }

    @Test
    void twentyWebhooksInABurstMakeOneVerificationAndOneMessage() {
        DeployScenarioResource.serve(stubs.environments(), "ledger", "production", "2.4.1");
        String body = genericBody("ledger", "prod", "2.4.1");
        // Twenty deploy tools (or retries) at once, well within the 2 s debounce window; a thread each, since the
        // common pool may have a single thread on a small machine.
        java.util.concurrent.ExecutorService senders = java.util.concurrent.Executors.newFixedThreadPool(20);
        List<java.util.concurrent.CompletableFuture<String>> answers = java.util.stream.IntStream.range(0, 20)
                .mapToObj(i -> java.util.concurrent.CompletableFuture.supplyAsync(() -> post("generic", body,
                        generic("msg_burst_" + i + "_" + UUID.randomUUID(), body)).statusCode(202)
                        .body("status", equalTo("accepted")).extract().<String>path("reason"), senders))
                .toList();
        long started = answers.stream().map(java.util.concurrent.CompletableFuture::join).filter(r -> r == null).count();
        senders.shutdown();
        assertEquals(1, started, "the first starts a verification, the others join it");
        await().atMost(Duration.ofSeconds(15)).until(() -> messagesAbout("ledger 2.4.1 is live on production").size() == 1);
        await().during(Duration.ofMillis(1500)).atMost(Duration.ofSeconds(4))
                .until(() -> messagesAbout("ledger 2.4.1 is live on production").size() == 1);
        assertEquals(1, stubs.environments().requests("/ledger/staging/actuator/info").size(), "one comparison across environments");
    }
}
