package dev.envparity.notify;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * {@code parity.notify.*}, checked.
 *
 * @param mutes service name to the instant its notifications resume
 * @param confirmAfter how long a finding must persist before it is notified
 */
public record NotifyPlan(Target.Policy policy, Duration remindEvery, Duration deadline, Map<String, Instant> mutes,
        List<Target> targets, ConfirmAfter confirmAfter) {

    public NotifyPlan(Target.Policy policy, Duration remindEvery, Duration deadline, Map<String, Instant> mutes,
            List<Target> targets) {
        this(policy, remindEvery, deadline, mutes, targets, ConfirmAfter.AT_ONCE);
    }
}
