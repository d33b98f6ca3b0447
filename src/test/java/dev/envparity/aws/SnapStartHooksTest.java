package dev.envparity.aws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import dev.envparity.testing.FakeAwsSecrets;
import dev.envparity.testing.LocalAws;
import dev.envparity.testing.SystemProperties;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;

/** What Lambda SnapStart calls around a snapshot, called here as its runtime would. */
class SnapStartHooksTest {

    /** The SDK's canned-response clients: nothing is sent anywhere, no credentials or region are looked up. */
    @Test
    void beforeTheSnapshotEveryClientIsPrimedWithoutACall() {
        assertEquals(4, SnapStartHooks.prime(), "DynamoDB, SSM, Secrets Manager and Lambda");
        new SnapStartHooks().beforeCheckpoint(null);
    }

    @Test
    void afterARestoreEverySecretIsReadAgain() {
        Map<String, String> values = new HashMap<>(Map.of("/envparity/token", "before-the-snapshot-1101"));
        try (FakeAwsSecrets ssm = new FakeAwsSecrets(values, Set.of());
                SystemProperties credentials = SystemProperties.set(Map.of("aws.accessKeyId", LocalAws.ACCESS_KEY_ID,
                        "aws.secretAccessKey", LocalAws.SECRET_ACCESS_KEY))) {
            SecretReferences.forget();
            Map<String, String> properties = Map.of("parity.api.token", "ssm:/envparity/token", "parity.aws.region", "eu-west-1",
                    "parity.aws.endpoints.ssm", ssm.url());
            assertEquals("before-the-snapshot-1101", config(properties).getRawValue("parity.api.token"));
            values.put("/envparity/token", "rotated-2202");

            new SnapStartHooks().afterRestore(null);

            assertEquals("rotated-2202", config(properties).getRawValue("parity.api.token"));
            assertTrue(ssm.server().requests().size() == 2);
        } finally {
            SecretReferences.forget();
        }
    }

    private static SmallRyeConfig config(Map<String, String> properties) {
        return new SmallRyeConfigBuilder().withSources(new PropertiesConfigSource(properties, "test", 100))
                .withInterceptors(new SecretReferences()).build();
    }
}
