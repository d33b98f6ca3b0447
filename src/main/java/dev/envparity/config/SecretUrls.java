package dev.envparity.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * URLs that are secrets (a chat webhook, a heartbeat ping: whoever has the URL may post): https only — plain http to
 * loopback alone, for testing — and every message about one names the key, never the value.
 */
public final class SecretUrls {
    private static final Set<String> LOOPBACK = Set.of("localhost", "127.0.0.1", "[::1]");

    private SecretUrls() {
    }

    /** @return the problem with {@code raw}, naming no part of it; empty when it is a usable secret URL */
    public static Optional<String> problem(String raw) {
        URI url;
        try {
            url = new URI(raw.trim());
        } catch (URISyntaxException e) {
            return Optional.of("not a valid URL (the value is a secret and is not shown)");
        }
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
        if (url.getHost() == null || !(scheme.equals("https") || scheme.equals("http") && LOOPBACK.contains(url.getHost()))) {
            return Optional.of("must be an https:// URL (the value is a secret and is not shown)");
        }
        return Optional.empty();
    }

    /** An optional secret URL: unset or empty ({@code ${VAR:}}) is none. */
    static Optional<URI> check(String key, Optional<String> raw, Problems problems) {
        if (raw.isEmpty() || raw.get().isBlank()) {
            return Optional.empty();
        }
        Optional<String> problem = problem(raw.get());
        problem.ifPresent(p -> problems.add(key + ": " + p));
        return problem.isPresent() ? Optional.empty() : Optional.of(URI.create(raw.get().trim()));
    }
}
