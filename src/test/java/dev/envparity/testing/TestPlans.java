package dev.envparity.testing;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import dev.envparity.config.CheckPlan;
import dev.envparity.config.ParityConfig;
import dev.envparity.config.PlanResolver;
import dev.envparity.config.ServiceSpec;
import io.quarkus.runtime.configuration.DurationConverter;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;

/** Builds real {@link ParityConfig} mappings from properties, the way Quarkus does, without booting Quarkus. */
public final class TestPlans {
    private TestPlans() {
    }

    public static ParityConfig config(Map<String, String> properties) {
        SmallRyeConfig config = new SmallRyeConfigBuilder()
                .withSources(new PropertiesConfigSource(properties, "test", 100))
                .withConverter(Duration.class, 200, new DurationConverter())
                .withMapping(ParityConfig.class)
                .build();
        return config.getConfigMapping(ParityConfig.class);
    }

    public static CheckPlan plan(Map<String, String> properties) {
        return PlanResolver.resolve(config(properties));
    }

    /** A two-environment plan (staging, production) with one service. */
    public static ServiceSpec service(String preset, String stagingUrl, String productionUrl, String... extra) {
        Map<String, String> p = new HashMap<>();
        p.put("parity.environments", "staging,production");
        p.put("parity.services.svc.preset", preset);
        p.put("parity.services.svc.urls.staging", stagingUrl);
        p.put("parity.services.svc.urls.production", productionUrl);
        for (int i = 0; i + 1 < extra.length; i += 2) {
            p.put("parity.services.svc." + extra[i], extra[i + 1]);
        }
        return plan(p).services().get(0);
    }
}
