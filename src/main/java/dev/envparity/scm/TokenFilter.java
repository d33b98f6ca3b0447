package dev.envparity.scm;

import jakarta.ws.rs.client.ClientRequestContext;
import jakarta.ws.rs.client.ClientRequestFilter;
import jakarta.ws.rs.core.HttpHeaders;

/**
 * Adds a code host's access token to every request as {@code Authorization: Bearer …}, which GitHub
 * (https://docs.github.com/en/rest/authentication/authenticating-to-the-rest-api) and GitLab
 * (https://docs.gitlab.com/api/rest/authentication/#personalprojectgroup-access-tokens) both accept. It logs
 * nothing, and nothing prints the token: not its {@code toString}, not an error (those name the host and the status).
 */
final class TokenFilter implements ClientRequestFilter {
    private final String token;

    TokenFilter(String token) {
        this.token = token;
    }

    @Override
    public void filter(ClientRequestContext request) {
        request.getHeaders().putSingle(HttpHeaders.AUTHORIZATION, "Bearer " + token);
    }

    @Override
    public String toString() {
        return "TokenFilter[token hidden]";
    }
}
