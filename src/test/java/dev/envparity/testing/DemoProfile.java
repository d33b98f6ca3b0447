package dev.envparity.testing;

import java.util.List;
import java.util.Map;

import io.quarkus.test.junit.QuarkusTestProfile;

/** The demo profile on top of the test profile (ephemeral ports), with the demo environments running. */
public class DemoProfile implements QuarkusTestProfile {

    @Override
    public String getConfigProfile() {
        return "test,demo";
    }

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(DemoEnvironmentsResource.class));
    }

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("parity.schedule.cron", "off");
    }

    /** The demo with an API token, to test the protected routes. */
    public static class WithToken extends DemoProfile {
        public static final String TOKEN = "test-api-token-7f3a";

        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("parity.schedule.cron", "off", "parity.api.token", TOKEN);
        }
    }

    /** The demo with a Slack target on a local stub (see {@link ChatStubResource}). */
    public static class WithChat extends DemoProfile {
        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(DemoEnvironmentsResource.class), new TestResourceEntry(ChatStubResource.class));
        }
    }

    /** Not the demo: four services, every webhook provider, a chat stub (see {@link DeployScenarioResource}). */
    public static class Deploys implements io.quarkus.test.junit.QuarkusTestProfile {
        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(DeployScenarioResource.class));
        }
    }

    /** The demo with a schedule every second, an all-clear every minute, and lead times on Mondays. */
    public static class EverySecond extends DemoProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("parity.schedule.cron", "* * * * * ?", "parity.notify.all-clear", "0 * * * * ?",
                    "parity.notify.lead-times", "0 0 9 ? * MON");
        }
    }
}
