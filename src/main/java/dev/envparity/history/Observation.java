package dev.envparity.history;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import dev.envparity.report.EnvironmentReport;
import dev.envparity.report.Finding;
import dev.envparity.report.Labels;
import dev.envparity.report.ServiceReport;
import dev.envparity.state.ServiceHistory;
import dev.envparity.state.ServiceHistory.Environment;
import dev.envparity.state.ServiceHistory.Kind;
import dev.envparity.state.ServiceHistory.Open;
import dev.envparity.state.ServiceHistory.Transition;

/**
 * What one check of one service changes in its history, in two steps around the comparison: first the environments
 * (what runs where since when: {@code versionSince}, which the comparator needs), then the findings ({@code since},
 * {@code checks}). Pure: the same history, results and instant always give the same annotations and the same next
 * history. A check older than the history's last one (an overlapping run that finished late) changes nothing.
 */
final class Observation {
    private final ServiceHistory before;
    private final Instant at;
    private final long check;
    private final Duration retention;
    private final boolean stale;
    private final Map<String, Environment> environments = new LinkedHashMap<>();
    private final Map<String, Open> findings = new LinkedHashMap<>();
    private final List<Transition> transitions = new ArrayList<>();

    /**
     * @param check the number of this check ({@link dev.envparity.state.HistoryStore#countCheck}); a check that is not
     *        counted (a deploy verification) passes the number of the last one
     */
    Observation(ServiceHistory before, Instant at, long check, Duration retention) {
        this.before = before;
        this.at = at;
        this.check = check;
        this.retention = retention;
        this.stale = before.observedAt() != null && at.isBefore(before.observedAt());
    }

    /** Step one: the environments, each with {@code versionSince}. */
    Map<String, EnvironmentReport> environments(Map<String, EnvironmentReport> probed) {
        Map<String, EnvironmentReport> annotated = new LinkedHashMap<>();
        probed.forEach((name, r) -> {
            Environment was = before.environments().get(name);
            Environment now = next(name, was, r);
            environments.put(name, now);
            annotated.put(name, identity(r) == null ? r : r.withVersionSince(now.versionSince()));
        });
        return annotated;
    }

    private Environment next(String name, Environment was, EnvironmentReport r) {
        String version = identity(r);
        String commit = r.commit() == null ? null : cut(Labels.shortCommit(r.commit()));
        String health = r.reachable() ? r.health().name() : "UNREACHABLE";
        boolean first = was == null;
        String keptVersion = first ? null : was.version();
        Instant versionSince = first ? null : was.versionSince();
        String keptCommit = first ? null : was.commit();
        // An environment that cannot be read keeps the version it had: coming back with it is no new deploy.
        if (version != null && (!version.equals(keptVersion) || commit != null && keptCommit != null && !commit.equals(keptCommit))) {
            transitions.add(new Transition(at, Kind.VERSION, name, version, commit, first || keptVersion == null));
            keptVersion = version;
            versionSince = at;
        }
        if (version != null) {
            keptCommit = commit;
        }
        Instant healthSince = first ? null : was.healthSince();
        if (first || !health.equals(was.health())) {
            transitions.add(new Transition(at, Kind.HEALTH, name, health, null, first));
            healthSince = at;
        }
        return new Environment(keptVersion, keptCommit, versionSince, health, healthSince);
    }

    /** Step two: the service's findings, each with {@code since} and {@code checks}, in the same order. */
    ServiceReport findings(ServiceReport judged) {
        Map<String, Integer> sameKey = new HashMap<>();
        List<Finding> annotated = new ArrayList<>();
        for (Finding f : judged.findings()) {
            String key = key(f, sameKey.merge(baseKey(f), 1, Integer::sum));
            Open was = before.findings().get(key);
            Open now = was != null ? was : new Open(at, check, f.status().name());
            if (was == null) {
                transitions.add(new Transition(at, Kind.OPENED, null, key, null, false));
            }
            findings.put(key, new Open(now.since(), now.sinceCheck(), f.status().name()));
            annotated.add(f.seen(now.since(), (int) Math.max(1, check - now.sinceCheck() + 1)));
        }
        before.findings().keySet().stream().filter(k -> !findings.containsKey(k))
                .forEach(k -> transitions.add(new Transition(at, Kind.CLOSED, null, k, null, false)));
        return judged.withFindings(annotated);
    }

    /**
     * Whether there is anything to write: a transition, an environment no longer checked, or a history half-way to its
     * expiry — a service that never changes is still being checked, and must not be forgotten (once per half retention).
     */
    boolean changed() {
        return !stale && (!transitions.isEmpty() || !environments.keySet().equals(before.environments().keySet())
                || !Objects.equals(statuses(findings), statuses(before.findings()))
                || before.expiresAt() != null && !before.expiresAt().isAfter(at.plus(retention.dividedBy(2))));
    }

    /** The history after this check: transitions older than the retention dropped, and the oldest beyond the cap. */
    ServiceHistory next() {
        List<Transition> kept = new ArrayList<>();
        Instant horizon = at.minus(retention);
        for (Transition t : before.transitions()) {
            if (!t.at().isBefore(horizon)) {
                kept.add(t);
            }
        }
        kept.addAll(transitions);
        if (kept.size() > ServiceHistory.MAX_TRANSITIONS) {
            kept = new ArrayList<>(kept.subList(kept.size() - ServiceHistory.MAX_TRANSITIONS, kept.size()));
        }
        return new ServiceHistory(before.version() + 1, at, Map.copyOf(environments), Map.copyOf(findings), List.copyOf(kept),
                at.plus(retention));
    }

    ServiceHistory before() {
        return before;
    }

    /** "UNHEALTHY production", "VERSION_DRIFT staging production": what a finding is about, not its wording. */
    static String baseKey(Finding f) {
        return f.kind() + " " + String.join(" ", f.environments());
    }

    /** The second finding of one kind about the same environments (a second {@code compare} field) is "… #2". */
    private static String key(Finding f, int nth) {
        return nth == 1 ? baseKey(f) : baseKey(f) + " #" + nth;
    }

    /** What identifies a deploy: the version, or the commit where no version is reported. */
    private static String identity(EnvironmentReport r) {
        if (r.version() != null) {
            return cut(r.version());
        }
        return r.reachable() && r.commit() != null ? cut(Labels.shortCommit(r.commit())) : null;
    }

    private static String cut(String value) {
        return value.length() <= ServiceHistory.MAX_VALUE ? value : value.substring(0, ServiceHistory.MAX_VALUE - 1) + "…";
    }

    private static Map<String, String> statuses(Map<String, Open> open) {
        Map<String, String> s = new HashMap<>();
        open.forEach((k, o) -> s.put(k, o.status()));
        return s;
    }
}
