package dev.envparity.trigger.http;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;

import dev.envparity.web.Route;
import io.vertx.ext.web.RoutingContext;

/** Status badges for READMEs; the service is read from the path by {@link dev.envparity.web.Routes}. */
@Path("/badge")
public class BadgeResource {
    @Inject
    ServerExchange exchange;

    @GET
    @Path("{service: .+}.svg")
    public Response badge(RoutingContext ctx) {
        return exchange.serve(Route.BADGE, ctx);
    }
}
