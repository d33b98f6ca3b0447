package dev.envparity.config;

import java.time.Duration;

/**
 * What envparity remembers between checks ({@code parity.history.*}); it is kept where the notification state is
 * ({@link StatePlan}).
 *
 * @param retention transitions older than this are forgotten, and so is a service not checked for this long
 */
public record HistoryPlan(Duration retention) {
    /** Less would not hold one promotion from dev to production. */
    private static final Duration MIN_RETENTION = Duration.ofDays(1);

    static HistoryPlan resolve(ParityConfig.History history, Problems problems) {
        if (history.retention().compareTo(MIN_RETENTION) < 0) {
            problems.add("parity.history.retention: must be at least 1d, e.g. 90d");
        }
        return new HistoryPlan(history.retention());
    }
}
