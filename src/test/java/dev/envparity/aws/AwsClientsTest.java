package dev.envparity.aws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.envparity.config.AwsSettings;
import dev.envparity.testing.FakeAwsSecrets;
import dev.envparity.testing.FakeSts;
import dev.envparity.testing.LocalAws;
import dev.envparity.testing.SystemProperties;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.ssm.model.ParameterNotFoundException;

/** The SDK clients as {@link AwsClients} configures them, against loopback stand-ins of SSM and STS. */
class AwsClientsTest {
    private FakeAwsSecrets ssm;

    @BeforeEach
    void start() {
        ssm = new FakeAwsSecrets(Map.of("/envparity/chat", "https://chat.example/hook-4711"), Set.of());
    }

    @AfterEach
    void stop() {
        ssm.close();
    }

    private static String read(AwsClients aws) {
        return aws.ssm().getParameter(r -> r.name("/envparity/chat").withDecryption(true)).parameter().value();
    }

    @Test
    void throttlingIsRetried() {
        ssm.throttleNext();
        try (AwsClients aws = LocalAws.clients(Map.of("ssm", ssm.url()))) {
            assertEquals("https://chat.example/hook-4711", read(aws));
        }
        assertEquals(2, ssm.server().requests().size(), "400 ThrottlingException, then the answer");
    }

    @Test
    void aServerErrorIsRetried() {
        ssm.failNext().failNext();
        try (AwsClients aws = LocalAws.clients(Map.of("ssm", ssm.url()))) {
            assertEquals("https://chat.example/hook-4711", read(aws));
        }
        assertEquals(3, ssm.server().requests().size(), "two 500s, then the answer");
    }

    @Test
    void aClientErrorIsNotRetriedAndNamesTheCallNeverTheCredentials() {
        try (AwsClients aws = LocalAws.clients(Map.of("ssm", ssm.url()))) {
            ParameterNotFoundException e = assertThrows(ParameterNotFoundException.class,
                    () -> aws.ssm().getParameter(r -> r.name("/envparity/missing")));
            assertTrue(e.getMessage().startsWith("Ssm GetParameter: ParameterNotFound"), e.getMessage());
            assertFalse(e.getMessage().contains(LocalAws.SECRET_ACCESS_KEY) || e.getMessage().contains(LocalAws.SESSION_TOKEN));
        }
        assertEquals(1, ssm.server().requests().size());
    }

    @Test
    void theStandardEndpointVariableIsHonouredAndTheConfigurationWins() {
        try (FakeAwsSecrets other = new FakeAwsSecrets(Map.of("/envparity/chat", "from-the-variable"), Set.of());
                SystemProperties p = SystemProperties.set(Map.of("aws.endpointUrlSsm", other.url()))) {
            try (AwsClients aws = LocalAws.clients(Map.of())) {
                assertEquals("from-the-variable", read(aws), "AWS_ENDPOINT_URL_SSM (aws.endpointUrlSsm)");
            }
            try (AwsClients aws = LocalAws.clients(Map.of("ssm", ssm.url()))) {
                assertEquals("https://chat.example/hook-4711", read(aws), "parity.aws.endpoints.ssm first");
            }
        }
    }

    @Test
    void withoutARegionTheErrorSaysWhereToSetOne() {
        assumeTrue(System.getenv("AWS_REGION") == null && System.getenv("AWS_DEFAULT_REGION") == null
                && System.getProperty("aws.region") == null, "a region is set in this environment");
        try (AwsClients aws = new AwsClients(new AwsSettings(Optional.empty(), Map.of("ssm", URI.create(ssm.url()))),
                LocalAws.CREDENTIALS)) {
            SdkClientException e = assertThrows(SdkClientException.class, () -> read(aws));
            assertTrue(e.getMessage().contains("no AWS region; set AWS_REGION"), e.getMessage());
        }
        assertTrue(ssm.server().requests().isEmpty());
    }

    /** GitHub Actions OIDC and EKS IRSA: a token file and a role, exchanged at STS for temporary credentials. */
    @Test
    void webIdentityCredentialsComeFromSts(@TempDir Path dir) throws Exception {
        Path token = Files.writeString(dir.resolve("token"), "eyJ.github-oidc-token.sig");
        try (FakeSts sts = new FakeSts("arn:aws:iam::123456789012:role/envparity-ci", "eyJ.github-oidc-token.sig",
                "ASIAWEBIDENTITYKEY", "web/identity/secret", "web-identity-session");
                SystemProperties p = SystemProperties.set(Map.of("aws.webIdentityTokenFile", token.toString(),
                        "aws.roleArn", "arn:aws:iam::123456789012:role/envparity-ci", "aws.region", "eu-west-1",
                        "aws.endpointUrlSts", sts.url()));
                AwsClients aws = new AwsClients(new AwsSettings(Optional.empty(), Map.of("ssm", URI.create(ssm.url()))))) {
            assertEquals("https://chat.example/hook-4711", read(aws));
            assertEquals(1, sts.server().requests().size());
            assertEquals("ASIAWEBIDENTITYKEY", FakeAwsSecrets.signedBy(ssm.server().requests().get(0)));
            assertEquals("web-identity-session", ssm.server().requests().get(0).header("X-Amz-Security-Token"));
        }
    }
}
