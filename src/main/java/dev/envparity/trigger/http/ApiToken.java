package dev.envparity.trigger.http;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import dev.envparity.config.ParityConfig;
import dev.envparity.crypto.Crypto;

/**
 * The optional {@code parity.api.token}: a bearer token for API clients, and for browsers a sign-in form that
 * sets an HttpOnly, SameSite=Strict cookie. The cookie holds an HMAC of the token, not the token, so a leaked
 * cookie does not reveal it; changing the token signs everyone out. All comparisons are constant-time.
 */
@ApplicationScoped
public class ApiToken {
    static final String COOKIE = "envparity_session";
    private static final int SESSION_SECONDS = 12 * 3600;

    private final Optional<byte[]> expected;
    private final Optional<String> session;
    private final boolean publicBadges;

    @Inject
    public ApiToken(ParityConfig config) {
        Optional<String> token = config.api().token().filter(t -> !t.isBlank());
        this.expected = token.map(t -> t.getBytes(StandardCharsets.UTF_8));
        this.session = token.map(ApiToken::sessionValue);
        this.publicBadges = config.api().publicBadges();
    }

    public boolean required() {
        return expected.isPresent();
    }

    /** @param authorization the Authorization header, may be null */
    public boolean accepts(String authorization) {
        if (expected.isEmpty()) {
            return true;
        }
        if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return false;
        }
        return matches(authorization.substring(7).trim());
    }

    /** The sign-in form's token. */
    public boolean matches(String token) {
        return expected.isPresent() && MessageDigest.isEqual(expected.get(), token.getBytes(StandardCharsets.UTF_8));
    }

    /** A browser: the bearer header, or the session cookie among the Cookie header's cookies. */
    public boolean acceptsBrowser(String authorization, String cookies) {
        if (expected.isEmpty() || accepts(authorization)) {
            return true;
        }
        if (cookies == null) {
            return false;
        }
        for (String cookie : cookies.split(";")) {
            String c = cookie.trim();
            if (c.startsWith(COOKIE + "=")) {
                String given = c.substring(COOKIE.length() + 1);
                return MessageDigest.isEqual(session.get().getBytes(StandardCharsets.UTF_8), given.getBytes(StandardCharsets.UTF_8));
            }
        }
        return false;
    }

    public boolean badgesArePublic() {
        return expected.isEmpty() || publicBadges;
    }

    /** The Set-Cookie value after a successful sign-in. */
    public String sessionCookie(boolean https) {
        return COOKIE + "=" + session.orElseThrow() + "; Path=/; Max-Age=" + SESSION_SECONDS + "; HttpOnly; SameSite=Strict"
                + (https ? "; Secure" : "");
    }

    private static String sessionValue(String token) {
        return HexFormat.of().formatHex(Crypto.hmacSha256(token.getBytes(StandardCharsets.UTF_8),
                "envparity dashboard session".getBytes(StandardCharsets.UTF_8)));
    }
}
