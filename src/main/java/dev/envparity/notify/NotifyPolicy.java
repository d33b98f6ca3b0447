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
 * A problem is a service at or above the target's min-severity, judged by its confirmed findings only
 * ({@link ConfirmAfter}); a resolution counts once the problem has stayed away as long as a finding must persist.
 * Muted services are left out by the caller, and their state is kept as it was, so a change during the maintenance
 * window shows once it ends.
 */
final class NotifyPolicy {
    private NotifyPolicy() {
    }

    /**
     * @param changes per service with a problem, in report order
     * @param resolved services that had a problem in the last message and have none now
     * @param next the state once the message is delivered
     * @param quiet the state to keep when nothing is posted (resolutions still being confirmed), or null: nothing to keep
     * @param skipped why nothing is posted, when nothing is
     */
    record Decision(boolean post, boolean reminder, Map<String, Change> changes, List<String> resolved,
            TargetState next, TargetState quiet, String skipped) {
    }

    static Decision decide(Target target, Target.Policy policy, List<ServiceReport> services, List<String> muted,
            TargetState state, Instant now, Duration remindEvery, ConfirmAfter confirm) {
        Map<String, Change> changes = new LinkedHashMap<>();
        Map<String, Notified> next = new LinkedHashMap<>();
        Map<String, Notified> quiet = new LinkedHashMap<>();
        boolean changed = false;
        boolean reminderDue = false;
        List<String> unconfirmed = new ArrayList<>();
        for (ServiceReport s : services) {
            ServiceReport confirmed = s.confirmedOnly();
            if (!isProblem(confirmed, target.minSeverity())) {
                if (isProblem(s, target.minSeverity())) {
                    unconfirmed.add(s.name());
                }
                continue;
            }
            String fingerprint = Fingerprints.of(confirmed);
            Notified before = state.services().get(s.name());
            Change change = change(before, fingerprint);
            changed |= change != Change.ONGOING;
            reminderDue |= change == Change.ONGOING && !before.at().plus(remindEvery).isAfter(now);
            changes.put(s.name(), change);
            next.put(s.name(), new Notified(fingerprint, now));
            if (change == Change.ONGOING) {
                quiet.put(s.name(), new Notified(before.fingerprint(), before.at()));
            }
        }
        List<String> resolved = new ArrayList<>();
        state.services().forEach((name, notified) -> {
            if (muted.contains(name)) {
                next.put(name, notified);
                quiet.put(name, notified);
            } else if (unconfirmed.contains(name)) {
                // Not resolved while a problem is seen, confirmed or not: a rollout flapping back is no resolution.
                Notified still = new Notified(notified.fingerprint(), notified.at());
                next.put(name, still);
                quiet.put(name, still);
            } else if (!changes.containsKey(name)) {
                Notified clearing = notified.clearedAgain(now);
                if (confirm.resolved(clearing.clearChecks(), clearing.clearSince(), now)) {
                    resolved.add(name);
                } else {
                    next.put(name, clearing);
                    quiet.put(name, clearing);
                }
            }
        });
        changed |= !resolved.isEmpty();

        boolean post = switch (policy) {
            case ALWAYS -> true;
            case NEVER -> false;
            case ON_CHANGE -> changed || reminderDue;
        };
        TargetState keep = post || quiet.equals(state.services()) ? null
                : new TargetState(state.version() + 1, quiet, state.lastFailure());
        return new Decision(post, post && !changed && reminderDue && policy == Target.Policy.ON_CHANGE, changes,
                resolved, new TargetState(state.version() + 1, next, null), keep,
                post ? null : policy == Target.Policy.NEVER ? "policy never" : "nothing changed");
    }

    /**
     * A deploy summary about one service: posted whatever changed (a deploy is news), unless the target's policy is
     * never, the service is muted, or the summary is below the target's min-severity. Telling it counts as telling
     * the target about the service, so the next scheduled run does not repeat it.
     *
     * @param service the service as this target sees it
     */
    static Decision deploy(Target target, ServiceReport service, Severity severity, boolean muted, TargetState state,
            Instant now) {
        String skipped = target.policy() == Target.Policy.NEVER ? "policy never"
                : muted ? "muted" : !severity.atLeast(target.minSeverity()) ? "below min-severity" : null;
        Map<String, Notified> told = new LinkedHashMap<>(state.services());
        String fingerprint = Fingerprints.of(service);
        Change change = change(told.get(service.name()), fingerprint);
        if (isProblem(service, target.minSeverity())) {
            told.put(service.name(), new Notified(fingerprint, now));
        } else {
            told.remove(service.name());
        }
        return new Decision(skipped == null, false, Map.of(service.name(), change), List.of(),
                new TargetState(state.version() + 1, told, null), null, skipped);
    }

    /** NEW when the target was not told about the service, CHANGED when it was told something else. */
    private static Change change(Notified before, String fingerprint) {
        return before == null ? Change.NEW : before.fingerprint().equals(fingerprint) ? Change.ONGOING : Change.CHANGED;
    }

    static boolean isProblem(ServiceReport s, Severity minSeverity) {
        return s.severity() != Severity.OK && s.severity().atLeast(minSeverity);
    }
}
