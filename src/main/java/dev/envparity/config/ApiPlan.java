package dev.envparity.config;

import java.util.Optional;

/**
 * Access to the HTTP routes.
 *
 * @param token the bearer token every route but {@code /q/health} and {@code /login} needs; empty when none is set
 * @param publicBadges with a token set, badges still need no sign-in (README images cannot send credentials)
 */
public record ApiPlan(Optional<String> token, boolean publicBadges) {

    /**
     * Unset — or empty, as {@code ${PARITY_API_TOKEN:}} is when the variable is not set — means no token. A value of
     * only whitespace is a mistake (a quoted blank, a secret that lost its content), never a way to open everything.
     * Whitespace around a token (a secret file's trailing newline) is not part of it.
     */
    static ApiPlan resolve(ParityConfig.Api api, Problems problems) {
        Optional<String> token = api.token();
        if (token.isPresent() && !token.get().isEmpty() && token.get().isBlank()) {
            problems.add("parity.api.token: only whitespace; set the token, or leave the key out (or empty) to run without one");
        }
        return new ApiPlan(token.map(String::strip).filter(t -> !t.isEmpty()), api.publicBadges());
    }

    /** Never the token. */
    @Override
    public String toString() {
        return "ApiPlan[token=" + (token.isPresent() ? "set" : "none") + ", publicBadges=" + publicBadges + "]";
    }
}
