package dev.envparity.hooks;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import dev.envparity.config.CheckPlan;
import dev.envparity.config.ServiceSpec;

/**
 * Maps a deploy tool's names onto configured services and environments: a service by its name or one of its
 * {@code aliases} (repository, Argo CD application), an environment by its name or {@code parity.environment-aliases}.
 * Case does not matter. A webhook can only name what is configured: it never adds a URL to probe.
 */
@ApplicationScoped
public class ServiceDirectory {
    private final Map<String, String> services = new HashMap<>();
    private final Map<String, String> environments = new HashMap<>();

    /** The service and environment a deploy was for, in our names. */
    public record Target(String service, String environment) implements Result {
    }

    @Inject
    public ServiceDirectory(CheckPlan plan) {
        for (ServiceSpec s : plan.services()) {
            services.put(key(s.name()), s.name());
            s.aliases().forEach(a -> services.put(key(a), s.name()));
        }
        plan.environments().forEach(e -> environments.put(key(e), e));
        plan.environmentAliases().forEach((alias, env) -> environments.put(key(alias), env));
    }

    /** @return the target, or why the notice names nothing configured */
    public Result resolve(DeployNotice notice) {
        Optional<String> service = notice.names().stream().map(n -> services.get(key(n))).filter(s -> s != null).findFirst();
        if (service.isEmpty()) {
            return new Unknown("no configured service is named " + String.join(" or ", notice.names())
                    + "; add the name to parity.services.<name>.aliases");
        }
        String env = environments.get(key(notice.environment()));
        if (env == null && notice.tier() != null) {
            env = environments.get(key(notice.tier()));
        }
        if (env == null) {
            return new Unknown("environment '" + notice.environment() + "' is not one of parity.environments; "
                    + "map it with parity.environment-aliases." + notice.environment());
        }
        return new Target(service.get(), env);
    }

    /** A deploy of a configured service to a configured environment, or one that names something unknown. */
    public sealed interface Result permits Target, Unknown {
    }

    /** The deploy names nothing configured: it is ignored, with the reason. */
    public record Unknown(String reason) implements Result {
    }

    private static String key(String name) {
        return name.trim().toLowerCase(Locale.ROOT);
    }
}
