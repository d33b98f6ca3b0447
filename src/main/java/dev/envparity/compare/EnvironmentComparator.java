package dev.envparity.compare;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import dev.envparity.config.TlsRules;
import dev.envparity.report.Durations;
import dev.envparity.report.EnvironmentReport;
import dev.envparity.report.Finding;
import dev.envparity.report.Finding.Kind;
import dev.envparity.report.Health;
import dev.envparity.report.Labels;
import dev.envparity.report.ServiceReport;
import dev.envparity.report.Severity;
import dev.envparity.report.Status;

/**
 * Judges one service: each environment on its own (reachable, healthy), then each adjacent pair along the
 * promotion order (versions, commits, health check sets, {@code compare} values, the runtime: {@link RuntimeParity};
 * certificates and protocols: {@link TlsParity}; security headers: {@link HeaderParity}; database migrations:
 * {@link SchemaParity}). Pure: the same inputs and clock always give the same findings. What the history knows comes
 * in with the inputs (each environment's {@code versionSince}); nothing here reads or writes it.
 */
public final class EnvironmentComparator {
    private static final DateTimeFormatter SINCE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

    private final Duration maxPromotionLag;
    private final TlsParity tls;

    /** With the default TLS rules (tests, tools). */
    public EnvironmentComparator(Duration maxPromotionLag) {
        this(maxPromotionLag, TlsRules.DEFAULTS);
    }

    public EnvironmentComparator(Duration maxPromotionLag, TlsRules tls) {
        this.maxPromotionLag = maxPromotionLag;
        this.tls = new TlsParity(tls);
    }

    /** @param results per environment, in promotion order */
    public ServiceReport judge(String service, Map<String, EnvironmentReport> results, Instant now) {
        List<Finding> findings = new ArrayList<>();
        results.forEach((env, r) -> {
            findings.addAll(alone(env, r));
            findings.addAll(tls.expiry(env, r, now));
            findings.addAll(SchemaParity.alone(env, r));
        });
        List<String> envs = List.copyOf(results.keySet());
        for (int i = 0; i + 1 < envs.size(); i++) {
            String up = envs.get(i);
            String down = envs.get(i + 1);
            EnvironmentReport u = results.get(up);
            EnvironmentReport d = results.get(down);
            if (u.version() != null && d.version() != null) {
                List<Finding> versions = pair(up, u, down, d, now);
                findings.addAll(versions);
                findings.addAll(RuntimeParity.compare(up, u, down, d, versions));
                findings.addAll(SchemaParity.pair(up, u, down, d, versions));
            }
            findings.addAll(tls.differences(up, u, down, d));
            findings.addAll(HeaderParity.compare(up, u, down, d));
        }
        return ServiceReport.of(service, results, findings);
    }

    private static List<Finding> alone(String env, EnvironmentReport r) {
        List<Finding> f = new ArrayList<>();
        if (r.error() != null) {
            f.add(finding(Kind.UNREACHABLE, Status.UNREACHABLE, List.of(env), env + " unreachable: " + r.error()));
        }
        if (r.health() == Health.DOWN) {
            f.add(finding(Kind.UNHEALTHY, Status.UNHEALTHY, List.of(env), env + " is DOWN" + failing(r, Health.DOWN)));
        } else if (r.health() == Health.DEGRADED) {
            f.add(new Finding(Kind.DEGRADED, Severity.WARNING, Status.UNHEALTHY, List.of(env),
                    env + " is DEGRADED" + failing(r, Health.DEGRADED)));
        } else if (r.health() == Health.UNKNOWN && r.error() == null) {
            // Not knowing is never healthy: a service that cannot tell its own health is not reported UP.
            f.add(new Finding(Kind.HEALTH_UNKNOWN, Severity.WARNING, Status.UNHEALTHY, List.of(env),
                    env + " reports its health as UNKNOWN"));
        }
        return f;
    }

    private static String failing(EnvironmentReport r, Health level) {
        List<String> names = r.checks().entrySet().stream()
                .filter(e -> e.getValue() == level || e.getValue() == Health.DOWN)
                .map(Map.Entry::getKey).collect(Collectors.toList());
        return names.isEmpty() ? "" : ": " + String.join(", ", names) + (names.size() == 1 ? " is " : " are ")
                + level.name();
    }

    private List<Finding> pair(String up, EnvironmentReport u, String down, EnvironmentReport d, Instant now) {
        List<String> envs = List.of(up, down);
        boolean bothCommits = u.commit() != null && d.commit() != null;
        boolean sameCommit = bothCommits && Commits.same(u.commit(), d.commit());
        switch (VersionOrder.compare(u.version(), d.version())) {
            case SAME:
                if (bothCommits && !sameCommit) {
                    return List.of(finding(Kind.DIVERGED, Status.DIVERGED, envs, up + " and " + down + " both report "
                            + u.version() + " but run different commits (" + Labels.shortCommit(u.commit()) + " vs "
                            + Labels.shortCommit(d.commit()) + ")"));
                }
                return mismatches(up, u, down, d);
            case AHEAD:
                return List.of(upstreamAhead(up, u, down, d, now));
            case BEHIND:
                return List.of(finding(Kind.DOWNSTREAM_AHEAD, Status.DOWNSTREAM_AHEAD, envs, down + " " + d.version()
                        + " is ahead of " + up + " " + u.version() + ": " + up + " no longer represents " + down));
            case SAME_RELEASE_DIFFERENT_BUILD:
                return List.of(finding(Kind.DIVERGED, Status.DIVERGED, envs, up + " " + u.version() + " and " + down
                        + " " + d.version() + " are the same release from different builds"));
            default:
                if (sameCommit) {
                    return mismatches(up, u, down, d);
                }
                if (u.version().equalsIgnoreCase(d.version())) {
                    return List.of(finding(Kind.DIVERGED, Status.DIVERGED, envs, up + " and " + down + " both report '"
                            + u.version() + "', which does not identify a build; set commit-pointer to compare them"));
                }
                return List.of(finding(Kind.DIVERGED, Status.DIVERGED, envs, up + " runs " + u.version() + ", " + down
                        + " runs " + d.version() + ": the versions cannot be ordered"));
        }
    }

    /**
     * The upstream leads: pending while younger than the allowed lag, then overdue. Its age is measured from its build
     * time, or, when it reports none, from when the history first saw it there ({@code versionSince}).
     */
    private Finding upstreamAhead(String up, EnvironmentReport u, String down, EnvironmentReport d, Instant now) {
        String lead = up + " " + u.version() + " is ahead of " + down + " " + d.version();
        List<String> envs = List.of(up, down);
        Instant from = u.builtAt() != null ? u.builtAt() : u.versionSince();
        if (from == null) {
            return new Finding(Kind.VERSION_DRIFT, Severity.INFO, Status.PROMOTION_PENDING, envs,
                    lead + " (" + up + " reports no build time)");
        }
        Duration age = Duration.between(from, now);
        age = age.isNegative() ? Duration.ZERO : age;
        String when = u.builtAt() != null ? " (built " + u.builtAt().atOffset(ZoneOffset.UTC).toLocalDate() + ")"
                : " (on " + up + " since " + SINCE.format(u.versionSince()) + ")";
        if (age.compareTo(maxPromotionLag) > 0) {
            return new Finding(Kind.VERSION_DRIFT, Severity.WARNING, Status.PROMOTION_OVERDUE, envs, lead + " for "
                    + Durations.human(age) + ", longer than the " + Durations.human(maxPromotionLag) + " allowed" + when);
        }
        return new Finding(Kind.VERSION_DRIFT, Severity.INFO, Status.PROMOTION_PENDING, envs,
                lead + " for " + Durations.human(age) + when);
    }

    /** Same build on both sides: the health check sets and the configured compare values must agree too. */
    private static List<Finding> mismatches(String up, EnvironmentReport u, String down, EnvironmentReport d) {
        List<Finding> f = new ArrayList<>();
        List<String> envs = List.of(up, down);
        if (u.error() == null && d.error() == null) {
            Set<String> onlyUp = new TreeSet<>(u.checks().keySet());
            onlyUp.removeAll(d.checks().keySet());
            Set<String> onlyDown = new TreeSet<>(d.checks().keySet());
            onlyDown.removeAll(u.checks().keySet());
            if (!onlyUp.isEmpty() || !onlyDown.isEmpty()) {
                List<String> parts = new ArrayList<>();
                if (!onlyUp.isEmpty()) {
                    parts.add(down + " lacks " + String.join(", ", onlyUp));
                }
                if (!onlyDown.isEmpty()) {
                    parts.add(up + " lacks " + String.join(", ", onlyDown));
                }
                f.add(finding(Kind.CHECKS_MISMATCH, Status.MISMATCH, envs,
                        "health checks differ on " + u.version() + ": " + String.join("; ", parts)));
            }
        }
        for (String pointer : u.compare().keySet()) {
            String a = u.compare().get(pointer);
            String b = d.compare().get(pointer);
            if (!Objects.equals(a, b)) {
                f.add(finding(Kind.FIELD_MISMATCH, Status.MISMATCH, envs, pointer + " differs on " + u.version() + ": "
                        + up + " " + shown(a) + ", " + down + " " + shown(b)));
            }
        }
        return f;
    }

    private static String shown(String value) {
        return value == null ? "(absent)" : value;
    }

    private static Finding finding(Kind kind, Status status, List<String> envs, String message) {
        return new Finding(kind, status.defaultSeverity, status, envs, message);
    }
}
