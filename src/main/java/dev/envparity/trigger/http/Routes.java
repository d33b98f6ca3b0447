package dev.envparity.trigger.http;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import dev.envparity.ParityService;
import dev.envparity.report.Trigger;
import dev.envparity.trigger.hooks.HookService;
import io.smallrye.health.SmallRyeHealth;
import io.smallrye.health.SmallRyeHealthReporter;

/**
 * Every HTTP route, once: the server's JAX-RS resources call these methods, and a Lambda Function URL request is
 * dispatched here by {@link #dispatch}, so both answer exactly the same.
 */
@ApplicationScoped
public class Routes {
    private static final Pattern HOOK = Pattern.compile("^/hooks/([a-z0-9-]+)/?$");

    private final ParityService parity;
    private final ApiToken token;
    private final HookService hooks;
    private final SmallRyeHealthReporter health;

    @Inject
    public Routes(ParityService parity, ApiToken token, HookService hooks, SmallRyeHealthReporter health) {
        this.parity = parity;
        this.token = token;
        this.hooks = hooks;
        this.health = health;
    }

    /** GET /api/report: the latest report; runs one first when there is none yet. */
    public HttpAnswer report() {
        return HttpAnswer.json(200, parity.latestOrRun(Trigger.API));
    }

    /** POST /api/check, behind the bearer token when parity.api.token is set. */
    public HttpAnswer check(String authorization) {
        if (!token.accepts(authorization)) {
            return HttpAnswer.error(401, "a valid bearer token is required (parity.api.token)")
                    .withHeader("WWW-Authenticate", "Bearer realm=\"envparity\"");
        }
        return HttpAnswer.json(200, parity.run(Trigger.API));
    }

    /** POST /hooks/{provider}. */
    public HttpAnswer hook(String provider, Map<String, String> headers, byte[] body) {
        return hooks.receive(provider, headers, body);
    }

    /**
     * A Function URL or HTTP API request, routed like the server would.
     *
     * @param headers lower-case names, as Lambda delivers them
     */
    public HttpAnswer dispatch(String method, String path, Map<String, String> headers, Map<String, String> query, byte[] body) {
        String p = path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
        Matcher hook = HOOK.matcher(p);
        if (hook.matches()) {
            return method.equals("POST") ? hook(hook.group(1), headers, body) : notAllowed("POST");
        }
        switch (p) {
            case "/api/report":
                return method.equals("GET") ? report() : notAllowed("GET");
            case "/api/check":
                return method.equals("POST") ? check(headers.get("authorization")) : notAllowed("POST");
            case "/q/health":
            case "/q/health/live":
            case "/q/health/ready":
                SmallRyeHealth h = health.getHealth();
                return new HttpAnswer(h.isDown() ? 503 : 200, h.getPayload().toString(), "application/json", Map.of());
            default:
                return HttpAnswer.error(404, "no route " + method + " " + path);
        }
    }

    private static HttpAnswer notAllowed(String allowed) {
        return HttpAnswer.error(405, "method not allowed; use " + allowed).withHeader("Allow", allowed);
    }
}
