package dev.envparity.trigger.http;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

@Path("/api")
@Produces(MediaType.APPLICATION_JSON)
public class ReportResource {

    private final Routes routes;

    @Inject
    public ReportResource(Routes routes) {
        this.routes = routes;
    }

    @GET
    @Path("/report")
    public Response report() {
        return Responses.of(routes.report());
    }

    @POST
    @Path("/check")
    public Response check(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        return Responses.of(routes.check(authorization));
    }
}
