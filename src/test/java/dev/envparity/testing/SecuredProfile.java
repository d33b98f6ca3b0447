package dev.envparity.testing;

import java.util.List;
import java.util.Map;

import io.quarkus.test.junit.QuarkusTestProfile;

/**
 * The deploy scenario ({@link DeployScenarioResource}: four services, every webhook provider, a chat stub) with
 * {@code parity.api.token} set: the server as it should be exposed to the internet.
 */
public class SecuredProfile implements QuarkusTestProfile {
    public static final String TOKEN = "secured-api-token-5b8e41";

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(DeployScenarioResource.class));
    }

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("parity.api.token", TOKEN);
    }

    /** The same, in an application of its own: nothing has run a check or signed in yet. */
    public static class Fresh extends SecuredProfile {
    }

    /** The same, in an application of its own, so that the failures it counts do not throttle other tests. */
    public static class Throttled extends SecuredProfile {
    }

    /** With {@code parity.api.public-badges: true}: badges need no sign-in, everything else still does. */
    public static class PublicBadges extends SecuredProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("parity.api.token", TOKEN, "parity.api.public-badges", "true");
        }
    }
}
