package dev.envparity.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonUnwrapped;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * @param environments per environment, in promotion order
 * @param findings most severe first
 * @param pending what the code host says waits between the most downstream pair of environments whose commits differ;
 *        null without a {@code repository} or without such a pair
 * @param ownership owner, runbook and rollback note, shown as fields of the service
 * @param promote the service's {@code promote-url} for the most downstream pair where the upstream leads, or null
 */
@RegisterForReflection
public record ServiceReport(String name, Status status, Severity severity, Map<String, EnvironmentReport> environments,
        List<Finding> findings, @JsonInclude(JsonInclude.Include.NON_NULL) Pending pending,
        @JsonUnwrapped Ownership ownership, @JsonInclude(JsonInclude.Include.NON_NULL) Promotion promote) {

    private static final Comparator<Finding> MOST_SEVERE_FIRST = Comparator
            .comparing(Finding::severity, Comparator.reverseOrder())
            .thenComparing(Finding::status);

    public ServiceReport {
        ownership = ownership == null ? Ownership.NONE : ownership;
    }

    public ServiceReport(String name, Status status, Severity severity, Map<String, EnvironmentReport> environments,
            List<Finding> findings) {
        this(name, status, severity, environments, findings, null, Ownership.NONE, null);
    }

    /** A service's status and severity are those of its most severe finding; no finding means in sync. */
    public static ServiceReport of(String name, Map<String, EnvironmentReport> environments, List<Finding> findings) {
        return of(name, environments, findings, null);
    }

    public static ServiceReport of(String name, Map<String, EnvironmentReport> environments, List<Finding> findings,
            Pending pending) {
        List<Finding> sorted = new ArrayList<>(findings);
        sorted.sort(MOST_SEVERE_FIRST);
        Finding top = sorted.isEmpty() ? null : sorted.get(0);
        return new ServiceReport(name, top == null ? Status.IN_SYNC : top.status(),
                top == null ? Severity.OK : top.severity(), environments, List.copyOf(sorted), pending, Ownership.NONE, null);
    }

    /**
     * The same service with what configuration says about it: who owns it, and where to promote it (the most downstream
     * pair where the upstream leads, by version or by commits).
     *
     * @param promoteUrl the {@code promote-url} template, or null
     */
    public ServiceReport withOwnership(Ownership about, String promoteUrl) {
        Promotion promotion = null;
        List<String> envs = List.copyOf(environments.keySet());
        for (int i = 0; promoteUrl != null && i + 1 < envs.size(); i++) {
            String up = envs.get(i);
            String down = envs.get(i + 1);
            if (leads(up, down)) {
                EnvironmentReport u = environments.get(up);
                promotion = Promotion.of(promoteUrl, name, up, down, u.version(), u.commit());
            }
        }
        return new ServiceReport(name, status, severity, environments, findings, pending, about, promotion);
    }

    private boolean leads(String up, String down) {
        boolean byVersion = findings.stream().anyMatch(f -> f.kind() == Finding.Kind.VERSION_DRIFT
                && f.environments().equals(List.of(up, down)));
        boolean byCommits = pending != null && pending.about(up, down) && pending.answered() && pending.aheadBy() > 0;
        return byVersion || byCommits;
    }

    /** The same service, its findings annotated (since, checks, confirmation) in the same order. */
    public ServiceReport withFindings(List<Finding> annotated) {
        return new ServiceReport(name, status, severity, environments, List.copyOf(annotated), pending, ownership, promote);
    }

    /** The service as notifications see it: only the findings that have persisted long enough (confirm-after). */
    public ServiceReport confirmedOnly() {
        if (findings.stream().allMatch(Finding::confirmed)) {
            return this;
        }
        ServiceReport confirmed = of(name, environments, findings.stream().filter(Finding::confirmed).toList(), pending);
        return new ServiceReport(name, confirmed.status, confirmed.severity, environments, confirmed.findings, pending,
                ownership, promote);
    }

    /** The same service seen from some environments only: the others' results and findings left out. */
    public ServiceReport onlyAbout(Set<String> selected) {
        Map<String, EnvironmentReport> envs = new LinkedHashMap<>();
        environments.forEach((env, r) -> {
            if (selected.contains(env)) {
                envs.put(env, r);
            }
        });
        boolean pendingHere = pending != null && (selected.contains(pending.from()) || selected.contains(pending.to()));
        boolean promoteHere = promote != null && (selected.contains(promote.from()) || selected.contains(promote.to()));
        ServiceReport seen = of(name, envs, findings.stream().filter(f -> f.environments().stream().anyMatch(selected::contains))
                .toList(), pendingHere ? pending : null);
        return new ServiceReport(name, seen.status, seen.severity, envs, seen.findings, seen.pending, ownership,
                promoteHere ? promote : null);
    }
}
