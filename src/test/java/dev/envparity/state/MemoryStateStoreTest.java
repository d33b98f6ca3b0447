package dev.envparity.state;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

/** The server's store: every store contract, in this process's memory. */
class MemoryStateStoreTest implements StateStoreContract, DeliveryLogContract, DeployQueueContract, SessionStoreContract,
        CompareCacheContract {
    private static final Instant NOW = Instant.parse("2026-11-26T10:00:00Z");
    private final MemoryStateStore store = new MemoryStateStore(Clock.fixed(NOW, ZoneOffset.UTC));

    @Override
    public StateStore stateStore() {
        return store;
    }

    @Override
    public DeliveryLog deliveryLog() {
        return store;
    }

    @Override
    public Instant now() {
        return NOW;
    }

    @Override
    public DeployQueue deployQueue() {
        return store;
    }

    @Override
    public SessionStore sessionStore() {
        return store;
    }

    @Override
    public CompareCache compareCache() {
        return store;
    }
}
