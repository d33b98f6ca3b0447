package dev.envparity.probe.health;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

import dev.envparity.report.Health;

/**
 * {@code application/health+json} (draft-inadarei-api-health-check-06): status pass | warn | fail, and
 * {@code checks} mapping "component:measurement" to an array of results, one per component instance.
 */
public final class HealthJsonFormat implements HealthFormat {
    /** The draft's own words; "ok"/"up" and "error"/"down" are its compatibility aliases, told apart by checks. */
    private static final Set<String> DRAFT_STATUSES = Set.of("pass", "warn", "fail");

    @Override
    public Optional<HealthReading> read(JsonNode doc) {
        JsonNode status = doc.path("status");
        JsonNode checks = doc.path("checks");
        boolean arrayChecks = checks.isObject() && checks.size() > 0 && checks.elements().next().isArray();
        if (!status.isTextual() || !(DRAFT_STATUSES.contains(status.asText()) || arrayChecks)) {
            return Optional.empty();
        }
        Map<String, Health> byName = new LinkedHashMap<>();
        if (checks.isObject()) {
            checks.fields().forEachRemaining(e -> {
                Health worst = Health.UP;
                for (JsonNode instance : e.getValue()) {
                    worst = Health.worse(worst, Health.fromWord(instance.path("status").asText(null)));
                }
                byName.put(e.getKey(), worst);
            });
        }
        return Optional.of(new HealthReading(Health.fromWord(status.asText()), byName));
    }
}
