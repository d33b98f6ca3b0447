package dev.envparity.probe.health;

import java.util.Map;

import dev.envparity.report.Health;

/**
 * What a health document said.
 *
 * @param checks individual checks by name (nested ones as "db/primary"), in document order
 */
public record HealthReading(Health health, Map<String, Health> checks) {
}
