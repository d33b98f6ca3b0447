package dev.envparity.state;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** For the long-running server (and the CLI's deliveries and deploys): state lives as long as the process. */
public class MemoryStateStore implements StateStore, DeliveryLog, DeployQueue {
    private static final int MAX_DELIVERIES = 100_000;

    private final Map<String, TargetState> states = new ConcurrentHashMap<>();
    private final Map<String, Instant> deliveries = new ConcurrentHashMap<>();
    private final Map<String, PendingDeploy> pending = new ConcurrentHashMap<>();

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
    public boolean firstDelivery(String id, Instant expiresAt) {
        Instant now = Instant.now();
        if (deliveries.size() > MAX_DELIVERIES) {
            deliveries.values().removeIf(expiry -> expiry.isBefore(now));
        }
        boolean[] first = { false };
        deliveries.compute(id, (k, expiry) -> {
            if (expiry == null || expiry.isBefore(now)) {
                first[0] = true;
                return expiresAt;
            }
            return expiry;
        });
        return first[0];
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
}
