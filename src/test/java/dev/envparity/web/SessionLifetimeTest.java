package dev.envparity.web;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import dev.envparity.config.ApiPlan;
import dev.envparity.state.MemoryStateStore;
import dev.envparity.state.SessionStore;

/** A session ends at its expiry and when the token changes, whatever the cookie says. */
class SessionLifetimeTest {
    private static final Instant T0 = Instant.parse("2026-11-26T10:00:00Z");

    /** A clock the test moves. */
    private static final class Moving extends Clock {
        Instant now = T0;

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    private static HttpRequest withCookie(String id) {
        return new HttpRequest("GET", "/", Map.of("cookie", "theme=dark; " + Sessions.COOKIE + "=" + id), Map.of(), new byte[0],
                "192.0.2.1", true);
    }

    @Test
    void aSessionEndsAtItsExpiry() {
        Moving clock = new Moving();
        Sessions sessions = new Sessions(new MemoryStateStore(), new ApiToken(new ApiPlan(Optional.of("token-1"), false)), clock);
        String id = sessions.open();
        clock.now = T0.plus(Sessions.LIFETIME).minusSeconds(1);
        assertTrue(sessions.valid(withCookie(id)));
        clock.now = T0.plus(Sessions.LIFETIME);
        assertFalse(sessions.valid(withCookie(id)));
    }

    @Test
    void aNewTokenEndsEverySession() {
        Moving clock = new Moving();
        SessionStore store = new MemoryStateStore();
        String id = new Sessions(store, new ApiToken(new ApiPlan(Optional.of("token-1"), false)), clock).open();
        assertTrue(new Sessions(store, new ApiToken(new ApiPlan(Optional.of("token-1"), false)), clock).valid(withCookie(id)));
        assertFalse(new Sessions(store, new ApiToken(new ApiPlan(Optional.of("token-2"), false)), clock).valid(withCookie(id)),
                "after a restart with another parity.api.token");
    }

    @Test
    void theStoreNeverHoldsTheCookiesValue() {
        MemoryStateStore store = new MemoryStateStore();
        String id = new Sessions(store, new ApiToken(new ApiPlan(Optional.of("token-1"), false)), new Moving()).open();
        assertTrue(store.session(id).isEmpty(), "looked up by a digest of the id, not the id");
    }
}
