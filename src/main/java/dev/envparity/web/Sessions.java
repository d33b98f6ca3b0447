package dev.envparity.web;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import dev.envparity.crypto.Crypto;
import dev.envparity.state.SessionStore;

/**
 * Dashboard sessions. Signing in issues a random id (256 bits) in an HttpOnly, SameSite=Strict cookie; the
 * session itself lives server-side ({@link SessionStore}: memory in the server, the DynamoDB table on Lambda, where
 * instances share no memory) under the SHA-256 of that id, with its expiry and the token it was opened with. So
 * signing out ends it — for every copy of the cookie, a stolen one too — and so do the expiry and a new
 * {@code parity.api.token}.
 */
@ApplicationScoped
public class Sessions {
    static final String COOKIE = "envparity_session";
    static final Duration LIFETIME = Duration.ofHours(12);
    private static final Logger LOG = Logger.getLogger(Sessions.class);
    /** base64url of 32 bytes; anything longer is not one of ours and is not looked up. */
    private static final int ID_LENGTH = 43;

    private final SessionStore store;
    private final ApiToken token;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    @Inject
    public Sessions(SessionStore store, ApiToken token, Clock clock) {
        this.store = store;
        this.token = token;
        this.clock = clock;
    }

    /** @return the new session's id, for {@link #cookie} */
    public String open() {
        byte[] id = new byte[32];
        random.nextBytes(id);
        String value = Base64.getUrlEncoder().withoutPadding().encodeToString(id);
        store.putSession(key(value), new SessionStore.Session(token.binding(), clock.instant().plus(LIFETIME)));
        return value;
    }

    /** Whether the request carries the cookie of a session that is still open. */
    public boolean valid(HttpRequest request) {
        Optional<String> id = request.cookie(COOKIE).filter(v -> v.length() == ID_LENGTH);
        if (id.isEmpty() || !token.required()) {
            return false;
        }
        try {
            return store.session(key(id.get())).filter(s -> s.expiresAt().isAfter(clock.instant()))
                    .filter(s -> MessageDigest.isEqual(bytes(s.binding()), bytes(token.binding()))).isPresent();
        } catch (RuntimeException e) {
            LOG.warnf("Cannot read dashboard sessions (%s); treating the request as signed out", e.getMessage());
            return false;
        }
    }

    /** Ends the request's session, if it has one. */
    public void end(HttpRequest request) {
        request.cookie(COOKIE).filter(v -> v.length() == ID_LENGTH).ifPresent(id -> store.removeSession(key(id)));
    }

    public static String cookie(String id, boolean https) {
        return COOKIE + "=" + id + "; Path=/; Max-Age=" + LIFETIME.toSeconds() + "; HttpOnly; SameSite=Strict" + (https ? "; Secure" : "");
    }

    /** Tells the browser to drop the cookie. */
    public static String cleared(boolean https) {
        return COOKIE + "=; Path=/; Max-Age=0; HttpOnly; SameSite=Strict" + (https ? "; Secure" : "");
    }

    private static String key(String id) {
        return HexFormat.of().formatHex(Crypto.sha256(bytes(id)));
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
