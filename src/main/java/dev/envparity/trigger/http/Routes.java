package dev.envparity.trigger.http;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import dev.envparity.ParityService;
import dev.envparity.report.Badge;
import dev.envparity.report.DashboardView;
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
    private static final Pattern BADGE = Pattern.compile("^/badge/(.+)\\.svg$");
    private static final String HTML = "text/html; charset=utf-8";

    private final ParityService parity;
    private final ApiToken token;
    private final HookService hooks;
    private final SmallRyeHealthReporter health;
    private final Clock clock;

    @Inject
    public Routes(ParityService parity, ApiToken token, HookService hooks, SmallRyeHealthReporter health, Clock clock) {
        this.parity = parity;
        this.token = token;
        this.hooks = hooks;
        this.health = health;
        this.clock = clock;
    }

    /** GET /: the services × environments matrix of the latest report, or the sign-in form. */
    public HttpAnswer dashboard(String authorization, String cookies, String show, String sort) {
        if (!token.acceptsBrowser(authorization, cookies)) {
            return new HttpAnswer(401, Templates.login(null).render(), HTML, Map.of("Cache-Control", "no-store"));
        }
        DashboardView view = DashboardView.of(parity.latestOrRun(Trigger.API), clock.instant(), show, sort);
        return new HttpAnswer(200, Templates.dashboard(view).render(), HTML, Map.of("Cache-Control", "no-store"));
    }

    /** POST /login, form field {@code token}: sets the session cookie and goes back to the dashboard. */
    public HttpAnswer login(byte[] form, boolean https) {
        String given = formField(new String(form, StandardCharsets.UTF_8), "token");
        if (!token.required()) {
            return new HttpAnswer(303, "", HTML, Map.of("Location", "./"));
        }
        if (given == null || !token.matches(given)) {
            return new HttpAnswer(401, Templates.login("That is not the token.").render(), HTML, Map.of("Cache-Control", "no-store"));
        }
        return new HttpAnswer(303, "", HTML, Map.of("Location", "./", "Set-Cookie", token.sessionCookie(https)));
    }

    /** GET /badge/{service}.svg. */
    public HttpAnswer badge(String service, String authorization, String cookies) {
        if (!token.badgesArePublic() && !token.acceptsBrowser(authorization, cookies)) {
            return HttpAnswer.error(401, "sign in, or set parity.api.public-badges: true");
        }
        return parity.latestOrRun(Trigger.API).services().stream().filter(s -> s.name().equals(service)).findFirst()
                .map(s -> new HttpAnswer(200, Badge.svg(s.name(), s.status(), s.severity()), "image/svg+xml",
                        Map.of("Cache-Control", "max-age=60")))
                .orElseGet(() -> HttpAnswer.error(404, "no service named " + service));
    }

    private static String formField(String form, String name) {
        for (String pair : form.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0 && URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8).equals(name)) {
                return URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            }
        }
        return null;
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
        Matcher badge = BADGE.matcher(p);
        if (badge.matches()) {
            return method.equals("GET") ? badge(URLDecoder.decode(badge.group(1), StandardCharsets.UTF_8),
                    headers.get("authorization"), headers.get("cookie")) : notAllowed("GET");
        }
        switch (p) {
            case "/":
                return method.equals("GET") ? dashboard(headers.get("authorization"), headers.get("cookie"), query.get("show"),
                        query.get("sort")) : notAllowed("GET");
            case "/login":
                return method.equals("POST") ? login(body, true) : notAllowed("POST");
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
