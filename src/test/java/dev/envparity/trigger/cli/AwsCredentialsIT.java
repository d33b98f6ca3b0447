package dev.envparity.trigger.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.envparity.testing.FakeAwsSecrets;
import dev.envparity.testing.FakeSts;
import dev.envparity.testing.StubServer;
import dev.envparity.testing.StubServer.Reply;
import dev.envparity.trigger.cli.Runner.Run;

/**
 * The packaged CLI resolving an {@code ssm:} reference with credentials from where CI systems and developers keep
 * them, the AWS SDK's default chain, configured only by the standard environment variables (endpoints included:
 * AWS_ENDPOINT_URL_STS and AWS_ENDPOINT_URL_SSM point at the stand-ins). The resolved secret is a chat webhook URL:
 * the chat stand-in receiving the digest proves it was read, and no secret shows in the output or the AWS SDK's
 * debug log.
 */
class AwsCredentialsIT {
    private static final String ROLE = "arn:aws:iam::123456789012:role/envparity-ci";
    private static final String OIDC_TOKEN = "eyJhbGciOiJSUzI1NiJ9.oidc-token-5531.c2ln";

    private StubServer chat;
    private StubServer service;
    private FakeAwsSecrets ssm;

    @BeforeEach
    void start() {
        chat = StubServer.http().on("/hooks/SsmStoredHook-7702", Reply.of(200, "text/plain", "ok"));
        service = StubServer.http().on("/actuator/health", Reply.json(200, "{\"status\":\"UP\"}"))
                .on("/actuator/info", Reply.json(200, "{\"build\":{\"version\":\"1.0.0\"}}"));
        ssm = new FakeAwsSecrets(Map.of("/envparity/chat-url", chat.url("/hooks/SsmStoredHook-7702")), Set.of());
    }

    @AfterEach
    void stop() {
        ssm.close();
        service.close();
        chat.close();
    }

    private Run check(Path dir, Map<String, String> env) throws Exception {
        Path config = Files.writeString(dir.resolve("parity.yaml"), "parity:\n  environments: [staging, production]\n"
                + "  services:\n    checkout:\n      urls:\n        staging: " + service.url() + "\n        production: "
                + service.url() + "\n  notify:\n    state:\n      store: memory\n    targets:\n      chat:\n"
                + "        type: mattermost\n        policy: always\n        url: ssm:/envparity/chat-url\n");
        Map<String, String> all = new HashMap<>(env);
        all.put("AWS_ENDPOINT_URL_SSM", ssm.url());
        return Runner.run(all, List.of("-Dquarkus.config.locations=" + config,
                "-Dquarkus.log.category.\"software.amazon.awssdk\".level=DEBUG"), "check");
    }

    private void assertResolvedWith(Run r, String accessKeyId, String... secrets) {
        assertEquals(0, r.exit(), r.all());
        assertEquals(1, chat.requests("/hooks/SsmStoredHook-7702").size(), "the digest went to the URL read from SSM");
        assertEquals(accessKeyId, FakeAwsSecrets.signedBy(ssm.server().requests().get(0)));
        assertTrue(r.err().contains("DEBUG"), "the SDK's debug log is on:\n" + r.err());
        for (String secret : secrets) {
            assertFalse(r.all().contains(secret), "never printed: " + secret + "\n" + r.all());
        }
        assertFalse(r.all().contains("SsmStoredHook-7702"), "the resolved secret never shows:\n" + r.all());
    }

    /** GitHub Actions OIDC, EKS IRSA: a token file and a role, nothing else (configure-aws-credentials sets these). */
    @Test
    void webIdentityTokenFileAndRole(@TempDir Path dir) throws Exception {
        Path token = Files.writeString(dir.resolve("oidc-token"), OIDC_TOKEN);
        try (FakeSts sts = new FakeSts(ROLE, OIDC_TOKEN, "ASIAWEBIDENTITYKEY", "web/identity/secret-3319", "web-identity-session-6604")) {
            Run r = check(dir, Map.of("AWS_WEB_IDENTITY_TOKEN_FILE", token.toString(), "AWS_ROLE_ARN", ROLE,
                    "AWS_REGION", "eu-west-1", "AWS_ENDPOINT_URL_STS", sts.url()));
            assertResolvedWith(r, "ASIAWEBIDENTITYKEY", OIDC_TOKEN, "web/identity/secret-3319", "web-identity-session-6604");
            assertEquals(1, sts.server().requests().size());
            assertTrue(sts.server().requests().get(0).body().contains("RoleArn=" + ROLE.replace(":", "%3A").replace("/", "%2F")),
                    sts.server().requests().get(0).body());
        }
    }

    /** A profile whose credentials come from a program (credential_process), as aws-vault or 1Password provide them. */
    @Test
    void profileWithCredentialProcess(@TempDir Path dir) throws Exception {
        Path program = dir.resolve("credentials.sh");
        Files.writeString(program, "#!/bin/sh\nprintf '%s' '{\"Version\": 1, \"AccessKeyId\": \"ASIAPROCESSKEY\", "
                + "\"SecretAccessKey\": \"process/secret-8876\", \"SessionToken\": \"process-session-2290\"}'\n");
        Files.setPosixFilePermissions(program, PosixFilePermissions.fromString("rwx------"));
        Path awsConfig = Files.writeString(dir.resolve("aws-config"), "[profile envparity-ci]\nregion = eu-west-1\n"
                + "credential_process = " + program + "\n");
        Run r = check(dir, Map.of("AWS_PROFILE", "envparity-ci", "AWS_CONFIG_FILE", awsConfig.toString()));
        assertResolvedWith(r, "ASIAPROCESSKEY", "process/secret-8876", "process-session-2290");
        assertEquals("process-session-2290", ssm.server().requests().get(0).header("X-Amz-Security-Token"));
    }
}
