package dev.envparity.trigger.lambda;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

import dev.envparity.aws.AwsClient;
import dev.envparity.aws.AwsCredentials;
import dev.envparity.aws.AwsException;
import dev.envparity.state.PendingDeploy;
import dev.envparity.testing.StubServer;
import dev.envparity.testing.StubServer.Reply;

/** The asynchronous self-invocation against a loopback stand-in for the Lambda Invoke API. */
class LambdaSelfInvokerTest {
    private static final ObjectMapper JSON = JsonMapper.builder().findAndAddModules()
            .disable(com.fasterxml.jackson.databind.SerializationFeature.WRITE_DATES_AS_TIMESTAMPS).build();
    private static final String PATH = "/2015-03-31/functions/envparity/invocations";
    private static final PendingDeploy DEPLOY = new PendingDeploy("checkout", "staging", "2.4.1", null, "github",
            Instant.parse("2026-11-26T10:00:00Z"), 1);

    private static final AwsCredentials TEMPORARY = new AwsCredentials("ASIAEXAMPLEKEYID", "example/secret/access/key",
            "example-session-token");

    private StubServer lambda;

    @BeforeEach
    void start() {
        lambda = StubServer.http();
    }

    @AfterEach
    void stop() {
        lambda.close();
    }

    private LambdaSelfInvoker invoker(Optional<AwsCredentials> credentials) {
        AwsClient aws = new AwsClient(Optional.of("eu-west-1"), Map.of("lambda", lambda.url()),
                Clock.fixed(Instant.parse("2026-11-26T10:00:00Z"), ZoneOffset.UTC), () -> credentials);
        return new LambdaSelfInvoker(aws, "envparity", JSON);
    }

    private LambdaSelfInvoker invoker() {
        return invoker(Optional.of(TEMPORARY));
    }

    @Test
    void invokesItselfAsynchronouslyWithASignedRequest() throws Exception {
        lambda.on(PATH, Reply.of(202, "application/json", ""));
        invoker().launch(DEPLOY, Duration.ofSeconds(10));

        StubServer.Request r = lambda.requests(PATH).get(0);
        assertEquals("POST", r.method());
        assertEquals("Event", r.header("X-Amz-Invocation-Type"));
        assertEquals("example-session-token", r.header("X-Amz-Security-Token"));
        assertTrue(r.header("Authorization").startsWith(
                "AWS4-HMAC-SHA256 Credential=ASIAEXAMPLEKEYID/20261126/eu-west-1/lambda/aws4_request, SignedHeaders="), r.header("Authorization"));
        JsonNode event = JSON.readTree(r.body());
        assertEquals("verify-deploy", event.get("action").asText());
        assertEquals("checkout/staging", event.get("key").asText());
        assertEquals(10_000, event.get("delayMs").asLong());
        assertEquals("2.4.1", event.at("/deploy/version").asText());
        assertEquals(DEPLOY, JSON.treeToValue(event, LambdaSelfInvoker.VerifyEvent.class).deploy(), "the handler reads back what was sent");
    }

    @Test
    void aRefusalIsAnErrorTheWebhookSeesAs503() {
        lambda.on(PATH, Reply.of(403, "application/json",
                "{\"__type\":\"AccessDeniedException\",\"Message\":\"not authorized to perform: lambda:InvokeFunction\"}"));
        AwsException e = assertThrows(AwsException.class, () -> invoker().launch(DEPLOY, Duration.ofSeconds(10)));
        assertEquals("AccessDeniedException", e.type());
        assertEquals(403, e.status());
    }

    @Test
    void noCredentialsIsAClearError() {
        AwsException e = assertThrows(AwsException.class, () -> invoker(Optional.empty()).launch(DEPLOY, Duration.ofSeconds(10)));
        assertTrue(e.getMessage().contains("no AWS credentials"), e.getMessage());
    }
}
