package dev.envparity.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;

import dev.envparity.aws.AwsClients;
import dev.envparity.deploy.DeployDispatcher;
import dev.envparity.state.DeliveryLog;
import dev.envparity.state.DeployQueue;
import dev.envparity.state.DynamoDbStateStore;
import dev.envparity.state.MemoryStateStore;
import dev.envparity.testing.Dynalite;
import dev.envparity.testing.LocalAws;
import dev.envparity.testing.Signatures;
import dev.envparity.testing.StubServer;
import dev.envparity.testing.StubServer.Reply;
import dev.envparity.testing.TestPlans;
import dev.envparity.web.HttpAnswer;
import dev.envparity.trigger.lambda.LambdaSelfInvoker;
import dev.envparity.hooks.GitHubHook;
import dev.envparity.hooks.ServiceDirectory;

/**
 * A delivery id is kept only once its verification has started. When the Lambda Invoke API throttles the
 * self-invocation, the sender gets 503 and its redelivery — GitHub keeps X-GitHub-Delivery — is accepted, not
 * refused as a replay: with the delivery log in memory and in DynamoDB (dynalite), the Invoke API on a loopback stub.
 */
class WebhookRedeliveryTest {
    private static final ObjectMapper JSON = JsonMapper.builder().findAndAddModules()
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS).build();
    private static final String SECRET = "redelivery-secret";
    private static final String INVOKE = "/2015-03-31/functions/envparity/invocations";

    private static Dynalite dynalite;
    private static StubServer lambda;
    private static final AtomicInteger throttled = new AtomicInteger();
    /** The SDK's standard retry mode makes up to 3 attempts. */
    private static final int ATTEMPTS = 3;
    private static AwsClients aws;

    @BeforeAll
    static void start() {
        dynalite = Dynalite.start();
        lambda = StubServer.http().on(INVOKE, request -> throttled.getAndDecrement() > 0
                ? Reply.of(429, "application/json", "{\"Type\":\"User\",\"message\":\"Rate Exceeded.\"}")
                        .header("x-amzn-ErrorType", "TooManyRequestsException")
                : Reply.of(202, "application/json", ""));
        aws = LocalAws.clients(Map.of("dynamodb", dynalite.url(), "lambda", lambda.url()));
    }

    @AfterAll
    static void stop() {
        aws.close();
        lambda.close();
        dynalite.close();
    }

    private static <S extends DeliveryLog & DeployQueue> HookService hooks(S store) {
        var plan = TestPlans.plan(Map.of("parity.environments", "staging,production",
                "parity.services.checkout.urls.staging", "http://127.0.0.1:9/staging",
                "parity.services.checkout.urls.production", "http://127.0.0.1:9/production",
                "parity.services.checkout.aliases", "acme/checkout"));
        DeployDispatcher dispatcher = new DeployDispatcher(store, new LambdaSelfInvoker(aws::lambda, "envparity", Optional.of("live"), JSON),
                Duration.ofSeconds(10));
        return new HookService(List.of(new GitHubHook(Optional.of(SECRET), Map.of())), store, new ServiceDirectory(plan),
                dispatcher, JSON, Clock.systemUTC());
    }

    private static HttpAnswer deliver(HookService hooks, String delivery, String environment) {
        String body = "{\"deployment_status\":{\"state\":\"success\",\"environment\":\"" + environment + "\"},"
                + "\"deployment\":{\"environment\":\"" + environment + "\",\"ref\":\"v2.4.1\"},\"repository\":{\"full_name\":\"acme/checkout\"}}";
        Map<String, String> headers = new HashMap<>();
        headers.put("x-github-event", "deployment_status");
        headers.put("x-github-delivery", delivery);
        headers.put("x-hub-signature-256", Signatures.github(SECRET, body));
        return hooks.receive("github", headers, body.getBytes(StandardCharsets.UTF_8));
    }

    private static <S extends DeliveryLog & DeployQueue> void redeliveryAfter503IsAccepted(S store) {
        HookService hooks = hooks(store);
        String delivery = UUID.randomUUID().toString();
        int before = lambda.requests(INVOKE).size();
        throttled.set(ATTEMPTS); // every attempt the SDK makes

        HttpAnswer first = deliver(hooks, delivery, "staging");
        assertEquals(503, first.status(), String.valueOf(first.body()));
        assertTrue(String.valueOf(first.body()).contains("send the webhook again"), String.valueOf(first.body()));
        assertEquals(Optional.empty(), store.take("checkout/staging"), "nothing waits: the failed launch was undone");

        HttpAnswer redelivered = deliver(hooks, delivery, "staging");
        assertEquals(202, redelivered.status(), "the redelivery is accepted, not refused as a replay: " + redelivered.body());
        assertEquals(409, deliver(hooks, delivery, "staging").status(), "once launched, the id is kept");
        assertEquals(ATTEMPTS + 1, lambda.requests(INVOKE).size() - before, "throttled self-invocations, then a successful one");
    }

    @Test
    void inMemory() {
        redeliveryAfter503IsAccepted(new MemoryStateStore());
    }

    @Test
    void inDynamoDb() {
        String table = "redelivery-" + UUID.randomUUID();
        dynalite.createTable(aws.dynamoDb(), table);
        redeliveryAfter503IsAccepted(new DynamoDbStateStore(aws::dynamoDb, table, JSON, Clock.systemUTC()));
    }
}
