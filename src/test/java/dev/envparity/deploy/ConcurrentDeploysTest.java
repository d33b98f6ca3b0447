package dev.envparity.deploy;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.junit.jupiter.api.Test;

import dev.envparity.testing.DeployScenarioResource;
import dev.envparity.testing.DeployStubs;
import dev.envparity.testing.Signatures;
import dev.envparity.testing.StubServer.Reply;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/**
 * Ten services deploying at once are verified side by side: waiting for a rollout holds no thread, so no
 * verification waits for another to finish. Shown by order, not by time: every deployed environment is polled
 * before the first summary is posted.
 */
@QuarkusTest
@TestProfile(ConcurrentDeploysTest.FiveServices.class)
class ConcurrentDeploysTest {
    static final List<String> SERVICES = List.of("checkout", "payments", "search", "ledger", "billing");

    /** Five services in two environments: ten (service, environment) pairs. */
    public static class FiveServices implements QuarkusTestProfile {
        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(DeployScenarioResource.class, Map.of("services", String.join(",", SERVICES))));
        }
    }

    @TestHTTPResource("/")
    URL base;

    DeployStubs stubs;

    @Test
    void tenConcurrentDeploysAreAwaitedSideBySide() {
        Map<String, Long> firstPoll = new ConcurrentHashMap<>();
        List<Long> posted = new CopyOnWriteArrayList<>();
        List<String> deploys = new ArrayList<>();
        for (String service : SERVICES) {
            for (String env : List.of("staging", "production")) {
                String key = service + "/" + env;
                deploys.add(key);
                // Never rolls out: each verification waits its whole timeout (2 s), then reports "still reports".
                stubs.environments().on("/" + key + "/actuator/info", request -> {
                    firstPoll.putIfAbsent(key, System.nanoTime());
                    return Reply.json(200, "{\"build\":{\"version\":\"" + (env.equals("staging") ? "2.4.0" : "2.3.9") + "\"}}");
                });
            }
        }
        stubs.chat().on(DeployScenarioResource.CHAT_PATH, request -> {
            posted.add(System.nanoTime());
            return Reply.of(200, "text/html", "ok");
        });

        ExecutorService senders = Executors.newFixedThreadPool(deploys.size());
        List<CompletableFuture<Void>> sent = deploys.stream().map(key -> CompletableFuture.runAsync(() -> {
            String[] se = key.split("/");
            String body = "{\"service\":\"" + se[0] + "\",\"environment\":\"" + se[1] + "\",\"version\":\"9.0.0\",\"status\":\"success\"}";
            given().baseUri(base.toString()).headers(Signatures.standardWebhooks(DeployScenarioResource.GENERIC_SECRET,
                    "msg_" + UUID.randomUUID(), body)).contentType("application/json").body(body.getBytes(StandardCharsets.UTF_8))
                    .post("/hooks/generic").then().statusCode(202).body("status", equalTo("accepted")).body("reason", nullValue());
        }, senders)).toList();
        sent.forEach(CompletableFuture::join);
        senders.shutdown();

        // Every summary arrives: ten summaries claimed in one target's state at once do not drop each other.
        await().atMost(Duration.ofSeconds(60)).until(() -> firstPoll.size() == deploys.size() && posted.size() == deploys.size());
        long firstSummary = posted.stream().min(Long::compare).orElseThrow();
        firstPoll.forEach((key, at) -> assertTrue(at < firstSummary,
                key + " was first polled only after another verification had finished: it waited for a thread"));
        assertTrue(stubs.chat().requests(DeployScenarioResource.CHAT_PATH).stream()
                .allMatch(r -> r.body().contains("still reports")), "every summary says the rollout did not show");
    }
}
