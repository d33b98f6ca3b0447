package dev.envparity.report;

import java.util.List;
import java.util.Map;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * @param environments per environment, in promotion order
 */
@RegisterForReflection
public record ServiceReport(String name, Status status, Severity severity, Map<String, EnvironmentReport> environments,
        List<Finding> findings) {
}
