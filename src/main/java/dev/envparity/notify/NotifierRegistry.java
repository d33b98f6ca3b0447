package dev.envparity.notify;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import dev.envparity.config.CheckPlan;
import dev.envparity.config.ParityConfig;
import io.quarkus.arc.All;
import io.quarkus.runtime.Startup;

/** Every {@link Notifier} bean, by type; and the checked notification settings, resolved at start-up. */
@ApplicationScoped
public class NotifierRegistry {
    private final Map<String, Notifier<?>> byType = new TreeMap<>();

    @Inject
    public NotifierRegistry(@All List<Notifier<?>> notifiers) {
        for (Notifier<?> n : notifiers) {
            Notifier<?> previous = byType.put(n.type(), n);
            if (previous != null) {
                throw new IllegalStateException("two notifiers claim type " + n.type() + ": " + previous.getClass()
                        + " and " + n.getClass());
            }
        }
    }

    public Map<String, Notifier<?>> byType() {
        return byType;
    }

    @Produces
    @Singleton
    @Startup
    NotifyPlan notifyPlan(ParityConfig config, CheckPlan plan) {
        return NotifyPlanResolver.resolve(config.notifications(), plan, byType);
    }
}
