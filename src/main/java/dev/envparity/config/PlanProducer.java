package dev.envparity.config;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import org.eclipse.microprofile.config.Config;

import io.quarkus.runtime.Startup;
import io.smallrye.config.SmallRyeConfig;

/** The checked configuration, one bean per part, resolved once at start-up. */
@ApplicationScoped
public class PlanProducer {

    /** Resolved at startup so that a bad configuration stops the process before any trigger fires. */
    @Produces
    @Singleton
    @Startup
    Plans plans(ParityConfig config, Config settings) {
        return PlanResolver.resolveAll(config, RawSettings.of(settings.unwrap(SmallRyeConfig.class)));
    }

    @Produces
    @Singleton
    CheckPlan check(Plans plans) {
        return plans.check();
    }

    @Produces
    @Singleton
    HooksPlan hooks(Plans plans) {
        return plans.hooks();
    }

    @Produces
    @Singleton
    ApiPlan api(Plans plans) {
        return plans.api();
    }

    @Produces
    @Singleton
    StatePlan state(Plans plans) {
        return plans.state();
    }

    @Produces
    @Singleton
    AwsSettings aws(Plans plans) {
        return plans.aws();
    }

    @Produces
    @Singleton
    ScmPlan scm(Plans plans) {
        return plans.scm();
    }

    @Produces
    @Singleton
    HistoryPlan history(Plans plans) {
        return plans.history();
    }

    @Produces
    @Singleton
    HeartbeatPlan heartbeat(Plans plans) {
        return plans.heartbeat();
    }

    @Produces
    @Singleton
    SchedulePlan schedule(Plans plans) {
        return plans.schedule();
    }
}
