package dev.envparity.trigger.http;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;

import dev.envparity.web.Route;
import io.vertx.ext.web.RoutingContext;

/** The dashboard and its sign-in and sign-out forms (form fields are read from the received body, not by JAX-RS). */
@Path("/")
public class DashboardResource {
    @Inject
    ServerExchange exchange;

    /** The services × environments matrix, or the sign-in form. */
    @GET
    public Response dashboard(RoutingContext ctx) {
        return exchange.serve(Route.DASHBOARD, ctx);
    }

    /** One service's page: its timeline, promotions and lead times. */
    @GET
    @Path("services/{service: [^/]+}")
    public Response service(RoutingContext ctx) {
        return exchange.serve(Route.SERVICE, ctx);
    }

    @POST
    @Path("login")
    public Response signIn(RoutingContext ctx) {
        return exchange.serve(Route.SIGN_IN, ctx);
    }

    @POST
    @Path("logout")
    public Response signOut(RoutingContext ctx) {
        return exchange.serve(Route.SIGN_OUT, ctx);
    }
}
