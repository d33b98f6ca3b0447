package dev.envparity.state;

import java.time.Clock;
import java.time.ZoneOffset;

/** The history in memory: every history store contract. */
class MemoryHistoryStoreTest implements HistoryStoreContract {

    @Override
    public HistoryStore historyStore() {
        return new MemoryHistoryStore(Clock.fixed(AT, ZoneOffset.UTC));
    }
}
