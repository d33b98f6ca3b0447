package dev.envparity.trigger.http;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;

import dev.envparity.web.Route;
import io.vertx.ext.web.RoutingContext;

/** The report API. Like every resource here, it declares no entity: {@link BodyFilter} has received the body. */
@Path("/api")
public class ReportResource {
    @Inject
    ServerExchange exchange;

    /** The latest report; runs one when there is none yet. */
    @GET
    @Path("report")
    public Response report(RoutingContext ctx) {
        return exchange.serve(Route.REPORT, ctx);
    }

    /** What the history holds of one service, and its lead times; the service is read from the path by Routes. */
    @GET
    @Path("history/{service: [^/]+}")
    public Response history(RoutingContext ctx) {
        return exchange.serve(Route.HISTORY, ctx);
    }

    /** Runs a check now and returns its report. */
    @POST
    @Path("check")
    public Response check(RoutingContext ctx) {
        return exchange.serve(Route.CHECK, ctx);
    }
}
