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
import dev.envparity.report.Pending;
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
        return judge(service, results, List.of(), now);
    }

    /**
     * @param results per environment, in promotion order
     * @param compared the code host's comparisons of adjacent pairs whose commits differ: where versions cannot be
     *        ordered, the host's answer explains them; the most downstream comparison comes with the report
     */
    public ServiceReport judge(String service, Map<String, EnvironmentReport> results, List<Pending> compared, Instant now) {
        List<Finding> findings = new ArrayList<>();
        results.forEach((env, r) -> {
            findings.addAll(alone(env, r));
            findings.addAll(tls.expiry(env, r, now));
            findings.addAll(SchemaParity.alone(env, r));
        });
        List<String> envs = List.copyOf(results.keySet());
        Pending shown = null;
        for (int i = 0; i + 1 < envs.size(); i++) {
            String up = envs.get(i);
            String down = envs.get(i + 1);
            EnvironmentReport u = results.get(up);
            EnvironmentReport d = results.get(down);
            Pending host = compared.stream().filter(p -> p.about(up, down)).findFirst().orElse(null);
            shown = host != null ? host : shown;
            List<Finding> versions = List.of();
            if (u.version() != null && d.version() != null) {
                versions = pair(up, u, down, d, host != null && host.answered() ? host : null, now);
                findings.addAll(versions);
                findings.addAll(RuntimeParity.compare(up, u, down, d, versions));
                findings.addAll(SchemaParity.pair(up, u, down, d, versions));
            }
            findings.addAll(tls.differences(up, u, down, d, versions));
            findings.addAll(HeaderParity.compare(up, u, down, d, versions));
        }
        return ServiceReport.of(service, results, findings, shown);
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

    /** @param host what the code host says about the pair's commits, or null */
    private List<Finding> pair(String up, EnvironmentReport u, String down, EnvironmentReport d, Pending host, Instant now) {
        List<String> envs = List.of(up, down);
        boolean bothCommits = u.commit() != null && d.commit() != null;
        boolean sameCommit = bothCommits && Commits.same(u.commit(), d.commit());
        VersionOrder.Relation relation = VersionOrder.compare(u.version(), d.version());
        if (host != null && !sameCommit && followsTheHost(relation, bothCommits, host.status())) {
            return explained(up, u, down, d, host, now);
        }
        switch (relation) {
            case SAME:
                if (bothCommits && !sameCommit) {
                    return List.of(finding(Kind.DIVERGED, Status.DIVERGED, envs, up + " and " + down + " both report "
                            + u.version() + " but run different commits (" + Labels.shortCommit(u.commit()) + " vs "
                            + Labels.shortCommit(d.commit()) + ")"));
                }
                return mismatches(up, u, down, d);
            case AHEAD:
                return List.of(upstreamAhead(up, u, down, up + " " + u.version() + " is ahead of " + down + " " + d.version(), now));
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
     * Whether the code host decides: versions that cannot be ordered (or one version from two commits), and versions whose
     * order the commits contradict (a label that sorts wrong, such as "main-9e8d7c6" after "main-4f2a9c1").
     */
    private static boolean followsTheHost(VersionOrder.Relation relation, boolean bothCommits, Pending.State host) {
        return switch (relation) {
            case UNORDERED, SAME_RELEASE_DIFFERENT_BUILD -> true;
            case SAME -> bothCommits;
            case AHEAD -> host == Pending.State.BEHIND;
            case BEHIND -> host == Pending.State.AHEAD;
        };
    }

    /**
     * Versions that cannot be ordered, ordered by the code host: "staging 4f2a9c1 is 12 commits ahead of production
     * 9e8d7c6", "production has 2 commits that staging lacks: …", or who lacks what when they diverged.
     */
    private List<Finding> explained(String up, EnvironmentReport u, String down, EnvironmentReport d, Pending host, Instant now) {
        boolean sameLabel = u.version().equalsIgnoreCase(d.version());
        String upstream = up + " " + u.version() + (sameLabel ? " (" + Labels.shortCommit(u.commit()) + ")" : "");
        String downstream = down + " " + d.version() + (sameLabel ? " (" + Labels.shortCommit(d.commit()) + ")" : "");
        List<String> envs = List.of(up, down);
        return switch (host.status()) {
            case AHEAD -> List.of(upstreamAhead(up, u, down,
                    upstream + " is " + Pending.commits(host.aheadBy()) + " ahead of " + downstream, now));
            case BEHIND -> List.of(finding(Kind.DOWNSTREAM_AHEAD, Status.DOWNSTREAM_AHEAD, envs, down + " has "
                    + Pending.commits(host.behindBy()) + " that " + up + " lacks: a hotfix not merged back? " + up
                    + " no longer represents " + down));
            case DIVERGED -> List.of(finding(Kind.DIVERGED, Status.DIVERGED, envs, up + " and " + down + " have diverged: "
                    + down + " has " + Pending.commits(host.behindBy()) + " that " + up + " lacks (a hotfix not merged back?), "
                    + up + " has " + host.aheadBy() + " waiting"));
            case IDENTICAL -> mismatches(up, u, down, d);
        };
    }

    /**
     * The upstream leads: pending while younger than the allowed lag, then overdue. Its age is measured from its build
     * time, or, when it reports none, from when the history first saw it there ({@code versionSince}).
     */
    private Finding upstreamAhead(String up, EnvironmentReport u, String down, String lead, Instant now) {
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
