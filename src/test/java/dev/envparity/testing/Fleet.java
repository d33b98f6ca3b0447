package dev.envparity.testing;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import dev.envparity.testing.StubServer.Reply;

/**
 * Services in several environments, each environment a real HTTP server, whose versions and health a test changes
 * between checks: Spring Boot's actuator at {@code /<service>/actuator/health} and {@code …/info}, with no build
 * time (so that a promotion's age can come only from the history).
 */
public final class Fleet implements AutoCloseable {
    private final Map<String, StubServer> servers = new ConcurrentHashMap<>();
    private final Map<String, String> versions = new ConcurrentHashMap<>();
    private final Map<String, String> health = new ConcurrentHashMap<>();

    public Fleet(List<String> environments, List<String> services) {
        for (String env : environments) {
            StubServer s = StubServer.http();
            servers.put(env, s);
            for (String service : services) {
                set(service, env, "1.0.0", "UP");
                s.on("/" + service + "/actuator/health", r -> answer(service, env, "health"));
                s.on("/" + service + "/actuator/info", r -> answer(service, env, "info"));
            }
        }
    }

    /** @param status UP, DOWN…; or UNREACHABLE: both endpoints answer 502 */
    public Fleet set(String service, String env, String version, String status) {
        versions.put(service + "/" + env, version);
        health.put(service + "/" + env, status);
        return this;
    }

    public Fleet version(String service, String env, String version) {
        versions.put(service + "/" + env, version);
        return this;
    }

    public Fleet health(String service, String env, String status) {
        health.put(service + "/" + env, status);
        return this;
    }

    /** parity.services.&lt;service&gt;.urls.&lt;env&gt; for each. */
    public Map<String, String> properties(String service) {
        Map<String, String> p = new ConcurrentHashMap<>();
        servers.forEach((env, s) -> p.put("parity.services." + service + ".urls." + env, s.url("/" + service)));
        return p;
    }

    private Reply answer(String service, String env, String endpoint) {
        String status = health.get(service + "/" + env);
        if (status.equals("UNREACHABLE")) {
            return Reply.text(502, "Bad Gateway");
        }
        return endpoint.equals("health") ? Reply.json(status.equals("UP") ? 200 : 503, "{\"status\":\"" + status + "\"}")
                : Reply.json(200, "{\"build\":{\"version\":\"" + versions.get(service + "/" + env) + "\"}}");
    }

    @Override
    public void close() {
        servers.values().forEach(StubServer::close);
    }
}
