package dev.envparity.trigger.http;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import dev.envparity.ParityService;
import dev.envparity.report.Badge;
import dev.envparity.report.DashboardView;
import dev.envparity.report.Trigger;
import dev.envparity.trigger.http.Guard.Access;
import dev.envparity.trigger.hooks.HookService;
import io.smallrye.health.SmallRyeHealth;
import io.smallrye.health.SmallRyeHealthReporter;

/**
 * Every HTTP route, once, for both transports: the server hands each request here (see
 * {@code trigger.http.server.ServerRoutes}) and so does a Lambda Function URL, so both answer exactly the same.
 * The {@link Guard} decides access before any route runs; {@link SecurityHeaders} go on every answer.
 */
@ApplicationScoped
public class Routes {
    /** A sign-in form is a few bytes; only webhooks carry more ({@link HookService#MAX_BODY_BYTES}). */
    public static final int MAX_FORM_BYTES = 16 * 1024;
    private static final Logger LOG = Logger.getLogger(Routes.class);
    private static final Pattern HOOK = Pattern.compile("^/hooks/([a-z0-9-]+)$");

    private record Route(String method, String template, Pattern path, Access access,
            BiFunction<HttpRequest, Matcher, HttpAnswer> handler) {
    }

    private final ParityService parity;
    private final Guard guard;
    private final SmallRyeHealthReporter health;
    private final Clock clock;
    private final List<Route> table;

    @Inject
    public Routes(ParityService parity, Guard guard, HookService hooks, SmallRyeHealthReporter health, Clock clock) {
        this.parity = parity;
        this.guard = guard;
        this.health = health;
        this.clock = clock;
        this.table = List.of(
                route("GET", "/", "^/$", Access.PAGE, (r, m) -> dashboard(r)),
                route("POST", "/login", "^/login$", Access.PUBLIC, (r, m) -> guard.signIn(r)),
                route("POST", "/logout", "^/logout$", Access.PAGE, (r, m) -> guard.signOut(r)),
                route("GET", "/api/report", "^/api/report$", Access.TOKEN, (r, m) -> HttpAnswer.json(200, parity.latestOrRun(Trigger.API))),
                route("POST", "/api/check", "^/api/check$", Access.TOKEN, (r, m) -> HttpAnswer.json(200, parity.run(Trigger.API))),
                route("POST", "/hooks/{provider}", HOOK.pattern(), Access.SIGNED, (r, m) -> hooks.receive(m.group(1), r.headers(), r.body())),
                route("GET", "/badge/{service}.svg", "^/badge/(.+)\\.svg$", Access.BADGE, (r, m) -> badge(m.group(1))),
                route("GET", "/q/health", "^/q/health$", Access.PUBLIC, (r, m) -> health(health.getHealth())),
                route("GET", "/q/health/live", "^/q/health/live$", Access.PUBLIC, (r, m) -> health(health.getLiveness())),
                route("GET", "/q/health/ready", "^/q/health/ready$", Access.PUBLIC, (r, m) -> health(health.getReadiness())));
    }

    private static Route route(String method, String template, String path, Access access,
            BiFunction<HttpRequest, Matcher, HttpAnswer> handler) {
        return new Route(method, template, Pattern.compile(path), access, handler);
    }

    /** Every route as "METHOD /template", for the tests that walk them all. */
    public List<String> table() {
        return table.stream().map(r -> r.method() + " " + r.template()).toList();
    }

    /** The largest body {@code path} accepts; larger ones are answered 413 without being read. */
    public int maxBodyBytes(String path) {
        return HOOK.matcher(normalised(path)).matches() ? HookService.MAX_BODY_BYTES : MAX_FORM_BYTES;
    }

    /** "/api/report/" is "/api/report". */
    private static String normalised(String path) {
        return path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    }

    public static HttpAnswer tooLarge(int limit) {
        return HttpAnswer.error(413, "body larger than " + (limit >= 1 << 20 ? (limit >> 20) + " MiB" : (limit >> 10) + " KiB"));
    }

    /** An answer a transport decided before routing (a body too large, too slow, not base64), with the same headers. */
    public HttpAnswer refused(HttpAnswer answer) {
        return SecurityHeaders.apply(answer);
    }

    public HttpAnswer dispatch(HttpRequest request) {
        try {
            return SecurityHeaders.apply(answer(request));
        } catch (RuntimeException e) {
            LOG.errorf(e, "%s %s failed", request.method(), request.path());
            return refused(HttpAnswer.error(500, "internal error; see envparity's log"));
        }
    }

    private HttpAnswer answer(HttpRequest r) {
        String path = normalised(r.path());
        List<Route> onPath = table.stream().filter(route -> route.path().matcher(path).matches()).toList();
        if (onPath.isEmpty()) {
            return HttpAnswer.error(404, "no route " + r.method() + " " + path);
        }
        Optional<HttpAnswer> refused = guard.admit(onPath.get(0).access(), r);
        if (refused.isPresent()) {
            return refused.get();
        }
        String method = r.method().equals("HEAD") ? "GET" : r.method();
        Optional<Route> route = onPath.stream().filter(c -> c.method().equals(method)).findFirst();
        if (route.isEmpty()) {
            String allowed = onPath.get(0).method();
            return HttpAnswer.error(405, "method not allowed; use " + allowed).withHeader("Allow", allowed);
        }
        if (r.body().length > maxBodyBytes(path)) {
            return tooLarge(maxBodyBytes(path));
        }
        Matcher m = route.get().path().matcher(path);
        m.matches();
        return route.get().handler().apply(r, m);
    }

    /** GET /: the services × environments matrix of the latest report. */
    private HttpAnswer dashboard(HttpRequest r) {
        DashboardView view = DashboardView.of(parity.latestOrRun(Trigger.API), clock.instant(), r.query().get("show"),
                r.query().get("sort"));
        return new HttpAnswer(200, Templates.dashboard(view, guard.sessionsInUse()).render(), Guard.HTML, Map.of());
    }

    private HttpAnswer badge(String encoded) {
        String service;
        try {
            service = URLDecoder.decode(encoded, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException badEscape) {
            return HttpAnswer.error(404, "no service named " + encoded);
        }
        // A badge behind the token must not be kept by a shared cache.
        String cache = guard.badgesArePublic() ? "max-age=60" : "private, max-age=60";
        return parity.latestOrRun(Trigger.API).services().stream().filter(s -> s.name().equals(service)).findFirst()
                .map(s -> new HttpAnswer(200, Badge.svg(s.name(), s.status(), s.severity()), "image/svg+xml",
                        Map.of("Cache-Control", cache)))
                .orElseGet(() -> HttpAnswer.error(404, "no service named " + service));
    }

    private static HttpAnswer health(SmallRyeHealth h) {
        return new HttpAnswer(h.isDown() ? 503 : 200, h.getPayload().toString(), "application/json", Map.of());
    }
}
