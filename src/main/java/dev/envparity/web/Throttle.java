package dev.envparity.web;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Guessing the API token costs time: {@value #LIMIT} failed sign-ins or bad bearer tokens per client address a
 * minute, then 429 with {@code Retry-After} (RFC 6585 §4) until the minute since the first failure is over. Kept in
 * memory: on Lambda each instance counts for itself (at most the function's reserved concurrency of them). At most
 * {@value #MAX_ADDRESSES} addresses are tracked; past that the oldest windows are forgotten first.
 */
@ApplicationScoped
public class Throttle {
    static final int LIMIT = 10;
    static final Duration WINDOW = Duration.ofMinutes(1);
    static final int MAX_ADDRESSES = 10_000;

    private final Map<String, Window> windows = new ConcurrentHashMap<>();
    private final Clock clock;

    private record Window(Instant start, int failures) {
    }

    @Inject
    public Throttle(Clock clock) {
        this.clock = clock;
    }

    /** @return seconds to wait when {@code client} has used up its failures; empty when it may try */
    public OptionalLong retryAfter(String client) {
        Window w = windows.get(client);
        Instant now = clock.instant();
        if (w == null || w.failures() < LIMIT || !w.start().plus(WINDOW).isAfter(now)) {
            return OptionalLong.empty();
        }
        long millis = Duration.between(now, w.start().plus(WINDOW)).toMillis();
        return OptionalLong.of(Math.max(1, (millis + 999) / 1000));
    }

    public void failed(String client) {
        Instant now = clock.instant();
        if (windows.size() >= MAX_ADDRESSES) {
            forgetOld(now);
        }
        windows.compute(client, (k, w) -> w == null || !w.start().plus(WINDOW).isAfter(now) ? new Window(now, 1)
                : new Window(w.start(), w.failures() + 1));
    }

    private void forgetOld(Instant now) {
        windows.values().removeIf(w -> !w.start().plus(WINDOW).isAfter(now));
        long excess = windows.size() - MAX_ADDRESSES + 1L;
        if (excess > 0) {
            windows.entrySet().stream().sorted(Comparator.comparing(e -> e.getValue().start())).limit(excess)
                    .map(Map.Entry::getKey).toList().forEach(windows::remove);
        }
    }
}
