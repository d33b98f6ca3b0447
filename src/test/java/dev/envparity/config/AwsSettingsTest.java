package dev.envparity.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import dev.envparity.testing.TestPlans;

/** parity.aws.*, checked once for the whole application (the secret references check the same way, AwsSettings.of). */
class AwsSettingsTest {

    @Test
    void regionAndEndpoints() {
        AwsSettings aws = TestPlans.plans(Map.of("parity.aws.region", "cn-north-1",
                "parity.aws.endpoints.dynamodb", "https://vpce-0a1b.dynamodb.eu-west-1.vpce.amazonaws.com",
                "parity.aws.endpoints.secretsmanager", "http://127.0.0.1:4566")).aws();
        assertEquals(Optional.of("cn-north-1"), aws.region());
        assertEquals(Map.of("dynamodb", URI.create("https://vpce-0a1b.dynamodb.eu-west-1.vpce.amazonaws.com"),
                "secretsmanager", URI.create("http://127.0.0.1:4566")), aws.endpoints());
    }

    @Test
    void unsetMeansTheSdkDecides() {
        AwsSettings aws = TestPlans.plans(Map.of()).aws();
        assertEquals(Optional.empty(), aws.region());
        assertEquals(Map.of(), aws.endpoints());
    }

    @Test
    void everyProblemNamesTheKeyNeverTheValue() {
        List<String> problems = assertThrows(InvalidConfigException.class, () -> TestPlans.plans(Map.of(
                "parity.aws.region", "Ireland-secret-771",
                "parity.aws.endpoints.s3", "https://s3.example.com",
                "parity.aws.endpoints.ssm", "ftp://user:pw-secret-772@example.com",
                "parity.aws.endpoints.lambda", "not a url secret-773"))).problems();
        assertEquals(List.of("parity.aws.endpoints.lambda: not a valid URL",
                "parity.aws.endpoints.s3: unknown service; use one of [dynamodb, lambda, secretsmanager, ssm] "
                        + "(AWS_ENDPOINT_URL_STS sets STS's)",
                "parity.aws.endpoints.ssm: must be an http:// or https:// URL",
                "parity.aws.region: not an AWS region name (like eu-west-1)"), problems.stream().sorted().toList());
        assertFalse(String.join("\n", problems).contains("secret-77"));
    }
}
