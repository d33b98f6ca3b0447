package dev.envparity.state;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** For the long-running server: state lives as long as the process. */
public class MemoryStateStore implements StateStore {
    private final Map<String, TargetState> states = new ConcurrentHashMap<>();

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
}
