package dev.envparity.trigger.lambda;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.envparity.aws.AwsClients;
import dev.envparity.testing.Dynalite;
import dev.envparity.testing.FakeAwsSecrets;
import dev.envparity.testing.LambdaEvents;
import dev.envparity.testing.LambdaRuntimeApi;
import dev.envparity.testing.Signatures;
import dev.envparity.testing.StubServer;
import dev.envparity.testing.StubServer.Reply;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The packaged function as Lambda runs it — the JVM build under AWS's runtime interface client, or the native
 * executable ({@code -Denvparity.runner=target/envparity-runner}, in the native workflow) — with a stand-in Runtime API
 * handing it a deploy webhook through its Function URL. On the way it makes each kind of AWS call against loopback
 * stand-ins, through the SDK, with credentials as SnapStart provides them (the container credentials endpoint):
 * an {@code ssm:} reference (the webhook's secret), DynamoDB (the delivery claim and the pending deploy, in dynalite)
 * and the self-invocation (Lambda Invoke on the {@code live} alias).
 */
class LambdaFunctionIT {
    private static final Path RUNNER = Path.of(System.getProperty("envparity.runner", "target/envparity-runner.jar"));
    private static final String SECRET = "github-webhook-secret-5120";
    private static final String CONTAINER_TOKEN = "container-authorization-token-8843";
    private static final String INVOKE = "/2015-03-31/functions/envparity/invocations";
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void aDeployWebhookIsClaimedQueuedAndVerifiedBySelfInvocation(@TempDir Path dir) throws Exception {
        String table = "envparity-function-it";
        try (Dynalite dynalite = Dynalite.start(); AwsClients local = dynalite.clients();
                FakeAwsSecrets ssm = new FakeAwsSecrets(Map.of("/envparity/github-secret", SECRET), Set.of());
                StubServer lambda = StubServer.http().on(INVOKE, Reply.of(202, "application/json", ""));
                StubServer credentials = StubServer.http()) {
            dynalite.createTable(local.dynamoDb(), table);
            credentials.on("/credentials", request -> CONTAINER_TOKEN.equals(request.header("Authorization"))
                    ? Reply.json(200, "{\"AccessKeyId\":\"ASIACONTAINERKEY\",\"SecretAccessKey\":\"container/secret-6671\","
                            + "\"Token\":\"container-session-3318\",\"Expiration\":\"" + Instant.now().plusSeconds(3600) + "\"}")
                    : Reply.json(401, "{\"message\":\"unauthorized\"}"));
            Path config = Files.writeString(dir.resolve("parity.yaml"), "parity:\n  environments: [staging, production]\n"
                    + "  services:\n    checkout:\n      aliases: [acme/checkout]\n      urls:\n"
                    + "        staging: http://127.0.0.1:9/staging\n        production: http://127.0.0.1:9/production\n"
                    + "  hooks:\n    github:\n      secret: ssm:/envparity/github-secret\n"
                    + "  notify:\n    state:\n      store: dynamodb\n      table: " + table + "\n");
            String body = "{\"deployment_status\":{\"state\":\"success\",\"environment\":\"staging\"},"
                    + "\"deployment\":{\"environment\":\"staging\",\"ref\":\"v2.4.1\"},\"repository\":{\"full_name\":\"acme/checkout\"}}";
            String webhook = LambdaEvents.functionUrl("POST", "/hooks/github", body, false, "192.30.252.10",
                    Map.of("x-github-event", "deployment_status", "x-github-delivery", "delivery-7781",
                            "x-hub-signature-256", Signatures.github(SECRET, body)));

            try (LambdaRuntimeApi runtime = new LambdaRuntimeApi(List.of(webhook))) {
                Map<String, String> env = Map.ofEntries(Map.entry("AWS_LAMBDA_RUNTIME_API", runtime.address()),
                        Map.entry("AWS_LAMBDA_FUNCTION_NAME", "envparity"), Map.entry("AWS_REGION", "eu-west-1"),
                        Map.entry(LambdaLaunch.ALIAS_VARIABLE, "live"), Map.entry("QUARKUS_PROFILE", "lambda"),
                        Map.entry("QUARKUS_CONFIG_LOCATIONS", config.toString()), Map.entry("DISABLE_SIGNAL_HANDLERS", "true"),
                        Map.entry("AWS_CONTAINER_CREDENTIALS_FULL_URI", credentials.url("/credentials")),
                        Map.entry("AWS_CONTAINER_AUTHORIZATION_TOKEN", CONTAINER_TOKEN),
                        Map.entry("AWS_ENDPOINT_URL_DYNAMODB", dynalite.url()), Map.entry("AWS_ENDPOINT_URL_SSM", ssm.url()),
                        Map.entry("AWS_ENDPOINT_URL_LAMBDA", lambda.url()));
                Path log = dir.resolve("function.log");
                Process function = start(env, log);
                try {
                    JsonNode answer = JSON.readTree(runtime.answer(1, () -> read(log)));
                    assertEquals(202, answer.get("statusCode").asInt(), answer.toString());
                } finally {
                    function.destroy();
                    if (!function.waitFor(10, TimeUnit.SECONDS)) {
                        function.destroyForcibly();
                    }
                }
                String output = read(log);
                for (String secret : List.of(SECRET, CONTAINER_TOKEN, "container/secret-6671", "container-session-3318")) {
                    assertFalse(output.contains(secret), "never printed: " + secret + "\n" + output);
                }
            }

            assertEquals("ASIACONTAINERKEY", FakeAwsSecrets.signedBy(ssm.server().requests().get(0)), "the ssm: reference");
            StubServer.Request invoke = lambda.requests(INVOKE).get(0);
            assertEquals("Qualifier=live", invoke.query());
            assertEquals("Event", invoke.header("X-Amz-Invocation-Type"));
            assertEquals("container-session-3318", invoke.header("X-Amz-Security-Token"));
            JsonNode event = JSON.readTree(invoke.body());
            assertEquals("verify-deploy", event.get("action").asText());
            assertEquals("v2.4.1", event.at("/deploy/version").asText());
            Map<String, AttributeValue> delivery = local.dynamoDb()
                    .getItem(r -> r.tableName(table).key(Map.of("pk", AttributeValue.fromS("delivery#github:delivery-7781")))).item();
            assertTrue(delivery.containsKey("expiresAt"), "the delivery is claimed in DynamoDB: " + delivery);
            Map<String, AttributeValue> pending = local.dynamoDb()
                    .getItem(r -> r.tableName(table).key(Map.of("pk", AttributeValue.fromS("deploy#checkout/staging")))).item();
            assertTrue(pending.get("deploy").s().contains("2.4.1"), "the deploy waits in DynamoDB: " + pending);
        }
    }

    /** The JVM build under AWS's runtime interface client (copied to target/lambda-runtime-client by the build). */
    private static Process start(Map<String, String> env, Path log) throws IOException {
        List<String> cmd = new ArrayList<>();
        if (RUNNER.toString().endsWith(".jar")) {
            Path target = RUNNER.toAbsolutePath().getParent();
            cmd.addAll(List.of(ProcessHandle.current().info().command().orElse("java"), "-XX:TieredStopAtLevel=1",
                    // The runtime client's native poller may crash once the stand-in API is gone: its report goes
                    // beside the function's log, not into the working directory.
                    "-XX:ErrorFile=" + log.toAbsolutePath().resolveSibling("hs_err_pid%p.log"), "-cp",
                    String.join(File.pathSeparator, RUNNER.toAbsolutePath().toString(), target.resolve("lib") + "/*",
                            target.resolve("lambda-runtime-client") + "/*"),
                    "com.amazonaws.services.lambda.runtime.api.client.AWSLambda", "io.quarkus.amazon.lambda.runtime.QuarkusStreamHandler::handleRequest"));
        } else {
            cmd.add(RUNNER.toAbsolutePath().toString());
        }
        ProcessBuilder builder = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().putAll(env);
        return builder.start();
    }

    private static String read(Path log) {
        try {
            return Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8) : "";
        } catch (IOException e) {
            return e.toString();
        }
    }
}
