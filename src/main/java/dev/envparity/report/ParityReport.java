package dev.envparity.report;

import java.time.Instant;
import java.util.List;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * The immutable result of one run: what every service answered in every environment, and what that means.
 * Its JSON form is a contract (README "JSON report").
 *
 * @param severity the most severe service's severity
 * @param services sorted by name
 */
@RegisterForReflection
public record ParityReport(String id, Trigger trigger, Instant startedAt, long durationMs, List<String> environments,
        Severity severity, List<ServiceReport> services) {

    public long count(Status status) {
        return services.stream().filter(s -> s.status() == status).count();
    }
}
