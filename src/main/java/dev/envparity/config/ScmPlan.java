package dev.envparity.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

/**
 * The code hosts envparity asks what waits between two environments' commits, checked.
 *
 * @param timeout every call's own limit, and the limit of all a run's calls together
 */
public record ScmPlan(Host github, Host gitlab, Duration timeout) {
    static final URI GITHUB_API = URI.create("https://api.github.com");
    static final URI GITLAB_API = URI.create("https://gitlab.com/api/v4");
    private static final Duration MIN_TIMEOUT = Duration.ofMillis(100);
    private static final Duration MAX_TIMEOUT = Duration.ofMinutes(1);

    /**
     * @param apiUrl the REST API's base URL, without a trailing slash
     * @param token a read-only access token, or empty (public repositories, at the host's lower anonymous rate)
     */
    public record Host(URI apiUrl, Optional<String> token) {
        /** Never the token. */
        @Override
        public String toString() {
            return "Host[" + apiUrl + ", token=" + (token.isPresent() ? "set" : "none") + "]";
        }
    }

    public Host host(Repository.Host host) {
        return host == Repository.Host.GITHUB ? github : gitlab;
    }

    static ScmPlan resolve(ParityConfig.Scm scm, Problems problems) {
        if (scm.timeout().compareTo(MIN_TIMEOUT) < 0 || scm.timeout().compareTo(MAX_TIMEOUT) > 0) {
            problems.add("parity.scm.timeout: must be between 100ms and 60s");
        }
        return new ScmPlan(host("parity.scm.github", scm.github(), GITHUB_API, problems),
                host("parity.scm.gitlab", scm.gitlab(), GITLAB_API, problems), scm.timeout());
    }

    private static Host host(String key, ParityConfig.Scm.ScmHost host, URI defaultApi, Problems problems) {
        URI api = host.apiUrl().filter(u -> !u.isBlank()).map(u -> apiUrl(key + ".api-url", u.strip(), problems))
                .orElse(defaultApi);
        Optional<String> token = host.token();
        if (token.isPresent() && !token.get().isEmpty() && token.get().isBlank()) {
            problems.add(key + ".token: only whitespace; set the token, or leave the key out (or empty) to call without one");
        } else if (token.isPresent() && token.get().strip().chars().anyMatch(c -> c < 0x21 || c == 0x7F)) {
            problems.add(key + ".token: contains a space, a line break or a control character (the value is a secret and "
                    + "is not shown)");
        }
        return new Host(api, token.map(String::strip).filter(t -> !t.isEmpty()));
    }

    /** The token travels to this URL: https only, plain http to loopback for testing. */
    private static URI apiUrl(String key, String raw, Problems problems) {
        URI uri;
        try {
            uri = new URI(raw.endsWith("/") ? raw.substring(0, raw.length() - 1) : raw);
        } catch (URISyntaxException e) {
            problems.add(key + ": not a valid URL");
            return null;
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        String host = uri.getHost();
        boolean loopback = "localhost".equals(host) || "127.0.0.1".equals(host) || "[::1]".equals(host);
        if (host == null || !(scheme.equals("https") || scheme.equals("http") && loopback)) {
            problems.add(key + ": must be an https:// URL, e.g. https://github.example.com/api/v3");
        } else if (uri.getRawUserInfo() != null || uri.getRawQuery() != null || uri.getRawFragment() != null) {
            problems.add(key + ": must not carry credentials, a query or a fragment");
        } else {
            return uri;
        }
        return null;
    }
}
