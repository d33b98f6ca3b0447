package dev.envparity.state;

import java.time.Clock;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/** The history in this process's memory ({@code store: memory}, and tests): gone when the process ends. */
public class MemoryHistoryStore implements HistoryStore {
    private final Map<String, ServiceHistory> histories = new ConcurrentHashMap<>();
    private final AtomicLong checks = new AtomicLong();
    private final Clock clock;

    public MemoryHistoryStore(Clock clock) {
        this.clock = clock;
    }

    @Override
    public long countCheck() {
        return checks.incrementAndGet();
    }

    @Override
    public long checks() {
        return checks.get();
    }

    @Override
    public Map<String, ServiceHistory> load(Collection<String> services) {
        Map<String, ServiceHistory> found = new HashMap<>();
        for (String service : services) {
            ServiceHistory h = histories.get(service);
            if (h != null && !HistoryStore.expired(h, clock.instant())) {
                found.put(service, h);
            }
        }
        return found;
    }

    @Override
    public Set<String> save(List<Update> updates) {
        Set<String> lost = new HashSet<>();
        for (Update u : updates) {
            histories.compute(u.service(), (name, stored) -> {
                long version = stored == null || HistoryStore.expired(stored, clock.instant()) ? 0 : stored.version();
                if (version != u.expectedVersion()) {
                    lost.add(name);
                    return stored;
                }
                return u.next();
            });
        }
        return lost;
    }
}
