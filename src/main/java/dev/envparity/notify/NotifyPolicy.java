package dev.envparity.notify;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.envparity.notify.Digest.Change;
import dev.envparity.report.ServiceReport;
import dev.envparity.report.Severity;
import dev.envparity.state.TargetState;
import dev.envparity.state.TargetState.Notified;

/**
 * Decides whether a target hears about a run, and what it will have been told afterwards.
 * <ul>
 * <li>always: every run;</li>
 * <li>on-change: when a service has a new problem, a changed one, or one that was resolved; or when an
 * unchanged problem was last posted more than {@code remind-every} ago;</li>
 * <li>never: not at all.</li>
 * </ul>
 * A problem is a service at or above the target's min-severity. Muted services are left out by the caller,
 * and their state is kept as it was, so a change during the maintenance window shows once it ends.
 */
final class NotifyPolicy {
    private NotifyPolicy() {
    }

    /**
     * @param changes per service with a problem, in report order
     * @param resolved services that had a problem in the last message and have none now
     * @param next the state once the message is delivered
     */
    record Decision(boolean post, boolean reminder, Map<String, Change> changes, List<String> resolved,
            TargetState next) {
    }

    static Decision decide(Target target, Target.Policy policy, List<ServiceReport> services, List<String> muted,
            TargetState state, Instant now, Duration remindEvery) {
        Map<String, Change> changes = new LinkedHashMap<>();
        Map<String, Notified> next = new LinkedHashMap<>();
        boolean changed = false;
        boolean reminderDue = false;
        for (ServiceReport s : services) {
            if (!isProblem(s, target.minSeverity())) {
                continue;
            }
            String fingerprint = Fingerprints.of(s);
            Notified before = state.services().get(s.name());
            Change change = before == null ? Change.NEW
                    : before.fingerprint().equals(fingerprint) ? Change.ONGOING : Change.CHANGED;
            changed |= change != Change.ONGOING;
            reminderDue |= change == Change.ONGOING && !before.at().plus(remindEvery).isAfter(now);
            changes.put(s.name(), change);
            next.put(s.name(), new Notified(fingerprint, now));
        }
        List<String> resolved = new ArrayList<>();
        state.services().forEach((name, notified) -> {
            if (muted.contains(name)) {
                next.put(name, notified);
            } else if (!changes.containsKey(name)) {
                resolved.add(name);
            }
        });
        changed |= !resolved.isEmpty();

        boolean post = switch (policy) {
            case ALWAYS -> true;
            case NEVER -> false;
            case ON_CHANGE -> changed || reminderDue;
        };
        return new Decision(post, post && !changed && reminderDue && policy == Target.Policy.ON_CHANGE, changes,
                resolved, new TargetState(state.version() + 1, next, null));
    }

    static boolean isProblem(ServiceReport s, Severity minSeverity) {
        return s.severity() != Severity.OK && s.severity().atLeast(minSeverity);
    }
}
