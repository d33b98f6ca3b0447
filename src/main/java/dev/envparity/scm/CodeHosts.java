package dev.envparity.scm;

import java.time.Clock;
import java.util.EnumMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.resteasy.reactive.client.api.LoggingScope;

import dev.envparity.config.Repository;
import dev.envparity.config.ScmPlan;
import io.quarkus.rest.client.reactive.QuarkusRestClientBuilder;

/**
 * The code hosts' typed REST clients, built from {@code parity.scm}: the base URL, the timeout of every call, the token
 * filter. Built at first use and kept, with each host's {@link RateLimit}, for the life of the process. The clients
 * never log (whatever {@code quarkus.rest-client.logging} says) and follow no redirect, so the token goes to the
 * configured host only.
 */
@ApplicationScoped
public class CodeHosts {
    private static final String USER_AGENT = "envparity";

    private final ScmPlan plan;
    private final Clock clock;
    private final Map<Repository.Host, CodeHost> hosts = new EnumMap<>(Repository.Host.class);

    @Inject
    public CodeHosts(ScmPlan plan, Clock clock) {
        this.plan = plan;
        this.clock = clock;
    }

    synchronized CodeHost host(Repository.Host host) {
        return hosts.computeIfAbsent(host, h -> {
            HostCalls calls = new HostCalls(h, new RateLimit(h.label, clock), plan.timeout());
            return switch (h) {
                case GITHUB -> new GitHubHost(client(plan.github(), GitHubApi.class), calls);
                case GITLAB -> new GitLabHost(client(plan.gitlab(), GitLabApi.class), calls);
            };
        });
    }

    ScmPlan plan() {
        return plan;
    }

    private <T> T client(ScmPlan.Host host, Class<T> api) {
        QuarkusRestClientBuilder builder = QuarkusRestClientBuilder.newBuilder()
                .baseUri(host.apiUrl())
                .connectTimeout(plan.timeout().toMillis(), TimeUnit.MILLISECONDS)
                .readTimeout(plan.timeout().toMillis(), TimeUnit.MILLISECONDS)
                .followRedirects(false)
                .userAgent(USER_AGENT)
                .loggingScope(LoggingScope.NONE)
                .loggingMaskedHeaders(Set.of("Authorization"));
        host.token().ifPresent(token -> builder.register(new TokenFilter(token)));
        return builder.build(api);
    }
}
