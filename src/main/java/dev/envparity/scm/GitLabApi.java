package dev.envparity.scm;

import jakarta.ws.rs.Encoded;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;

import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;
import org.jboss.resteasy.reactive.RestResponse;

/**
 * GitLab's "Compare branches, tags or commits"
 * (https://docs.gitlab.com/api/repositories/#compare-branches-tags-or-commits). The base URL comes from
 * {@code parity.scm.gitlab.api-url} ({@link CodeHosts} builds the client); the token is added by {@link TokenFilter}.
 */
@RegisterRestClient
@Path("/projects/{id}/repository/compare")
public interface GitLabApi {

    /**
     * @param id the project's path, URL-encoded ("platform%2Fpayments%2Fapi"), as GitLab requires for a namespaced path
     *        (https://docs.gitlab.com/api/rest/#namespaced-paths)
     * @param straight false: from the merge base of {@code from} and {@code to} ({@code from...to}), so the commits are
     *        those {@code to} has and {@code from} lacks
     */
    @GET
    RestResponse<GitLabComparison> compare(@PathParam("id") @Encoded String id, @QueryParam("from") String from,
            @QueryParam("to") String to, @QueryParam("straight") boolean straight);
}
