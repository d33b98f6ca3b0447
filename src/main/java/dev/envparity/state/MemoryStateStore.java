package dev.envparity.state;

import java.time.Clock;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/** For the long-running server (and the CLI's deliveries and deploys): state lives as long as the process. */
public class MemoryStateStore implements StateStore, DeliveryLog, DeployQueue, SessionStore, CompareCache {
    private static final int MAX_DELIVERIES = 100_000;
    private static final int MAX_SESSIONS = 10_000;
    static final int MAX_COMPARISONS = 10_000;

    private final Map<String, TargetState> states = new ConcurrentHashMap<>();
    private final Map<String, Delivery> deliveries = new ConcurrentHashMap<>();
    private final Map<String, PendingDeploy> pending = new ConcurrentHashMap<>();
    private final Map<String, Session> sessions = new ConcurrentHashMap<>();
    /** The most recently used comparisons: access order, the eldest dropped past the limit. */
    private final Map<Key, Answer> comparisons = Collections.synchronizedMap(new LinkedHashMap<>(256, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<Key, Answer> eldest) {
            return size() > MAX_COMPARISONS;
        }
    });
    private final Clock clock;

    public MemoryStateStore(Clock clock) {
        this.clock = clock;
    }

    /** On the system clock (tests). */
    public MemoryStateStore() {
        this(Clock.systemUTC());
    }

    private record Delivery(Instant expiresAt, String holder) {
    }

    @Override
    public TargetState load(String target) {
        return states.getOrDefault(target, TargetState.EMPTY);
    }

    @Override
    public boolean compareAndSet(String target, long expectedVersion, TargetState next) {
        boolean[] written = { false };
        states.compute(target, (k, current) -> {
            long version = current == null ? 0 : current.version();
            if (version != expectedVersion) {
                return current;
            }
            written[0] = true;
            return next;
        });
        return written[0];
    }

    @Override
    public Optional<Claim> claim(String id, Instant expiresAt) {
        Instant now = clock.instant();
        if (deliveries.size() > MAX_DELIVERIES) {
            deliveries.values().removeIf(d -> d.expiresAt().isBefore(now));
        }
        Delivery mine = new Delivery(expiresAt, UUID.randomUUID().toString());
        Delivery kept = deliveries.compute(id, (k, d) -> d == null || d.expiresAt().isBefore(now) ? mine : d);
        return kept == mine ? Optional.of(new Claim(id, mine.holder())) : Optional.empty();
    }

    @Override
    public void release(Claim claim) {
        deliveries.computeIfPresent(claim.id(), (k, d) -> d.holder().equals(claim.holder()) ? null : d);
    }

    @Override
    public boolean offer(PendingDeploy deploy) {
        boolean[] first = { false };
        pending.compute(deploy.key(), (k, waiting) -> {
            first[0] = waiting == null;
            return waiting == null ? deploy : waiting.mergedWith(deploy);
        });
        return first[0];
    }

    @Override
    public Optional<PendingDeploy> take(String key) {
        return Optional.ofNullable(pending.remove(key));
    }

    @Override
    public void putSession(String key, Session session) {
        if (sessions.size() >= MAX_SESSIONS) {
            Instant now = clock.instant();
            sessions.values().removeIf(s -> !s.expiresAt().isAfter(now));
        }
        sessions.put(key, session);
    }

    @Override
    public Optional<Session> session(String key) {
        return Optional.ofNullable(sessions.get(key));
    }

    @Override
    public void removeSession(String key) {
        sessions.remove(key);
    }

    @Override
    public Optional<Answer> compared(Key key) {
        return Optional.ofNullable(comparisons.get(key));
    }

    @Override
    public void remember(Key key, Answer answer) {
        comparisons.put(key, answer);
    }
}
