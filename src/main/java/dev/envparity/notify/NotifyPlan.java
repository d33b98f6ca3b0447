package dev.envparity.notify;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.envparity.report.Severity;

/**
 * {@code parity.notify.*}, checked.
 *
 * @param mutes service name to the instant its notifications resume
 * @param mentionAt owners are mentioned for services at or above this severity; empty: never
 * @param confirmAfter how long a finding must persist before it is notified
 */
public record NotifyPlan(Target.Policy policy, Duration remindEvery, Duration deadline, Map<String, Instant> mutes,
        List<Target> targets, Optional<Severity> mentionAt, ConfirmAfter confirmAfter) {

    /** Owners mentioned at the default severity, critical; findings notified at once. */
    public NotifyPlan(Target.Policy policy, Duration remindEvery, Duration deadline, Map<String, Instant> mutes,
            List<Target> targets) {
        this(policy, remindEvery, deadline, mutes, targets, Optional.of(Severity.CRITICAL), ConfirmAfter.AT_ONCE);
    }
}
