package dev.envparity.trigger.http;

import java.io.IOException;
import java.io.InputStream;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import dev.envparity.trigger.hooks.HookService;

/** POST /hooks/{provider}: the raw bytes go to {@link HookService}, which verifies them before anything else. */
@Path("/hooks")
public class HookResource {

    private final Routes routes;

    @Inject
    public HookResource(Routes routes) {
        this.routes = routes;
    }

    @POST
    @Path("/{provider}")
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    public Response receive(@PathParam("provider") String provider, @Context HttpHeaders headers, InputStream body)
            throws IOException {
        if (headers.getLength() > HookService.MAX_BODY_BYTES) {
            return Responses.of(HttpAnswer.error(413, "body larger than 1 MiB"));
        }
        // One byte past the limit is enough to know it is too large, without reading the rest into memory.
        byte[] bytes = body.readNBytes(HookService.MAX_BODY_BYTES + 1);
        Map<String, String> lower = new HashMap<>();
        headers.getRequestHeaders().forEach((k, v) -> lower.put(k.toLowerCase(Locale.ROOT), String.join(",", v)));
        return Responses.of(routes.hook(provider, lower, bytes));
    }
}
