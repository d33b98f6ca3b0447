package dev.envparity.trigger.http;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;

import com.fasterxml.jackson.databind.ObjectMapper;

import dev.envparity.web.HttpAnswer;
import dev.envparity.web.HttpRequest;
import dev.envparity.web.Route;
import dev.envparity.web.Routes;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;

/**
 * What every JAX-RS resource method does: turns the server's request into the {@link HttpRequest} a Function URL
 * request also becomes, has {@link Routes#serve} answer it, and sends that answer unchanged — status, headers,
 * content type and the exact bytes, JSON serialised by the same {@link ObjectMapper} as on Lambda.
 */
@ApplicationScoped
public class ServerExchange {
    /** Where {@link BodyFilter} leaves the body it received. */
    private static final String BODY = ServerExchange.class.getName() + ".body";

    private final Routes routes;
    private final ObjectMapper json;

    @Inject
    public ServerExchange(Routes routes, ObjectMapper json) {
        this.routes = routes;
        this.json = json;
    }

    Response serve(Route route, RoutingContext ctx) {
        return response(routes.serve(route, request(ctx)));
    }

    Response response(HttpAnswer answer) {
        Response.ResponseBuilder response = Response.status(answer.status()).entity(answer.bytes(json));
        answer.headers().forEach((name, value) -> {
            // NoSniffFilter has set it already, and Quarkus REST adds headers to those set: it would be sent twice.
            if (!name.equalsIgnoreCase(NoSniffFilter.HEADER)) {
                response.header(name, value);
            }
        });
        return response.header("Content-Type", answer.contentType()).build();
    }

    static void received(RoutingContext ctx, byte[] body) {
        ctx.put(BODY, body);
    }

    static HttpRequest request(RoutingContext ctx) {
        byte[] body = ctx.get(BODY);
        if (body == null) {
            // Reading it here would hold this worker thread for as long as the client likes.
            throw new IllegalStateException(ctx.request().method() + " " + ctx.normalizedPath() + " reached a resource without "
                    + "passing BodyFilter");
        }
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
        return new HttpRequest(req.method().name(), ctx.normalizedPath(), headers, query, body, client, https);
    }
}
