package dev.envparity.aws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.envparity.testing.FakeAwsSecrets;
import dev.envparity.testing.LocalAws;
import dev.envparity.testing.SystemProperties;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;

/**
 * Secret references while a configuration loads, as SmallRye Config runs the interceptor, with the real SDK against
 * the SSM and Secrets Manager stand-in. The CLI's own tests (CliIT) cover start-up errors and credential sources.
 */
class SecretReferencesTest {
    private final Map<String, String> values = new HashMap<>();
    private FakeAwsSecrets aws;
    private SystemProperties credentials;

    @BeforeEach
    void start() {
        values.put("/envparity/slack", "https://hooks.slack.com/services/T0/B0/first-8812");
        values.put("envparity/tokens", "{\"checkout\":\"Bearer sm-token-4821\"}");
        aws = new FakeAwsSecrets(values, Set.of());
        credentials = SystemProperties.set(Map.of("aws.accessKeyId", LocalAws.ACCESS_KEY_ID,
                "aws.secretAccessKey", LocalAws.SECRET_ACCESS_KEY));
        SecretReferences.forget();
    }

    @AfterEach
    void stop() {
        credentials.close();
        aws.close();
        SecretReferences.forget();
    }

    private SmallRyeConfig config(Map<String, String> properties) {
        Map<String, String> all = new HashMap<>(properties);
        all.put("parity.aws.region", "eu-west-1");
        all.put("parity.aws.endpoints.ssm", aws.url());
        all.put("parity.aws.endpoints.secretsmanager", aws.url());
        return new SmallRyeConfigBuilder().withSources(new PropertiesConfigSource(all, "test", 100))
                .withInterceptors(new SecretReferences()).build();
    }

    @Test
    void referencesBecomeTheirValues() {
        SmallRyeConfig config = config(Map.of("parity.notify.targets.chat.url", "ssm:/envparity/slack",
                "parity.services.checkout.headers.Authorization", "secretsmanager:envparity/tokens#checkout",
                "parity.api.token", "plain-value"));
        assertEquals("https://hooks.slack.com/services/T0/B0/first-8812", config.getRawValue("parity.notify.targets.chat.url"));
        assertEquals("Bearer sm-token-4821", config.getRawValue("parity.services.checkout.headers.Authorization"));
        assertEquals("plain-value", config.getRawValue("parity.api.token"));
        assertEquals("AmazonSSM.GetParameter", aws.server().requests().get(0).header("X-Amz-Target"));
    }

    /** SnapStart: what a snapshot holds is dropped after a restore, so a rotated secret is read anew. */
    @Test
    void readOncePerProcessUntilForgotten() {
        SmallRyeConfig config = config(Map.of("parity.notify.targets.chat.url", "ssm:/envparity/slack"));
        assertTrue(config.getRawValue("parity.notify.targets.chat.url").endsWith("first-8812"));
        values.put("/envparity/slack", "https://hooks.slack.com/services/T0/B0/rotated-9923");
        assertTrue(config(Map.of("parity.notify.targets.chat.url", "ssm:/envparity/slack"))
                .getRawValue("parity.notify.targets.chat.url").endsWith("first-8812"), "one read per process");
        assertEquals(1, aws.server().requests().size());

        SecretReferences.forget();
        assertTrue(config(Map.of("parity.notify.targets.chat.url", "ssm:/envparity/slack"))
                .getRawValue("parity.notify.targets.chat.url").endsWith("rotated-9923"));
    }

    @Test
    void aThrottledReadIsRetried() {
        aws.throttleNext().failNext();
        assertTrue(config(Map.of("parity.api.token", "ssm:/envparity/slack")).getRawValue("parity.api.token").endsWith("first-8812"));
        assertEquals(3, aws.server().requests().size());
    }

    @Test
    void aBadEndpointNamesTheKeyNeverTheValue() {
        Map<String, String> all = Map.of("parity.api.token", "ssm:/envparity/slack", "parity.aws.region", "eu-west-1",
                "parity.aws.endpoints.ssm", "ftp://user:hunter2-secret@example.com");
        SmallRyeConfig config = new SmallRyeConfigBuilder().withSources(new PropertiesConfigSource(all, "test", 100))
                .withInterceptors(new SecretReferences()).build();
        RuntimeException e = assertThrows(RuntimeException.class, () -> config.getRawValue("parity.api.token"));
        assertEquals("parity.aws.endpoints.ssm: must be an http:// or https:// URL", e.getMessage());
        assertFalse(e.getMessage().contains("hunter2"));
    }
}
