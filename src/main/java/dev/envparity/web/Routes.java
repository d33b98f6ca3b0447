package dev.envparity.web;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.regex.Matcher;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import dev.envparity.ParityService;
import dev.envparity.history.History;
import dev.envparity.history.HistoryAnswer;
import dev.envparity.history.ServicePage;
import dev.envparity.config.SchedulePlan;
import dev.envparity.report.Badge;
import dev.envparity.report.DashboardView;
import dev.envparity.report.ServiceReport;
import dev.envparity.report.Trigger;
import dev.envparity.state.ServiceHistory;
import dev.envparity.state.StateStoreException;
import io.smallrye.health.SmallRyeHealth;
import io.smallrye.health.SmallRyeHealthReporter;

/**
 * What every {@link Route} does, for both transports: the server's JAX-RS resources call {@link #serve} with their
 * route, and a Lambda Function URL request is routed here by {@link #dispatch}, so both answer exactly the same.
 * The {@link Guard} decides access before any route runs; {@link SecurityHeaders} go on every answer.
 */
@ApplicationScoped
public class Routes {
    /** A sign-in form is a few bytes; only webhooks carry more ({@link HookService#MAX_BODY_BYTES}). */
    public static final int MAX_FORM_BYTES = 16 * 1024;
    private static final Logger LOG = Logger.getLogger(Routes.class);

    private final ParityService parity;
    private final Guard guard;
    private final HookService hooks;
    private final SmallRyeHealthReporter health;
    private final Clock clock;
    private final History history;
    private final SchedulePlan schedule;

    @Inject
    public Routes(ParityService parity, Guard guard, HookService hooks, SmallRyeHealthReporter health, Clock clock,
            History history, SchedulePlan schedule) {
        this.parity = parity;
        this.history = history;
        this.guard = guard;
        this.hooks = hooks;
        this.health = health;
        this.clock = clock;
        this.schedule = schedule;
    }

    /** Every route as "METHOD /template", for the tests that walk them all. */
    public List<String> table() {
        return Arrays.stream(Route.values()).map(r -> r.method() + " " + r.template()).toList();
    }

    /** The largest body {@code path} accepts; larger ones are answered 413 without being read. */
    public int maxBodyBytes(String path) {
        return Route.HOOK.matcher(normalised(path)).matches() ? HookService.MAX_BODY_BYTES : MAX_FORM_BYTES;
    }

    /** Whether a route answers {@code method} on {@code path} (HEAD is GET without the body). */
    public boolean serves(String method, String path) {
        return route(method, normalised(path)).isPresent();
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

    /** The answer of {@code route}, which the transport has matched to this request. */
    public HttpAnswer serve(Route route, HttpRequest request) {
        return safely(request, () -> run(route, request));
    }

    /** Finds the route of a request and answers it: 404 when there is none, 405 for a method the path does not take. */
    public HttpAnswer dispatch(HttpRequest request) {
        return safely(request, () -> {
            String path = normalised(request.path());
            Optional<Route> route = route(request.method(), path);
            if (route.isPresent()) {
                return run(route.get(), request);
            }
            List<Route> onPath = Arrays.stream(Route.values()).filter(r -> r.matcher(path).matches()).toList();
            if (onPath.isEmpty()) {
                return HttpAnswer.error(404, "no route " + request.method() + " " + path);
            }
            // Who may not use the path learns nothing about it, not even its methods.
            Optional<HttpAnswer> refused = guard.admit(onPath.get(0).access(), request);
            if (refused.isPresent()) {
                return refused.get();
            }
            String allowed = onPath.get(0).method();
            return HttpAnswer.error(405, "method not allowed; use " + allowed).withHeader("Allow", allowed);
        });
    }

    private static Optional<Route> route(String method, String path) {
        String m = method.equals("HEAD") ? "GET" : method;
        return Arrays.stream(Route.values()).filter(r -> r.method().equals(m) && r.matcher(path).matches()).findFirst();
    }

    private HttpAnswer safely(HttpRequest request, Supplier<HttpAnswer> answer) {
        try {
            return SecurityHeaders.apply(answer.get());
        } catch (RuntimeException e) {
            LOG.errorf(e, "%s %s failed", request.method(), request.path());
            return refused(HttpAnswer.error(500, "internal error; see envparity's log"));
        }
    }

    private HttpAnswer run(Route route, HttpRequest r) {
        Optional<HttpAnswer> refused = guard.admit(route.access(), r);
        if (refused.isPresent()) {
            return refused.get();
        }
        String path = normalised(r.path());
        if (r.body().length > maxBodyBytes(path)) {
            return tooLarge(maxBodyBytes(path));
        }
        Matcher m = route.matcher(path);
        if (!m.matches()) {
            throw new IllegalArgumentException(r.method() + " " + path + " is not " + route);
        }
        return switch (route) {
            case DASHBOARD -> dashboard(r);
            case SERVICE -> service(decoded(m.group(1)), r);
            case HISTORY -> history(decoded(m.group(1)));
            case SIGN_IN -> guard.signIn(r);
            case SIGN_OUT -> guard.signOut(r);
            case REPORT -> HttpAnswer.json(200, parity.latestOrRun(Trigger.API));
            case CHECK -> HttpAnswer.json(200, parity.run(Trigger.API));
            case HOOK -> hooks.receive(m.group(1), r.headers(), r.body());
            case BADGE -> badge(m.group(1));
            case HEALTH -> health(health.getHealth());
            case LIVENESS -> health(health.getLiveness());
            case READINESS -> health(health.getReadiness());
        };
    }

    /** GET /: the services × environments matrix of the latest report. */
    private HttpAnswer dashboard(HttpRequest r) {
        DashboardView view = DashboardView.of(parity.latestOrRun(Trigger.API), clock.instant(), r.query().get("show"),
                r.query().get("sort"), new DashboardView.Schedule(schedule::next));
        return new HttpAnswer(200, Templates.dashboard(view, guard.sessionsInUse()).render(), Guard.HTML, Map.of());
    }

    /** GET /services/&lt;service&gt;: its timeline over {@code ?days=} (7, 30 by default, or 90; at most the retention). */
    private HttpAnswer service(String service, HttpRequest r) {
        if (service == null || parity.plan().service(service).isEmpty()) {
            return HttpAnswer.error(404, "no service named " + service);
        }
        int days = days(r.query().get("days"));
        ServiceReport current = parity.latest().flatMap(report -> report.services().stream()
                .filter(s -> s.name().equals(service)).findFirst()).orElse(null);
        ServicePage page;
        try {
            page = ServicePage.of(service, history.of(service).orElse(ServiceHistory.EMPTY), current,
                    parity.plan().environments(), clock.instant(), days, history.checks(), history.retention());
        } catch (StateStoreException e) {
            page = ServicePage.unavailable(service, current, parity.plan().environments(), days, e.getMessage());
        }
        return new HttpAnswer(200, Templates.service(page, guard.sessionsInUse()).render(), Guard.HTML, Map.of());
    }

    private int days(String asked) {
        int max = (int) Math.max(1, history.retention().toDays());
        try {
            return asked == null ? Math.min(30, max) : Math.max(1, Math.min(max, Integer.parseInt(asked.trim())));
        } catch (NumberFormatException e) {
            return Math.min(30, max);
        }
    }

    /** GET /api/history/&lt;service&gt;: what the history holds, and the lead times. */
    private HttpAnswer history(String service) {
        if (service == null || parity.plan().service(service).isEmpty()) {
            return HttpAnswer.error(404, "no service named " + service);
        }
        try {
            return HttpAnswer.json(200, HistoryAnswer.of(service, history.of(service).orElse(ServiceHistory.EMPTY),
                    parity.plan().environments(), history.checks(), history.retention()));
        } catch (StateStoreException e) {
            return HttpAnswer.error(503, "the history cannot be read: " + e.getMessage());
        }
    }

    /** A path segment as sent, decoded; null when it does not decode. */
    private static String decoded(String encoded) {
        try {
            return URLDecoder.decode(encoded, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException badEscape) {
            return null;
        }
    }

    private HttpAnswer badge(String encoded) {
        String service = decoded(encoded);
        if (service == null) {
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
