package dev.envparity.notify;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import dev.envparity.report.EnvironmentReport;
import dev.envparity.report.Health;
import dev.envparity.report.ParityReport;
import dev.envparity.report.ServiceReport;

/** The golden-file scenarios (see {@link Scenarios}), for the golden files of renderers outside this package. */
public final class ScenarioReports {
    public static final List<String> NAMES = List.of("all-in-sync", "mixed-drift", "all-unreachable", "300-drifting",
            "runtime-parity", "tls-parity", "headers-parity", "schema-parity");

    private ScenarioReports() {
    }

    public static ParityReport report(String name) {
        return Scenarios.report(name);
    }

    /** Pending commits (one hostile), a diverged pair, a failed comparison, and owners with every platform's ids. */
    public static ParityReport pendingOwners() {
        return PendingScenario.report();
    }

    public static ParityReport report(List<ServiceReport> services) {
        return Scenarios.report(services);
    }

    public static ServiceReport service(String name, EnvironmentReport staging, EnvironmentReport production) {
        return Scenarios.service(name, staging, production);
    }

    public static EnvironmentReport env(Health health, String version, String commit, Instant builtAt, Map<String, Health> checks) {
        return Scenarios.env(health, version, commit, builtAt, checks);
    }

    public static EnvironmentReport unreachable(String url, String error) {
        return Scenarios.unreachable(url, error);
    }
}
