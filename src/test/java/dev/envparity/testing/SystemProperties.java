package dev.envparity.testing;

import java.util.HashMap;
import java.util.Map;

/**
 * Sets system properties for the length of a block and restores them after. The AWS SDK reads each of its
 * environment variables from a system property first (AWS_REGION: aws.region, AWS_ENDPOINT_URL_SSM:
 * aws.endpointUrlSsm, AWS_WEB_IDENTITY_TOKEN_FILE: aws.webIdentityTokenFile…), and a test cannot set environment
 * variables in its own process. Test classes run one after another, never in parallel.
 */
public final class SystemProperties implements AutoCloseable {
    private final Map<String, String> previous = new HashMap<>();

    private SystemProperties(Map<String, String> values) {
        values.forEach((k, v) -> previous.put(k, System.setProperty(k, v)));
    }

    public static SystemProperties set(Map<String, String> values) {
        return new SystemProperties(values);
    }

    @Override
    public void close() {
        previous.forEach((k, v) -> {
            if (v == null) {
                System.clearProperty(k);
            } else {
                System.setProperty(k, v);
            }
        });
    }
}
