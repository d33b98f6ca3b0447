package dev.envparity.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * @param environments per environment, in promotion order
 * @param findings most severe first
 */
@RegisterForReflection
public record ServiceReport(String name, Status status, Severity severity, Map<String, EnvironmentReport> environments,
        List<Finding> findings) {

    private static final Comparator<Finding> MOST_SEVERE_FIRST = Comparator
            .comparing(Finding::severity, Comparator.reverseOrder())
            .thenComparing(Finding::status);

    /** A service's status and severity are those of its most severe finding; no finding means in sync. */
    public static ServiceReport of(String name, Map<String, EnvironmentReport> environments, List<Finding> findings) {
        List<Finding> sorted = new ArrayList<>(findings);
        sorted.sort(MOST_SEVERE_FIRST);
        Finding top = sorted.isEmpty() ? null : sorted.get(0);
        return new ServiceReport(name, top == null ? Status.IN_SYNC : top.status(),
                top == null ? Severity.OK : top.severity(), environments, List.copyOf(sorted));
    }

    /** The same service, its findings annotated (since, checks, confirmation) in the same order. */
    public ServiceReport withFindings(List<Finding> annotated) {
        return new ServiceReport(name, status, severity, environments, List.copyOf(annotated));
    }

    /** The service as notifications see it: only the findings that have persisted long enough (confirm-after). */
    public ServiceReport confirmedOnly() {
        return findings.stream().allMatch(Finding::confirmed) ? this
                : of(name, environments, findings.stream().filter(Finding::confirmed).toList());
    }

    /** The same service seen from some environments only: the others' results and findings left out. */
    public ServiceReport onlyAbout(Set<String> selected) {
        Map<String, EnvironmentReport> envs = new LinkedHashMap<>();
        environments.forEach((env, r) -> {
            if (selected.contains(env)) {
                envs.put(env, r);
            }
        });
        return of(name, envs, findings.stream().filter(f -> f.environments().stream().anyMatch(selected::contains)).toList());
    }
}
