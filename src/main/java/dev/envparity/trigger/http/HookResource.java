package dev.envparity.trigger.http;

import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;

import dev.envparity.web.Route;
import io.vertx.ext.web.RoutingContext;

/**
 * Deploy webhooks. The signature covers the exact bytes sent, which {@link BodyFilter} received; the provider is
 * read from the path by {@link dev.envparity.web.Routes}, as for a Function URL.
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
