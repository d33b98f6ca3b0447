package dev.envparity.testing;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import org.eclipse.microprofile.config.spi.ConfigSource;

import dev.envparity.config.CheckPlan;
import dev.envparity.config.ConfigGuard;
import dev.envparity.config.ParityConfig;
import dev.envparity.config.PlanResolver;
import dev.envparity.config.Plans;
import dev.envparity.config.RawSettings;
import dev.envparity.config.ServiceSpec;
import io.quarkus.runtime.configuration.DurationConverter;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;

/** Builds real {@link ParityConfig} mappings from properties, the way Quarkus does, without booting Quarkus. */
public final class TestPlans {
    private TestPlans() {
    }

    /** The configuration as the application builds it: expressions, our interceptors, the mapping. */
    public static SmallRyeConfig smallRye(Map<String, String> properties, ConfigSource... more) {
        return new SmallRyeConfigBuilder()
                .addDefaultInterceptors()
                .withInterceptors(new ConfigGuard())
                .withSources(new PropertiesConfigSource(properties, "test", 100))
                .withSources(more)
                .withConverter(Duration.class, 200, new DurationConverter())
                .withMapping(ParityConfig.class)
                .withValidateUnknown(false)
                .build();
    }

    public static ParityConfig config(Map<String, String> properties) {
        return smallRye(properties).getConfigMapping(ParityConfig.class);
    }

    /**
     * Every plan of a configuration made of {@code properties} over a minimal valid one (staging and production, one
     * service), as the application resolves it at start-up.
     */
    public static Plans plans(Map<String, String> properties) {
        Map<String, String> all = new HashMap<>(Map.of("parity.environments", "staging,production",
                "parity.services.app.urls.staging", "http://127.0.0.1:1", "parity.services.app.urls.production",
                "http://127.0.0.1:2"));
        all.putAll(properties);
        SmallRyeConfig config = smallRye(all);
        return PlanResolver.resolveAll(config.getConfigMapping(ParityConfig.class), RawSettings.of(config));
    }

    public static CheckPlan plan(Map<String, String> properties, ConfigSource... more) {
        SmallRyeConfig config = smallRye(properties, more);
        return PlanResolver.resolve(config.getConfigMapping(ParityConfig.class), RawSettings.of(config));
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
