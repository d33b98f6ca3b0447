package dev.envparity.trigger.http.server;

import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;

import dev.envparity.trigger.http.Route;
import io.vertx.ext.web.RoutingContext;

/**
 * Deploy webhooks. The signature covers the exact bytes sent, which {@link BodyFilter} received; the provider is
 * read from the path by {@link dev.envparity.trigger.http.Routes}, as for a Function URL.
 */
@Path("/hooks")
public class HookResource {
    @Inject
    ServerExchange exchange;

    @POST
    @Path("{provider: [a-z0-9-]+}")
    public Response receive(RoutingContext ctx) {
        return exchange.serve(Route.HOOK, ctx);
    }
}
