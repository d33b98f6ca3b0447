package dev.envparity.state;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.Optional;

import org.junit.jupiter.api.Test;

/** What every {@link SessionStore} promises (memory, DynamoDB): a session is kept under its key until removed. */
public interface SessionStoreContract {

    /** A new, empty store. */
    SessionStore sessionStore();

    @Test
    default void sessionsAreStoredUnderTheirKeyUntilRemoved() {
        SessionStore store = sessionStore();
        SessionStore.Session session = new SessionStore.Session("binding-1", Instant.parse("2026-11-26T22:00:00Z"));
        assertEquals(Optional.empty(), store.session("k1"));
        store.putSession("k1", session);
        assertEquals(Optional.of(session), store.session("k1"));
        assertEquals(Optional.empty(), store.session("k2"));
        store.removeSession("k1");
        assertEquals(Optional.empty(), store.session("k1"));
        store.removeSession("k1"); // signing out twice is not an error
    }
}
