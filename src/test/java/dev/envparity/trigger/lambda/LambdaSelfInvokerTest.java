package dev.envparity.trigger.lambda;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

import dev.envparity.aws.AwsClients;
import dev.envparity.config.AwsSettings;
import dev.envparity.state.PendingDeploy;
import dev.envparity.testing.LocalAws;
import dev.envparity.testing.StubServer;
import dev.envparity.testing.StubServer.Reply;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.lambda.model.LambdaException;

/** The asynchronous self-invocation through the SDK's Lambda client, against a loopback stand-in for the Invoke API. */
class LambdaSelfInvokerTest {
    private static final ObjectMapper JSON = JsonMapper.builder().findAndAddModules()
            .disable(com.fasterxml.jackson.databind.SerializationFeature.WRITE_DATES_AS_TIMESTAMPS).build();
    private static final String PATH = "/2015-03-31/functions/envparity/invocations";
    private static final PendingDeploy DEPLOY = new PendingDeploy("checkout", "staging", "2.4.1", null, "github",
            Instant.parse("2026-11-26T10:00:00Z"), 1);

    private StubServer lambda;
    private AwsClients aws;

    @BeforeEach
    void start() {
        lambda = StubServer.http();
        aws = LocalAws.clients(Map.of("lambda", lambda.url()));
    }

    @AfterEach
    void stop() {
        aws.close();
        lambda.close();
    }

    private LambdaSelfInvoker invoker() {
        return new LambdaSelfInvoker(aws::lambda, "envparity", Optional.of("live"), JSON);
    }

    @Test
    void invokesItsAliasAsynchronouslyWithASignedRequest() throws Exception {
        lambda.on(PATH, Reply.of(202, "application/json", ""));
        invoker().launch(DEPLOY, Duration.ofSeconds(10));

        StubServer.Request r = lambda.requests(PATH).get(0);
        assertEquals("POST", r.method());
        assertEquals("Qualifier=live", r.query(), "the alias, never $LATEST");
        assertEquals("Event", r.header("X-Amz-Invocation-Type"));
        assertEquals(LocalAws.SESSION_TOKEN, r.header("X-Amz-Security-Token"));
        assertTrue(r.header("Authorization").startsWith("AWS4-HMAC-SHA256 Credential=" + LocalAws.ACCESS_KEY_ID + "/"),
                r.header("Authorization"));
        assertTrue(r.header("Authorization").contains("/" + LocalAws.REGION + "/lambda/aws4_request"), r.header("Authorization"));
        JsonNode event = JSON.readTree(r.body());
        assertEquals("verify-deploy", event.get("action").asText());
        assertEquals("checkout/staging", event.get("key").asText());
        assertEquals(10_000, event.get("delayMs").asLong());
        assertEquals("2.4.1", event.at("/deploy/version").asText());
        assertEquals(DEPLOY, JSON.treeToValue(event, LambdaSelfInvoker.VerifyEvent.class).deploy(), "the handler reads back what was sent");
    }

    @Test
    void withoutAnAliasTheFunctionItself() {
        lambda.on(PATH, Reply.of(202, "application/json", ""));
        new LambdaSelfInvoker(aws::lambda, "envparity", Optional.empty(), JSON).launch(DEPLOY, Duration.ofSeconds(1));
        assertEquals(null, lambda.requests(PATH).get(0).query());
    }

    @Test
    void aRefusalIsAnErrorNamingTheCallThatTheWebhookSeesAs503() {
        lambda.on(PATH, Reply.of(403, "application/json",
                "{\"Type\":\"User\",\"Message\":\"not authorized to perform: lambda:InvokeFunction\"}")
                .header("x-amzn-ErrorType", "AccessDeniedException"));
        LambdaException e = assertThrows(LambdaException.class, () -> invoker().launch(DEPLOY, Duration.ofSeconds(10)));
        assertEquals("AccessDeniedException", e.awsErrorDetails().errorCode());
        assertEquals(403, e.statusCode());
        assertTrue(e.getMessage().startsWith("Lambda Invoke: AccessDeniedException: not authorized"), e.getMessage());
        assertFalse(e.getMessage().contains(LocalAws.SECRET_ACCESS_KEY) || e.getMessage().contains(LocalAws.SESSION_TOKEN));
        assertEquals(1, lambda.requests(PATH).size(), "a refusal is not retried");
    }

    @Test
    void noCredentialsIsAClearError() {
        try (AwsClients none = new AwsClients(new AwsSettings(Optional.of("eu-west-1"), Map.of("lambda", java.net.URI.create(lambda.url()))),
                () -> {
                    throw SdkClientException.create("Unable to load credentials from any of the providers in the chain");
                })) {
            SdkClientException e = assertThrows(SdkClientException.class,
                    () -> new LambdaSelfInvoker(none::lambda, "envparity", Optional.empty(), JSON).launch(DEPLOY, Duration.ofSeconds(1)));
            assertTrue(e.getMessage().startsWith("Lambda Invoke: Unable to load credentials"), e.getMessage());
            assertTrue(lambda.requests(PATH).isEmpty());
        }
    }
}
