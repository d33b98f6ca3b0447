package dev.envparity.trigger.http;

import java.time.Duration;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import dev.envparity.web.HttpAnswer;
import dev.envparity.web.HttpRequest;
import dev.envparity.web.Routes;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.subscription.UniEmitter;
import io.vertx.core.http.HttpVersion;
import io.vertx.ext.web.RoutingContext;

/**
 * Receives every request body before a resource method runs, holding no thread: a pre-matching Quarkus REST filter
 * runs on the event loop and suspends the request until the {@code Uni} it returns completes
 * (https://quarkus.io/guides/rest#request-or-response-filters). {@link BodyReader} gives the whole body
 * {@value #BODY_DEADLINE_SECONDS} s, at most {@link Routes#maxBodyBytes} (413 from Content-Length, unread), and
 * counts it against {@link UploadGate}. A complete request then goes on to the JAX-RS resource of its route, on a
 * worker thread; a request no route serves is answered as the Function URL answers it ({@link Routes#dispatch}: 404,
 * or 401 before 405), so Quarkus REST's own 404, 405 and OPTIONS answers never differ from Lambda's.
 * <p>
 * Why Quarkus REST does not read bodies itself: a blocking resource method's entity ({@code InputStream},
 * {@code byte[]}, {@code String}, a form) is read on the worker thread that runs it, and a non-blocking one's only up
 * to {@code quarkus.rest.input-buffer-size} before the rest is read on a worker too; neither has a deadline for the
 * whole body. A few hundred clients trickling a byte every few seconds would hold every worker and freeze every
 * route. So the resources declare no entity (then Quarkus REST never touches the request stream) and take the bytes
 * from {@link ServerExchange}. Reading in a Vert.x filter before Quarkus REST's route would not do either: Quarkus
 * REST pauses the request when it takes it over, which Vert.x refuses for an HTTP/2 request already read
 * (https://github.com/quarkusio/quarkus/issues/34393). Here the request is still unread when Quarkus REST takes it.
 */
@Singleton
public class BodyFilter {
    static final int BODY_DEADLINE_SECONDS = 10;
    /** Bounds on bodies being received at once; past them the oldest give way (see {@link UploadGate}). */
    static final int MAX_UPLOADS = 512;
    static final long MAX_UPLOAD_BYTES = 32L << 20;

    private final Routes routes;
    private final ServerExchange exchange;
    private final UploadGate gate = new UploadGate(MAX_UPLOADS, MAX_UPLOAD_BYTES);

    @Inject
    public BodyFilter(Routes routes, ServerExchange exchange) {
        this.routes = routes;
        this.exchange = exchange;
    }

    /** @return nothing to go on to the resource, or the answer that ends the request here */
    @ServerRequestFilter(preMatching = true)
    Uni<Response> receive(RoutingContext ctx) {
        String path = ctx.normalizedPath();
        if (path.startsWith("/q/")) {
            return null; // Quarkus' own endpoints, whichever it leaves to Quarkus REST's 404
        }
        return Uni.createFrom().emitter(done -> BodyReader.read(ctx, routes.maxBodyBytes(path),
                Duration.ofSeconds(BODY_DEADLINE_SECONDS), gate, body -> {
                    ServerExchange.received(ctx, body);
                    if (routes.serves(ctx.request().method().name(), path)) {
                        done.complete(null);
                    } else {
                        unrouted(ctx, done);
                    }
                }, refusal -> done.complete(refused(ctx, refusal))));
    }

    /** What no resource serves; the Guard may read sessions, so on a worker thread. */
    private void unrouted(RoutingContext ctx, UniEmitter<? super Response> done) {
        HttpRequest r = ServerExchange.request(ctx);
        ctx.vertx().executeBlocking(() -> exchange.response(routes.dispatch(r)), false)
                .onComplete(answer -> done.complete(answer.succeeded() ? answer.result()
                        : exchange.response(routes.refused(HttpAnswer.error(500, "internal error; see envparity's log")))));
    }

    /**
     * A body too large or too slow: the rest of it is never read, so an HTTP/1 connection cannot carry another
     * request and is closed after the answer (RFC 9110 §15.5.14, §15.5.9). An HTTP/2 stream just ends.
     */
    private Response refused(RoutingContext ctx, HttpAnswer refusal) {
        HttpAnswer answer = routes.refused(refusal);
        if (ctx.request().version() == HttpVersion.HTTP_2) {
            return exchange.response(answer);
        }
        ctx.addEndHandler(sent -> ctx.request().connection().close());
        return exchange.response(answer.withHeader("Connection", "close"));
    }
}
