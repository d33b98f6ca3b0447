package dev.envparity.state;

import java.time.Instant;
import java.util.Optional;

/**
 * Dashboard sessions, kept server-side so that signing out, changing {@code parity.api.token} or the expiry
 * ends them. Keyed by a digest of the session id: the store never holds a value that works as a cookie.
 */
public interface SessionStore {

    void putSession(String key, Session session);

    /** The session, expired or not (the caller checks); empty when there is none. */
    Optional<Session> session(String key);

    void removeSession(String key);

    /**
     * @param binding identifies the API token the session was opened with; another token ends it
     * @param expiresAt the session is over from then on
     */
    record Session(String binding, Instant expiresAt) {
    }
}
