package dev.envparity.infra;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.github.cdklabs.cdknag.AwsSolutionsChecks;
import software.amazon.awscdk.App;
import software.amazon.awscdk.AppProps;
import software.amazon.awscdk.Aspects;
import software.amazon.awscdk.Environment;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.assertions.Annotations;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;
import software.amazon.awscdk.cxapi.SynthesisMessage;

/** The synthesised CloudFormation template, resource by resource, and cdk-nag's AWS Solutions rules. */
class EnvParityStackTest {
    @TempDir
    static Path dir;
    private static Template nativeTemplate;
    private static List<SynthesisMessage> nagErrors;
    private static List<SynthesisMessage> nagWarnings;

    static Path zip() throws IOException {
        Path zip = dir.resolve("function.zip");
        if (!Files.exists(zip)) {
            try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
                out.putNextEntry(new ZipEntry("bootstrap"));
                out.write("#!/bin/sh\n".getBytes());
                out.closeEntry();
            }
            Files.writeString(dir.resolve("parity.yaml"), "parity:\n  environments: [staging, production]\n");
        }
        return zip;
    }

    static EnvParityStack stack(Map<String, Object> context) throws IOException {
        Map<String, Object> c = new HashMap<>();
        c.put("functionZip", zip().toString());
        c.put("config", dir.resolve("parity.yaml").toString());
        c.put("secrets", "slack-webhook-url,github-webhook-secret");
        c.putAll(context);
        App app = new App(AppProps.builder().context(c).outdir(dir.resolve("cdk.out-" + c.hashCode()).toString()).build());
        Settings settings = Settings.from(app.getNode(), dir.resolve("layer-" + c.hashCode()));
        EnvParityStack stack = new EnvParityStack(app, "EnvParity", StackProps.builder()
                .env(Environment.builder().account("123456789012").region("eu-west-1").build()).build(), settings);
        Aspects.of(app).add(new AwsSolutionsChecks());
        return stack;
    }

    @BeforeAll
    static void synthesise() throws IOException {
        EnvParityStack stack = stack(Map.of("alarmEmail", "platform@example.com"));
        nativeTemplate = Template.fromStack(stack);
        nagErrors = Annotations.fromStack(stack).findError("*", Match.stringLikeRegexp("AwsSolutions-.*"));
        nagWarnings = Annotations.fromStack(stack).findWarning("*", Match.stringLikeRegexp("AwsSolutions-.*"));
    }

    @Test
    void noUnsuppressedCdkNagFindings() {
        assertEquals(List.of(), nagErrors.stream().map(m -> m.getId() + ": " + m.getEntry().getData()).toList());
        assertEquals(List.of(), nagWarnings.stream().map(m -> m.getId() + ": " + m.getEntry().getData()).toList());
    }

    @Test
    void everySuppressionSaysWhy() {
        int suppressions = 0;
        for (Object resource : nativeTemplate.toJSON().get("Resources") instanceof Map<?, ?> m ? m.values() : List.of()) {
            Object metadata = ((Map<?, ?>) resource).get("Metadata");
            if (metadata instanceof Map<?, ?> md && md.get("cdk_nag") instanceof Map<?, ?> nag) {
                for (Object rule : (List<?>) nag.get("rules_to_suppress")) {
                    String reason = String.valueOf(((Map<?, ?>) rule).get("reason"));
                    assertTrue(reason.length() > 40, "a suppression needs a real reason: " + rule);
                    suppressions++;
                }
            }
        }
        assertTrue(suppressions > 0);
    }

    @Test
    void theNativeFunction() {
        nativeTemplate.hasResourceProperties("AWS::Lambda::Function", Match.objectLike(Map.of(
                "FunctionName", "EnvParity-envparity",
                "Runtime", "provided.al2023",
                "Architectures", List.of("arm64"),
                "Handler", "bootstrap",
                "MemorySize", 512,
                "Timeout", 900,
                "ReservedConcurrentExecutions", 10,
                "Environment", Map.of("Variables", Match.objectLike(Map.of(
                        "QUARKUS_PROFILE", "lambda",
                        "QUARKUS_CONFIG_LOCATIONS", "/opt/envparity/parity.yaml",
                        "PARITY_NOTIFY_STATE_STORE", "dynamodb",
                        "DISABLE_SIGNAL_HANDLERS", "true"))),
                "DeadLetterConfig", Match.objectLike(Map.of("TargetArn", Match.anyValue())))));
        nativeTemplate.hasResourceProperties("AWS::Lambda::EventInvokeConfig", Match.objectLike(Map.of("MaximumRetryAttempts", 0)));
        nativeTemplate.hasResourceProperties("AWS::Lambda::LayerVersion", Match.objectLike(Map.of("CompatibleArchitectures", List.of("arm64"))));
    }

    @Test
    void theJvmFunction() throws IOException {
        EnvParityStack stack = stack(Map.of("native", "false"));
        Template jvm = Template.fromStack(stack);
        assertEquals(List.of(), Annotations.fromStack(stack).findError("*", Match.stringLikeRegexp("AwsSolutions-.*")).stream()
                .map(m -> m.getId() + ": " + m.getEntry().getData()).toList());
        jvm.hasResourceProperties("AWS::Lambda::Function", Match.objectLike(Map.of(
                "Runtime", "java25",
                "Handler", "io.quarkus.amazon.lambda.runtime.QuarkusStreamHandler::handleRequest",
                "MemorySize", 1024,
                "SnapStart", Map.of("ApplyOn", "PublishedVersions"),
                "Environment", Map.of("Variables", Match.objectLike(Map.of("QUARKUS_PROFILE", "lambda"))))));
        Template x86 = Template.fromStack(stack(Map.of("arch", "x86_64")));
        x86.hasResourceProperties("AWS::Lambda::Function", Match.objectLike(Map.of("Architectures", List.of("x86_64"))));
        Map<String, Map<String, Object>> functions = jvm.findResources("AWS::Lambda::Function");
        assertFalse(functions.values().iterator().next().toString().contains("DISABLE_SIGNAL_HANDLERS"));
    }

    @Test
    void snapStartOnlyWhereItApplies() throws IOException {
        assertFalse(nativeTemplate.findResources("AWS::Lambda::Function").toString().contains("SnapStart"),
                "a custom runtime (provided.al2023) has no SnapStart");
        Template off = Template.fromStack(stack(Map.of("native", "false", "snapStart", "false")));
        assertFalse(off.findResources("AWS::Lambda::Function").toString().contains("SnapStart"));
        EnvParityStack java21 = stack(Map.of("native", "false", "jvmRuntime", "java21"));
        Template.fromStack(java21).hasResourceProperties("AWS::Lambda::Function", Match.objectLike(Map.of(
                "Runtime", "java21", "SnapStart", Map.of("ApplyOn", "PublishedVersions"))));
        assertEquals(List.of(), Annotations.fromStack(java21).findError("*", Match.stringLikeRegexp("AwsSolutions-.*")).stream()
                .map(m -> m.getId() + ": " + m.getEntry().getData()).toList(), "the older runtime is a suppressed, explained finding");
    }

    /** The URL, the schedule and the self-invocation call the published version behind the alias, never $LATEST. */
    @Test
    void everyCallerInvokesTheLiveAlias() throws IOException {
        for (Template t : List.of(nativeTemplate, Template.fromStack(stack(Map.of("native", "false"))))) {
            t.resourceCountIs("AWS::Lambda::Version", 1);
            Map<String, Map<String, Object>> versions = t.findResources("AWS::Lambda::Version");
            String version = versions.keySet().iterator().next();
            t.hasResourceProperties("AWS::Lambda::Alias", Match.objectLike(Map.of("Name", "live",
                    "FunctionVersion", Map.of("Fn::GetAtt", List.of(version, "Version")))));
            String alias = t.findResources("AWS::Lambda::Alias").keySet().iterator().next();
            t.hasResourceProperties("AWS::Lambda::Url", Match.objectLike(Map.of("Qualifier", "live")));
            t.hasResourceProperties("AWS::Scheduler::Schedule", Match.objectLike(Map.of(
                    "Target", Match.objectLike(Map.of("Arn", Map.of("Ref", alias))))));
            t.hasResourceProperties("AWS::IAM::Policy", Match.objectLike(Map.of("PolicyDocument", Match.objectLike(Map.of(
                    "Statement", Match.arrayWith(List.of(Match.objectLike(Map.of("Action", "lambda:InvokeFunction",
                            "Resource", Map.of("Ref", alias))))))))));
            // No retry of a failed asynchronous invocation, on $LATEST and on the alias (its dead letters are alarmed).
            t.resourcePropertiesCountIs("AWS::Lambda::EventInvokeConfig", Match.objectLike(Map.of("MaximumRetryAttempts", 0)), 2);
            t.hasResourceProperties("AWS::Lambda::Function", Match.objectLike(Map.of("Environment", Map.of("Variables",
                    Match.objectLike(Map.of("ENVPARITY_FUNCTION_ALIAS", "live"))))));
            String self = t.findResources("AWS::IAM::Policy").values().stream().map(Object::toString)
                    .filter(p -> p.contains("logs:PutLogEvents")).findFirst().orElseThrow();
            assertTrue(self.contains(":function:EnvParity-envparity:live"), "the self-invocation may invoke the alias: " + self);
            assertFalse(self.contains(":function:EnvParity-envparity\""), "and nothing else: " + self);
        }
    }

    @Test
    void aFunctionUrlForWebhooks() {
        nativeTemplate.hasResourceProperties("AWS::Lambda::Url", Match.objectLike(Map.of("AuthType", "NONE", "InvokeMode", "BUFFERED")));
        nativeTemplate.hasResourceProperties("AWS::Lambda::Permission", Match.objectLike(Map.of(
                "Action", "lambda:InvokeFunctionUrl", "FunctionUrlAuthType", "NONE", "Principal", "*")));
    }

    @Test
    void aScheduleWithInputRetriesAndDeadLetters() {
        nativeTemplate.hasResourceProperties("AWS::Scheduler::Schedule", Match.objectLike(Map.of(
                "ScheduleExpression", "rate(15 minutes)",
                "FlexibleTimeWindow", Map.of("Mode", "OFF"),
                "Target", Match.objectLike(Map.of(
                        "Input", Match.serializedJson(Match.objectLike(Map.of("kind", "scheduled-parity-run",
                                "scheduledTime", "<aws.scheduler.scheduled-time>", "executionId", "<aws.scheduler.execution-id>"))),
                        "RetryPolicy", Map.of("MaximumRetryAttempts", 2, "MaximumEventAgeInSeconds", 3600),
                        "DeadLetterConfig", Match.objectLike(Map.of("Arn", Match.anyValue())))))));
        nativeTemplate.hasResourceProperties("AWS::SQS::Queue", Match.objectLike(Map.of("SqsManagedSseEnabled", true,
                "MessageRetentionPeriod", 1209600)));
    }

    @Test
    void aDurableStateTable() {
        nativeTemplate.hasResourceProperties("AWS::DynamoDB::Table", Match.objectLike(Map.of(
                "BillingMode", "PAY_PER_REQUEST",
                "DeletionProtectionEnabled", true,
                "PointInTimeRecoverySpecification", Map.of("PointInTimeRecoveryEnabled", true),
                "TimeToLiveSpecification", Map.of("AttributeName", "expiresAt", "Enabled", true),
                "KeySchema", List.of(Map.of("AttributeName", "pk", "KeyType", "HASH")))));
        nativeTemplate.hasResource("AWS::DynamoDB::Table", Match.objectLike(Map.of("DeletionPolicy", "Retain")));
    }

    @Test
    void secretsReadableByTheFunctionAlone() {
        nativeTemplate.resourceCountIs("AWS::SecretsManager::Secret", 2);
        nativeTemplate.hasResourceProperties("AWS::SecretsManager::Secret", Match.objectLike(Map.of("Name", "envparity/slack-webhook-url")));
        Map<String, Map<String, Object>> policies = nativeTemplate.findResources("AWS::IAM::Policy");
        long grants = policies.values().stream().filter(p -> p.toString().contains("secretsmanager:GetSecretValue")).count();
        assertEquals(1, grants, "one policy, the function role's, reads the secrets");
        nativeTemplate.resourceCountIs("AWS::SecretsManager::ResourcePolicy", 0);
    }

    @Test
    void logsAndAlarms() {
        nativeTemplate.hasResourceProperties("AWS::Logs::LogGroup", Match.objectLike(Map.of(
                "LogGroupName", "/aws/lambda/EnvParity-envparity", "RetentionInDays", 30)));
        nativeTemplate.resourceCountIs("AWS::CloudWatch::Alarm", 2);
        nativeTemplate.hasResourceProperties("AWS::CloudWatch::Alarm", Match.objectLike(Map.of("MetricName", "Errors", "Threshold", 1)));
        nativeTemplate.hasResourceProperties("AWS::CloudWatch::Alarm", Match.objectLike(Map.of(
                "MetricName", "ApproximateNumberOfMessagesVisible", "Threshold", 1)));
        nativeTemplate.hasResourceProperties("AWS::SNS::Subscription", Match.objectLike(Map.of("Protocol", "email",
                "Endpoint", "platform@example.com")));
    }

    /** No "*" action anywhere; a "*" resource only where no narrower one exists (none here). */
    @Test
    void leastPrivilege() {
        List<String> wide = new ArrayList<>();
        for (Map<String, Object> policy : nativeTemplate.findResources("AWS::IAM::Policy").values()) {
            Map<?, ?> doc = (Map<?, ?>) ((Map<?, ?>) policy.get("Properties")).get("PolicyDocument");
            for (Object s : (List<?>) doc.get("Statement")) {
                Map<?, ?> statement = (Map<?, ?>) s;
                Object actions = statement.get("Action");
                for (Object a : actions instanceof List<?> l ? l : List.of(actions)) {
                    if (String.valueOf(a).contains("*")) {
                        wide.add("action " + a);
                    }
                }
                Object resources = statement.get("Resource");
                for (Object r : resources instanceof List<?> l ? l : List.of(resources)) {
                    if ("*".equals(r)) {
                        wide.add("resource * for " + actions);
                    }
                }
            }
        }
        assertEquals(List.of(), wide);
        Map<String, Map<String, Object>> roles = nativeTemplate.findResources("AWS::IAM::Role");
        roles.values().forEach(r -> assertFalse(r.toString().contains("ManagedPolicyArns"), "no AWS managed policies: " + r));
    }

    @Test
    void aMissingBuildIsAClearError() {
        App app = new App(AppProps.builder().context(Map.of("functionZip", dir.resolve("nope.zip").toString())).build());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Settings.from(app.getNode(), dir));
        assertTrue(e.getMessage().startsWith("no function at "), e.getMessage());
    }
}
