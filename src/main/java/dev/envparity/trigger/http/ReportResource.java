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

import dev.envparity.ParityService;
import dev.envparity.report.ParityReport;
import dev.envparity.report.Trigger;

@Path("/api")
@Produces(MediaType.APPLICATION_JSON)
public class ReportResource {

    private final ParityService parity;
    private final ApiToken token;

    @Inject
    public ReportResource(ParityService parity, ApiToken token) {
        this.parity = parity;
        this.token = token;
    }

    /** The latest report; runs one first when there is none yet. */
    @GET
    @Path("/report")
    public ParityReport report() {
        return parity.latestOrRun(Trigger.API);
    }

    @POST
    @Path("/check")
    public Response check(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        if (!token.accepts(authorization)) {
            return Response.status(Response.Status.UNAUTHORIZED)
                    .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"envparity\"")
                    .entity(new ApiError("a valid bearer token is required (parity.api.token)")).build();
        }
        return Response.ok(parity.run(Trigger.API)).build();
    }
}
