package dev.envparity.notify;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * {@code parity.notify.*}, checked.
 *
 * @param mutes service name to the instant its notifications resume
 */
public record NotifyPlan(Target.Policy policy, Duration remindEvery, Duration deadline, Map<String, Instant> mutes,
        List<Target> targets) {
}
