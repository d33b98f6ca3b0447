package dev.envparity.scm;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;

import org.eclipse.microprofile.rest.client.annotation.ClientHeaderParam;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;
import org.jboss.resteasy.reactive.RestResponse;

/**
 * GitHub's "Compare two commits" (https://docs.github.com/en/rest/commits/commits#compare-two-commits), also on GitHub
 * Enterprise Server under {@code https://<host>/api/v3}. The base URL comes from {@code parity.scm.github.api-url}
 * ({@link CodeHosts} builds the client); the token is added by {@link TokenFilter}.
 */
@RegisterRestClient
@Path("/repos/{owner}/{repo}/compare/{basehead}")
@ClientHeaderParam(name = "Accept", value = "application/vnd.github+json")
@ClientHeaderParam(name = "X-GitHub-Api-Version", value = "2022-11-28")
public interface GitHubApi {

    /**
     * @param basehead "{base}...{head}": the commits reachable from head but not from base, oldest first
     * @param perPage at most 100 commits per page; with it, the answer is paginated past GitHub's 250-commit limit
     * @param page 1 for the first page, which alone carries the status and the counts that matter here
     */
    @GET
    RestResponse<GitHubComparison> compare(@PathParam("owner") String owner, @PathParam("repo") String repo,
            @PathParam("basehead") String basehead, @QueryParam("per_page") int perPage, @QueryParam("page") int page);
}
