package dev.envparity.trigger.http;

import java.io.IOException;
import java.io.InputStream;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

/** GET / (the dashboard), POST /login, GET /badge/{service}.svg. */
@Path("/")
public class DashboardResource {
    private static final int MAX_FORM = 4096;

    private final Routes routes;

    @Inject
    public DashboardResource(Routes routes) {
        this.routes = routes;
    }

    @GET
    public Response dashboard(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            @HeaderParam(HttpHeaders.COOKIE) String cookies, @QueryParam("show") String show, @QueryParam("sort") String sort) {
        return Responses.of(routes.dashboard(authorization, cookies, show, sort));
    }

    @POST
    @Path("login")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response login(InputStream form, @Context UriInfo uri, @HeaderParam("X-Forwarded-Proto") String forwardedProto)
            throws IOException {
        boolean https = "https".equals(uri.getRequestUri().getScheme()) || "https".equalsIgnoreCase(forwardedProto);
        return Responses.of(routes.login(form.readNBytes(MAX_FORM), https));
    }

    @GET
    @Path("badge/{service}.svg")
    public Response badge(@PathParam("service") String service, @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            @HeaderParam(HttpHeaders.COOKIE) String cookies) {
        return Responses.of(routes.badge(service, authorization, cookies));
    }
}
