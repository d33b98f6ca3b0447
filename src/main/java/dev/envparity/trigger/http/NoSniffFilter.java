package dev.envparity.trigger.http;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.quarkus.vertx.http.runtime.filters.Filters;

/**
 * Every answer of the server is {@code nosniff}, Quarkus' own too ({@code /q/health}, its 404s, its 413 past
 * {@code quarkus.http.limits.max-body-size}); {@code Routes} sets every other header of envparity's answers. A Vert.x
 * filter runs before every route (https://quarkus.io/guides/reactive-routes#intercepting-http-requests).
 */
@ApplicationScoped
public class NoSniffFilter {
    static final String HEADER = "X-Content-Type-Options";

    void install(@Observes Filters filters) {
        filters.register(ctx -> {
            ctx.response().putHeader(HEADER, "nosniff");
            ctx.next();
        }, 100);
    }
}
