package dev.envparity.config;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import io.quarkus.runtime.Startup;

@ApplicationScoped
public class PlanProducer {

    /** Resolved at startup so that a bad configuration stops the process before any trigger fires. */
    @Produces
    @Singleton
    @Startup
    CheckPlan plan(ParityConfig config) {
        return PlanResolver.resolve(config);
    }
}
