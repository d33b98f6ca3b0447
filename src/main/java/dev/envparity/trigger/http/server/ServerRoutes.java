package dev.envparity.trigger.http.server;

import java.time.Duration;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.ObjectMapper;

import dev.envparity.trigger.http.HttpAnswer;
import dev.envparity.trigger.http.HttpRequest;
import dev.envparity.trigger.http.Routes;
import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * The server's one HTTP entry point: a Vert.x Web route in front of {@link Routes}, the same routes a Lambda
 * Function URL reaches. The body is received on the event loop ({@link BodyReader}: {@value #BODY_DEADLINE_SECONDS} s
 * for the whole of it, bounded by {@link UploadGate}); only a complete request goes to a worker thread. A worker
 * that read bodies itself (as a JAX-RS method taking an InputStream does) would be held for as long as the client
 * cares to trickle, and a few hundred slow clients would use up the pool and freeze every route. Quarkus' own
 * {@code /q/*} endpoints (health) stay Quarkus'.
 */
@ApplicationScoped
public class ServerRoutes {
    static final int BODY_DEADLINE_SECONDS = 10;
    /** Bounds on bodies being received at once; past them the oldest give way (see {@link UploadGate}). */
    static final int MAX_UPLOADS = 512;
    static final long MAX_UPLOAD_BYTES = 32L << 20;
    private static final Logger LOG = Logger.getLogger(ServerRoutes.class);

    private final Routes routes;
    private final ObjectMapper json;
    private final UploadGate gate = new UploadGate(MAX_UPLOADS, MAX_UPLOAD_BYTES);

    @Inject
    public ServerRoutes(Routes routes, ObjectMapper json) {
        this.routes = routes;
        this.json = json;
    }

    void install(@Observes Router router) {
        router.routeWithRegex("^/(?!q/).*").handler(this::handle);
    }

    /** Quarkus' own answers (/q/health, its 404s) are not sniffed either; {@link Routes} sets the rest of the headers. */
    void noSniffing(@Observes Filters filters) {
        filters.register(ctx -> {
            ctx.response().putHeader("X-Content-Type-Options", "nosniff");
            ctx.next();
        }, 100);
    }

    private record Rendered(HttpAnswer answer, byte[] body) {
    }

    private void handle(RoutingContext ctx) {
        HttpServerRequest request = ctx.request();
        BodyReader.read(ctx, routes.maxBodyBytes(request.path()), Duration.ofSeconds(BODY_DEADLINE_SECONDS), gate, body -> {
            HttpRequest r = request(ctx, body);
            ctx.vertx().executeBlocking(() -> {
                HttpAnswer answer = routes.dispatch(r);
                return new Rendered(answer, answer.bytes(json));
            }, false).onComplete(done -> {
                if (done.failed()) {
                    LOG.errorf(done.cause(), "%s %s failed", r.method(), r.path());
                    write(ctx, routes.refused(HttpAnswer.error(500, "internal error; see envparity's log")), false);
                } else {
                    write(ctx, done.result(), false);
                }
            });
        }, refusal -> write(ctx, routes.refused(refusal), true));
    }

    private static HttpRequest request(RoutingContext ctx, byte[] body) {
        HttpServerRequest req = ctx.request();
        Map<String, String> headers = new HashMap<>();
        req.headers().forEach(h -> {
            String name = h.getKey().toLowerCase(Locale.ROOT);
            headers.merge(name, h.getValue(), (a, b) -> a + (name.equals("cookie") ? "; " : ",") + b);
        });
        Map<String, String> query = new HashMap<>();
        try {
            ctx.queryParams().forEach(q -> query.putIfAbsent(q.getKey(), q.getValue()));
        } catch (RuntimeException malformed) {
            query.clear(); // a query that does not decode selects nothing
        }
        // The connection's peer: Quarkus replaces it with X-Forwarded-For / Forwarded only when
        // quarkus.http.proxy.proxy-address-forwarding is configured (and the proxy is trusted).
        String client = req.remoteAddress() == null ? "unknown" : req.remoteAddress().hostAddress();
        boolean https = req.isSSL() || "https".equalsIgnoreCase(req.getHeader("X-Forwarded-Proto"));
        return new HttpRequest(req.method().name(), req.path(), headers, query, body, client, https);
    }

    private void write(RoutingContext ctx, HttpAnswer answer, boolean close) {
        write(ctx, new Rendered(answer, answer.bytes(json)), close);
    }

    private static void write(RoutingContext ctx, Rendered rendered, boolean close) {
        HttpServerResponse response = ctx.response();
        if (response.ended() || response.closed()) {
            return;
        }
        response.setStatusCode(rendered.answer().status());
        rendered.answer().headers().forEach(response::putHeader);
        response.putHeader("Content-Type", rendered.answer().contentType());
        if (close) {
            response.putHeader("Connection", "close");
        }
        boolean head = ctx.request().method() == HttpMethod.HEAD;
        response.end(head ? Buffer.buffer() : Buffer.buffer(rendered.body())).onComplete(sent -> {
            if (close) {
                ctx.request().connection().close();
            }
        });
    }
}
