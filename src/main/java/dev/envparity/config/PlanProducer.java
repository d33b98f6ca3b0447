package dev.envparity.config;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import org.eclipse.microprofile.config.Config;

import io.quarkus.runtime.Startup;
import io.smallrye.config.SmallRyeConfig;

@ApplicationScoped
public class PlanProducer {

    /** Resolved at startup so that a bad configuration stops the process before any trigger fires. */
    @Produces
    @Singleton
    @Startup
    CheckPlan plan(ParityConfig config, Config settings) {
        return PlanResolver.resolve(config, RawSettings.of(settings.unwrap(SmallRyeConfig.class)));
    }
}
